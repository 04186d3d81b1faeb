
func.func @reshape_element(%a: tensor<2x3xf32>) -> tensor<6xf16> {
  %0 = graph.reshape %a : tensor<2x3xf32> -> tensor<6xf16>
  return %0 : tensor<6xf16>
}

