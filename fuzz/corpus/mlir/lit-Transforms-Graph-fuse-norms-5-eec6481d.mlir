
func.func @rms_norm(%x: tensor<1x8x64xf32>) -> (tensor<1x8x64xf32>, tensor<1x8x64xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-6> : tensor<f32>
  %w = graph.constant dense<1.1> : tensor<64xf32>
  %sq = graph.pow %x, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var = graph.reduce_mean %sq, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve = graph.add %var, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std = graph.sqrt %ve : tensor<1x8x1xf32>
  %inv = graph.reciprocal %std : tensor<1x8x1xf32>
  %n = graph.mul %x, %inv : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %y = graph.mul %w, %n : (tensor<64xf32>, tensor<1x8x64xf32>) -> tensor<1x8x64xf32>
  %sq1 = graph.mul %x, %x : (tensor<1x8x64xf32>, tensor<1x8x64xf32>) -> tensor<1x8x64xf32>
  %var1 = graph.reduce_mean %sq1, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve1 = graph.add %var1, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std1 = graph.sqrt %ve1 : tensor<1x8x1xf32>
  %n1 = graph.div %x, %std1 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  return %y, %n1 : tensor<1x8x64xf32>, tensor<1x8x64xf32>
}

