
func.func @rms_norm_near_misses(%x: tensor<1x8x64xf32>, %other: tensor<1x8x64xf32>, %eps_arg: tensor<f32>) -> (tensor<1x8x64xf32>, tensor<1x8x64xf32>, tensor<1x8x64xf32>, tensor<1x8x1xf32>, tensor<1x8x64xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-6> : tensor<f32>
  %sq0 = graph.pow %other, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var0 = graph.reduce_mean %sq0, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve0 = graph.add %var0, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std0 = graph.sqrt %ve0 : tensor<1x8x1xf32>
  %n0 = graph.div %x, %std0 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %sq1 = graph.pow %x, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var1 = graph.reduce_mean %sq1, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve1 = graph.add %var1, %eps_arg : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std1 = graph.sqrt %ve1 : tensor<1x8x1xf32>
  %n1 = graph.div %x, %std1 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %sq2 = graph.pow %x, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var2 = graph.reduce_mean %sq2, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve2 = graph.add %var2, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std2 = graph.sqrt %ve2 : tensor<1x8x1xf32>
  %n2 = graph.div %x, %std2 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %sq3 = graph.pow %x, %two : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %var3 = graph.reduce_mean %sq3, [2] : tensor<1x8x64xf32> -> tensor<1x8x1xf32>
  %ve3 = graph.add %var3, %eps : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %std3 = graph.sqrt %ve3 : tensor<1x8x1xf32>
  %n3 = graph.mul %x, %std3 : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  return %n0, %n1, %n2, %std2, %n3 : tensor<1x8x64xf32>, tensor<1x8x64xf32>, tensor<1x8x64xf32>, tensor<1x8x1xf32>, tensor<1x8x64xf32>
}
