
func.func @rotary_rank(%x: tensor<2x5x32xf32>, %c: tensor<2x5x4xf32>) -> tensor<2x5x32xf32> {
  %0 = graph.rotary_embedding %x, %c, %c : (tensor<2x5x32xf32>, tensor<2x5x4xf32>, tensor<2x5x4xf32>) -> tensor<2x5x32xf32>
  return %0 : tensor<2x5x32xf32>
}

