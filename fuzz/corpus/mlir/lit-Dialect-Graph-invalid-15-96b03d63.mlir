
func.func @reshape_count(%a: tensor<2x3xf32>) -> tensor<4xf32> {
  %0 = graph.reshape %a : tensor<2x3xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

