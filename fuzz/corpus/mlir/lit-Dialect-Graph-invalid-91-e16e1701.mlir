
func.func @attention_batch(%q: tensor<1x2x3x8xf32>, %k: tensor<2x2x3x8xf32>) -> tensor<1x2x3x8xf32> {
  %0 = graph.attention %q, %k, %k {scale = 1.0 : f32} : (tensor<1x2x3x8xf32>, tensor<2x2x3x8xf32>, tensor<2x2x3x8xf32>) -> tensor<1x2x3x8xf32>
  return %0 : tensor<1x2x3x8xf32>
}

