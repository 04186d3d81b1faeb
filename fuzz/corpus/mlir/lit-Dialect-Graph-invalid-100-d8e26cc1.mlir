
func.func @attention_softcap(%q: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %0 = graph.attention %q, %q, %q {scale = 1.0 : f32, softcap = -1.0 : f32} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}

