
func.func @gather_result(%a: tensor<4x2xf32>, %i: tensor<3xi64>) -> tensor<3x4xf32> {
  %0 = graph.gather %a[%i] {axis = 1 : i64} : (tensor<4x2xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

