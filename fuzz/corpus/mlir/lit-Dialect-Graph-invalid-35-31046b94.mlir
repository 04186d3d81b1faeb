
func.func @split_cover(%a: tensor<4x2xf32>) {
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<4x2xf32> -> tensor<1x2xf32>, tensor<2x2xf32>
  return
}

