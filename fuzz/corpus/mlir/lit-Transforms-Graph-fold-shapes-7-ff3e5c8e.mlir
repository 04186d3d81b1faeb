
func.func @reshape_roundtrip(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %r = graph.reshape %x : tensor<2x3xf32> -> tensor<6xf32>
  %0 = graph.reshape %r : tensor<6xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

