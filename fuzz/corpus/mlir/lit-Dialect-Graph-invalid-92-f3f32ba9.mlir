
func.func @attention_head_dim(%q: tensor<1x2x3x8xf32>, %k: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %0 = graph.attention %q, %k, %k {scale = 1.0 : f32} : (tensor<1x2x3x8xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}

