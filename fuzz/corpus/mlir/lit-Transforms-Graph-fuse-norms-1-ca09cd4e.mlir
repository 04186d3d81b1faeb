
func.func @layer_norm_reciprocal_forms(%x: tensor<2x8x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>) {
  %one = graph.constant dense<1.0> : tensor<f32>
  %two = graph.constant dense<2.0> : tensor<f32>
  %mhalf = graph.constant dense<-0.5> : tensor<f32>
  %eps12 = graph.constant dense<1.0e-12> : tensor<f32>
  %eps5 = graph.constant dense<1.0e-5> : tensor<f32>
  %scale = graph.constant dense<1.1> : tensor<16xf32>
  %bias = graph.constant dense<0.1> : tensor<16xf32>
  %m0 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d0 = graph.sub %x, %m0 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s0 = graph.mul %d0, %d0 : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %v0 = graph.reduce_mean %s0, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e0 = graph.add %eps12, %v0 : (tensor<f32>, tensor<2x8x1xf32>) -> tensor<2x8x1xf32>
  %r0 = graph.sqrt %e0 : tensor<2x8x1xf32>
  %i0 = graph.reciprocal %r0 : tensor<2x8x1xf32>
  %n0 = graph.mul %i0, %d0 : (tensor<2x8x1xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %y0 = graph.mul %scale, %n0 : (tensor<16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %z0 = graph.add %bias, %y0 : (tensor<16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %m1 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d1 = graph.sub %x, %m1 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s1 = graph.pow %d1, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v1 = graph.reduce_mean %s1, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e1 = graph.add %v1, %eps5 : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %i1 = graph.pow %e1, %mhalf : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %n1 = graph.mul %d1, %i1 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %m2 = graph.reduce_mean %x, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %d2 = graph.sub %x, %m2 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %s2 = graph.pow %d2, %two : (tensor<2x8x16xf32>, tensor<f32>) -> tensor<2x8x16xf32>
  %v2 = graph.reduce_mean %s2, [2] : tensor<2x8x16xf32> -> tensor<2x8x1xf32>
  %e2 = graph.add %v2, %eps5 : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r2 = graph.sqrt %e2 : tensor<2x8x1xf32>
  %i2 = graph.div %one, %r2 : (tensor<f32>, tensor<2x8x1xf32>) -> tensor<2x8x1xf32>
  %n2 = graph.mul %d2, %i2 : (tensor<2x8x16xf32>, tensor<2x8x1xf32>) -> tensor<2x8x16xf32>
  %y2 = graph.mul %n2, %scale : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  return %z0, %n1, %y2 : tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x8x16xf32>
}

