
func.func @split_other_dim(%a: tensor<2x4xf32>) {
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<2x4xf32> -> tensor<1x4xf32>, tensor<2x2xf32>
  return
}

