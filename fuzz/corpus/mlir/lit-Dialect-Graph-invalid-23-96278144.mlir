
func.func @expand_broadcast(%a: tensor<3xf32>) -> tensor<2x4xf32> {
  %0 = graph.expand %a : tensor<3xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

