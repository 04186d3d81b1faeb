
func.func @slice_rank(%a: tensor<4x4xf32>) -> tensor<8xf32> {
  %0 = graph.slice %a {starts = array<i64: 0, 0>, steps = array<i64: 1, 1>} : tensor<4x4xf32> -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

