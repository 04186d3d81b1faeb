
func.func @cast_overflow() -> tensor<1xi32> {
  %f = graph.constant dense<[1.0e10]> : tensor<1xf32>
  %0 = graph.cast %f : tensor<1xf32> -> tensor<1xi32>
  return %0 : tensor<1xi32>
}

