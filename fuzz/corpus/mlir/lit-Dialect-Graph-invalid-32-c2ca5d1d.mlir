
func.func @split_rank(%a: tensor<2x4xf32>) {
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<2x4xf32> -> tensor<4xf32>, tensor<1x4xf32>
  return
}

