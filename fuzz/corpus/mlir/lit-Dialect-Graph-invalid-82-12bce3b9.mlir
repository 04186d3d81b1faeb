
func.func @reduce_keepdims(%a: tensor<2x3xf32>) -> tensor<2x1xf32> {
  %0 = graph.reduce_prod %a, [1] {keepdims = false} : tensor<2x3xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

