
func.func @expand_element(%a: tensor<3xf32>) -> tensor<2x3xf16> {
  %0 = graph.expand %a : tensor<3xf32> -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

