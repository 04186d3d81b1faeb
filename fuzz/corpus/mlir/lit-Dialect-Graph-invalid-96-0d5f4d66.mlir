
func.func @attention_result(%q: tensor<1x8x3x16xf32>, %k: tensor<1x2x5x16xf32>, %v: tensor<1x2x5x32xf32>) -> tensor<1x8x3x16xf32> {
  %0 = graph.attention %q, %k, %v {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

