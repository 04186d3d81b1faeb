
func.func @reduce_negative_axis(%a: tensor<2x3xf32>) -> tensor<2x1xf32> {
  %0 = graph.reduce_max %a, [-1] : tensor<2x3xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

