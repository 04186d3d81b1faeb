
func.func @attention_heads(%q: tensor<1x8x3x16xf32>, %k: tensor<1x3x3x16xf32>) -> tensor<1x8x3x16xf32> {
  %0 = graph.attention %q, %k, %k {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x3x3x16xf32>, tensor<1x3x3x16xf32>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

