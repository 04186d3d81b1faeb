
func.func @attention_mask_type(%q: tensor<1x8x3x16xf32>, %m: tensor<3x3xf16>) -> tensor<1x8x3x16xf32> {
  %0 = graph.attention %q, %q, %q, %m {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x8x3x16xf32>, tensor<1x8x3x16xf32>, tensor<3x3xf16>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

