
func.func @element_count_overflow() -> tensor<4294967296x4294967296x4294967296xf32> {
  %0 = graph.constant dense<0.0> : tensor<4294967296x4294967296x4294967296xf32>
  return %0 : tensor<4294967296x4294967296x4294967296xf32>
}

