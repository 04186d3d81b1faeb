
func.func @rotary_result(%x: tensor<1x2x3x8xf32>, %c: tensor<1x3x4xf32>) -> tensor<1x3x2x8xf32> {
  %0 = graph.rotary_embedding %x, %c, %c : (tensor<1x2x3x8xf32>, tensor<1x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x3x2x8xf32>
  return %0 : tensor<1x3x2x8xf32>
}

