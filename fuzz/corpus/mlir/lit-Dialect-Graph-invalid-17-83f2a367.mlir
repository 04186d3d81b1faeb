
func.func @transpose_element(%a: tensor<2x3xf32>) -> tensor<3x2xf16> {
  %0 = graph.transpose %a, [1, 0] : tensor<2x3xf32> -> tensor<3x2xf16>
  return %0 : tensor<3x2xf16>
}

