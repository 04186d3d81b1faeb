
func.func @slice_element(%a: tensor<4xf32>) -> tensor<2xf16> {
  %0 = graph.slice %a {starts = array<i64: 0>, steps = array<i64: 1>} : tensor<4xf32> -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

