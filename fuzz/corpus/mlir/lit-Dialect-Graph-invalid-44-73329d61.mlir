
func.func @gather_axis(%a: tensor<4x2xf32>, %i: tensor<3xi64>) -> tensor<4x3xf32> {
  %0 = graph.gather %a[%i] {axis = -1 : i64} : (tensor<4x2xf32>, tensor<3xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

