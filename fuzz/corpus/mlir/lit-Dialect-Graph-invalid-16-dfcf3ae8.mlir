
func.func @cast_shape(%a: tensor<2x3xf32>) -> tensor<6xi64> {
  %0 = graph.cast %a : tensor<2x3xf32> -> tensor<6xi64>
  return %0 : tensor<6xi64>
}

