
func.func @rotary_dim(%x: tensor<1x2x3x8xf32>, %c: tensor<1x3x5xf32>) -> tensor<1x2x3x8xf32> {
  %0 = graph.rotary_embedding %x, %c, %c : (tensor<1x2x3x8xf32>, tensor<1x3x5xf32>, tensor<1x3x5xf32>) -> tensor<1x2x3x8xf32>
  return %0 : tensor<1x2x3x8xf32>
}

