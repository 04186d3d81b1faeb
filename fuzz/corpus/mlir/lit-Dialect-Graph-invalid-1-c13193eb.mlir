
func.func @sub_result_element(%a: tensor<2xf32>) -> tensor<2xf16> {
  %0 = graph.sub %a, %a : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

