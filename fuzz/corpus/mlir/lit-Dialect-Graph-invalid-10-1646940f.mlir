
func.func @shape_empty_window(%a: tensor<2x3x4xf32>) -> tensor<1xi64> {
  %0 = graph.shape %a {start = 2, end = 1} : tensor<2x3x4xf32> -> tensor<1xi64>
  return %0 : tensor<1xi64>
}

