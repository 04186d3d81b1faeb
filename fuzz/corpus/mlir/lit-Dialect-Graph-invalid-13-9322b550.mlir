
func.func @range_element() -> tensor<4xf32> {
  %0 = graph.range {start = 0 : i64, delta = 1.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}


