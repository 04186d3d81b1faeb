
func.func @at_the_limit() -> tensor<1048576xi64> {
  %0 = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<1048576xi64>
  return %0 : tensor<1048576xi64>
}
