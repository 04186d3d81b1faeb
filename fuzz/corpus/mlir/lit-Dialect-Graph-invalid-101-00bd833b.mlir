
func.func @attention_scale(%q: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %0 = graph.attention %q, %q, %q {scale = 0x7F800000 : f32} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}

