
func.func @gelu_approximate(%a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = graph.gelu %a approximate(fast) : tensor<3xf32>
  return %0 : tensor<3xf32>
}

