
func.func @range_rank() -> tensor<2x2xi64> {
  %0 = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}

