
func.func @range() -> (tensor<4xi64>, tensor<3xi32>, tensor<3xf32>) {
  %0 = graph.range {start = 3 : i64, delta = -2 : i64} : tensor<4xi64>
  %1 = graph.range {start = 10 : i32, delta = 5 : i32} : tensor<3xi32>
  %2 = graph.range {start = 0.5 : f32, delta = 0.25 : f32} : tensor<3xf32>
  return %0, %1, %2 : tensor<4xi64>, tensor<3xi32>, tensor<3xf32>
}

