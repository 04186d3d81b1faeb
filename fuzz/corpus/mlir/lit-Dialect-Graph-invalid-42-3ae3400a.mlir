
func.func @slice_start(%a: tensor<4xf32>) -> tensor<1xf32> {
  %0 = graph.slice %a {starts = array<i64: -1>, steps = array<i64: 1>} : tensor<4xf32> -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

