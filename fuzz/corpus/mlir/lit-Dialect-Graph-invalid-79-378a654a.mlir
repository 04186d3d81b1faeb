
func.func @reduce_axis(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = graph.reduce_sum %a, [2] : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

