
func.func @linear_weight_rank(%x: tensor<2x8xf32>, %w: tensor<1x8x4xf32>) -> tensor<2x4xf32> {
  %0 = graph.linear %x, %w : (tensor<2x8xf32>, tensor<1x8x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

