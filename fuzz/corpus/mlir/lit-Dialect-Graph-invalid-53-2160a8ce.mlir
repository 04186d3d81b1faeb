
func.func @gelu_approximate_string(%a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = graph.gelu %a {approximate = "tanh"} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

