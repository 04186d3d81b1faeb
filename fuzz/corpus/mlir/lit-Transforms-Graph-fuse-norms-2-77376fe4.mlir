
func.func @layer_norm_two_axes(%x: tensor<2x8x16xf32>) -> tensor<2x8x16xf32> {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-5> : tensor<f32>
  %scale = graph.constant dense<1.1> : tensor<8x16xf32>
  %mean = graph.reduce_mean %x, [1, 2] : tensor<2x8x16xf32> -> tensor<2x1x1xf32>
  %d = graph.sub %x, %mean : (tensor<2x8x16xf32>, tensor<2x1x1xf32>) -> tensor<2x8x16xf32>
  %sq = graph.pow %d, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %var = graph.reduce_mean %sq, [2, 1] : tensor<2x8x16xf32> -> tensor<2x1x1xf32>
  %ve = graph.add %var, %eps : (tensor<2x1x1xf32>, tensor<f32>) -> tensor<2x1x1xf32>
  %std = graph.sqrt %ve : tensor<2x1x1xf32>
  %n = graph.div %d, %std : (tensor<2x8x16xf32>, tensor<2x1x1xf32>) -> tensor<2x8x16xf32>
  %y = graph.mul %n, %scale : (tensor<2x8x16xf32>, tensor<8x16xf32>) -> tensor<2x8x16xf32>
  return %y : tensor<2x8x16xf32>
}

