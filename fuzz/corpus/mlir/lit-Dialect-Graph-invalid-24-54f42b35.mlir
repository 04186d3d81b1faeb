
func.func @expand_shrink(%a: tensor<2x3xf32>) -> tensor<3xf32> {
  %0 = graph.expand %a : tensor<2x3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

