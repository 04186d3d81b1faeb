
func.func @gelu_erf_near_misses(%x: tensor<2x8xf32>, %z: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>) {
  %two = graph.constant dense<2.0> : tensor<f32>
  %sqrt2 = graph.constant dense<1.41421354> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %half = graph.constant dense<0.5> : tensor<f32>
  %bad = graph.constant dense<0.6> : tensor<f32>
  %d0 = graph.div %x, %two : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e0 = graph.erf %d0 : tensor<2x8xf32>
  %a0 = graph.add %e0, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m0 = graph.mul %x, %a0 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y0 = graph.mul %m0, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d1 = graph.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e1 = graph.erf %d1 : tensor<2x8xf32>
  %a1 = graph.add %e1, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m1 = graph.mul %x, %a1 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y1 = graph.mul %m1, %bad : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d2 = graph.div %z, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e2 = graph.erf %d2 : tensor<2x8xf32>
  %a2 = graph.add %e2, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m2 = graph.mul %x, %a2 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y2 = graph.mul %m2, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d3 = graph.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e3 = graph.erf %d3 : tensor<2x8xf32>
  %a3 = graph.add %e3, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %m3 = graph.mul %x, %a3 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y3 = graph.mul %m3, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y0, %y1, %y2, %y3, %e3 : tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>
}

