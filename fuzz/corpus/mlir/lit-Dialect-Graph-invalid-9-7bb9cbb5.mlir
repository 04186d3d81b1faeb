
func.func @shape_size(%a: tensor<2x3x4xf32>) -> tensor<3xi64> {
  %0 = graph.shape %a {start = -2} : tensor<2x3x4xf32> -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

