
func.func @range_overflow() -> tensor<3xi64> {
  %0 = graph.range {start = 9223372036854775806 : i64, delta = 1 : i64} : tensor<3xi64>
  return %0 : tensor<3xi64>
}

