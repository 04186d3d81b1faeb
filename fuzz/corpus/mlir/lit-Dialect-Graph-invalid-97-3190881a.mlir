
func.func @attention_mask_shape(%q: tensor<1x8x3x16xf32>, %k: tensor<1x2x5x16xf32>, %m: tensor<3x3xi1>) -> tensor<1x8x3x16xf32> {
  %0 = graph.attention %q, %k, %k, %m {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x16xf32>, tensor<3x3xi1>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

