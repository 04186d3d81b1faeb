
func.func @gather_float_indices(%a: tensor<4x2xf32>, %i: tensor<3xf32>) -> tensor<3x2xf32> {
  %0 = graph.gather %a[%i] {axis = 0 : i64} : (tensor<4x2xf32>, tensor<3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

