
func.func @attention_rank(%q: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {
  %0 = graph.attention %q, %q, %q {scale = 1.0 : f32} : (tensor<2x3x8xf32>, tensor<2x3x8xf32>, tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  return %0 : tensor<2x3x8xf32>
}

