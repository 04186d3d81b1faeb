
func.func @slice_step(%a: tensor<4x4xf32>) -> tensor<4x2xf32> {
  %0 = graph.slice %a {starts = array<i64: 0, 0>, steps = array<i64: 1, 0>} : tensor<4x4xf32> -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

