
func.func @linear_k(%x: tensor<2x6xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  %0 = graph.linear %x, %w : (tensor<2x6xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

