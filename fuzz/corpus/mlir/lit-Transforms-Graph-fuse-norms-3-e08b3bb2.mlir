
func.func @layer_norm_epilogue_near_misses(%x: tensor<2x8x16xf32>, %w: tensor<16xf32>, %res: tensor<2x8x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x8x16xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-5> : tensor<f32>
  %m0 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d0 = graph.sub %x, %m0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s0 = graph.pow %d0, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v0 = graph.reduce_mean %s0, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e0 = graph.add %v0, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r0 = graph.sqrt %e0 : tensor<2x8x1xf32>
  %n0 = graph.div %d0, %r0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %y0 = graph.mul %n0, %w : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  %m1 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d1 = graph.sub %x, %m1 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s1 = graph.pow %d1, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v1 = graph.reduce_mean %s1, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e1 = graph.add %v1, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r1 = graph.sqrt %e1 : tensor<2x8x1xf32>
  %n1 = graph.div %d1, %r1 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %z1 = graph.add %n1, %res : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  return %y0, %z1 : tensor<2x8x16xf32>, tensor<2x8x16xf32>
}

