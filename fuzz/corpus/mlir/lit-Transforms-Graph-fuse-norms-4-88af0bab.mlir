
func.func @layer_norm_near_misses(%x: tensor<2x8x16xf32>, %eps_arg: tensor<f32>) -> (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x1xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %three = graph.constant dense<3.0> : tensor<f32>
  %eps = graph.constant dense<1.0e-5> : tensor<f32>
  %m0 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d0 = graph.sub %x, %m0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s0 = graph.pow %d0, %three : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v0 = graph.reduce_mean %s0, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e0 = graph.add %v0, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r0 = graph.sqrt %e0 : tensor<2x8x1xf32>
  %n0 = graph.div %d0, %r0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %m1 = graph.reduce_mean %x, [1] : tensor<2x8x16xf32> -> tensor<2x1x16xf32>
  %d1 = graph.sub %x, %m1 : (tensor<2x8x16xf32>, tensor<2x1x16xf32>) -> tensor<2x8x16xf32>
  %s1 = graph.pow %d1, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v1 = graph.reduce_mean %s1, [1] : tensor<2x8x16xf32> -> tensor<2x1x16xf32>
  %e1 = graph.add %v1, %eps : (tensor<2x1x16xf32>, tensor<f32>) -> tensor<2x1x16xf32>
  %r1 = graph.sqrt %e1 : tensor<2x1x16xf32>
  %n1 = graph.div %d1, %r1 : (tensor<2x8x16xf32>, tensor<2x1x16xf32>) -> tensor<2x8x16xf32>
  %m2 = graph.reduce_mean %x, [1, 2] : tensor<2x8x16xf32> -> tensor<2x1x1xf32>
  %d2 = graph.sub %x, %m2 : (tensor<2x8x16xf32>, tensor<2x1x1xf32>) -> tensor<2x8x16xf32>
  %s2 = graph.pow %d2, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v2 = graph.reduce_mean %s2, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e2 = graph.add %v2, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r2 = graph.sqrt %e2 : tensor<2x8x1xf32>
  %n2 = graph.div %d2, %r2 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %m3 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d3 = graph.sub %x, %m3 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s3 = graph.pow %d3, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v3 = graph.reduce_mean %s3, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e3 = graph.add %v3, %eps_arg : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r3 = graph.sqrt %e3 : tensor<2x8x1xf32>
  %n3 = graph.div %d3, %r3 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %m4 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d4 = graph.sub %x, %m4 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s4 = graph.pow %d4, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v4 = graph.reduce_mean %s4, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e4 = graph.add %v4, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r4 = graph.sqrt %e4 : tensor<2x8x1xf32>
  %n4 = graph.div %d4, %r4 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %m5 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d5 = graph.sub %x, %m5 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s5 = graph.pow %d5, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v5 = graph.reduce_mean %s5, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e5 = graph.add %v5, %eps : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r5 = graph.sqrt %e5 : tensor<2x8x1xf32>
  %n5 = graph.div %d5, %r5 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  return %n0, %n1, %n2, %n3, %n4, %d4, %n5, %v5 : tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x1xf32>
}

