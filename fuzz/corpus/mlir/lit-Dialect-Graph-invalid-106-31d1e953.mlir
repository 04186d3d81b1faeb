
func.func @slice_step_overflow(%a: tensor<4xf32>) -> tensor<2xf32> {
  %0 = graph.slice %a {starts = array<i64: 1>, steps = array<i64: 9223372036854775807>} : tensor<4xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

