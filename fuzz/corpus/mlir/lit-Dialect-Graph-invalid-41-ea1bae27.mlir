
func.func @slice_before_start(%a: tensor<4xf32>) -> tensor<3xf32> {
  %0 = graph.slice %a {starts = array<i64: 1>, steps = array<i64: -1>} : tensor<4xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

