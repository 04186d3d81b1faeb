
func.func @split_axis(%a: tensor<2x4xf32>) {
  %0:2 = graph.split %a {axis = 2 : i64} : tensor<2x4xf32> -> tensor<2x2xf32>, tensor<2x2xf32>
  return
}

