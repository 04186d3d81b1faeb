
func.func @softmax_negative_axis(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = graph.softmax %a {axis = -3 : i64} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

