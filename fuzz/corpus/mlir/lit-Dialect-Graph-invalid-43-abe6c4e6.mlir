
func.func @gather_element(%a: tensor<4x2xf32>, %i: tensor<3xi64>) -> tensor<3x2xf16> {
  %0 = graph.gather %a[%i] {axis = 0 : i64} : (tensor<4x2xf32>, tensor<3xi64>) -> tensor<3x2xf16>
  return %0 : tensor<3x2xf16>
}

