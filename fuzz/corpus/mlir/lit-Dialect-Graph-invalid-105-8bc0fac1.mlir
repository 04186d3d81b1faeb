
func.func @range_overflow_i32() -> tensor<3xi32> {
  %0 = graph.range {start = 2147483647 : i32, delta = 1 : i32} : tensor<3xi32>
  return %0 : tensor<3xi32>
}

