
func.func @attention_int(%q: tensor<1x2x3x4xi32>) -> tensor<1x2x3x4xi32> {
  %0 = graph.attention %q, %q, %q {scale = 1.0 : f32} : (tensor<1x2x3x4xi32>, tensor<1x2x3x4xi32>, tensor<1x2x3x4xi32>) -> tensor<1x2x3x4xi32>
  return %0 : tensor<1x2x3x4xi32>
}

