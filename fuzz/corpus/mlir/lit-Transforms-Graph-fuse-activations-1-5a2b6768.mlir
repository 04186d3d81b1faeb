
func.func @gelu_erf_orders(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %sqrt2 = graph.constant dense<1.41421354> : tensor<f32>
  %rsqrt2 = graph.constant dense<0.707106769> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %half = graph.constant dense<0.5> : tensor<f32>
  %d0 = graph.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %e0 = graph.erf %d0 : tensor<2x8xf32>
  %a0 = graph.add %one, %e0 : (tensor<f32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %h0 = graph.mul %a0, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %y0 = graph.mul %x, %h0 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %d1 = graph.mul %rsqrt2, %x : (tensor<f32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %e1 = graph.erf %d1 : tensor<2x8xf32>
  %a1 = graph.add %e1, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %h1 = graph.mul %half, %x : (tensor<f32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y1 = graph.mul %h1, %a1 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y0, %y1 : tensor<2x8xf32>, tensor<2x8xf32>
}

