
func.func @unary_half() -> (tensor<2xf16>, tensor<2xbf16>) {
  %h = graph.constant dense<[4.0, 9.0]> : tensor<2xf16>
  %0 = graph.sqrt %h : tensor<2xf16>
  %b = graph.constant dense<[1.0, -2.0]> : tensor<2xbf16>
  %1 = graph.neg %b : tensor<2xbf16>
  return %0, %1 : tensor<2xf16>, tensor<2xbf16>
}

