
func.func @cast_nan() -> tensor<2xi64> {
  %f = graph.constant dense<[0x7FC00000, 1.0]> : tensor<2xf32>
  %0 = graph.cast %f : tensor<2xf32> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

