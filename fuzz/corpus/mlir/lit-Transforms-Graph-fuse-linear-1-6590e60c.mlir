
func.func @linear_activations(%x: tensor<1x8x16xf32>) -> (tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>) {
  %w = graph.constant dense<0.1> : tensor<16x32xf32>
  %b = graph.constant dense<0.2> : tensor<32xf32>
  %sqrt2 = graph.constant dense<1.41421354> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %half = graph.constant dense<0.5> : tensor<f32>
  %three = graph.constant dense<3.0> : tensor<f32>
  %c = graph.constant dense<0.044715> : tensor<f32>
  %k = graph.constant dense<0.797884583> : tensor<f32>
  %h0 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %f0 = graph.add %h0, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %d0 = graph.div %f0, %sqrt2 : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %e0 = graph.erf %d0 : tensor<1x8x32xf32>
  %a0 = graph.add %e0, %one : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %m0 = graph.mul %f0, %a0 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %y0 = graph.mul %m0, %half : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %h1 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %f1 = graph.add %h1, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %p1 = graph.mul %f1, %half : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %q1 = graph.pow %f1, %three : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %r1 = graph.mul %q1, %c : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %i1 = graph.add %f1, %r1 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %s1 = graph.mul %i1, %k : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %t1 = graph.tanh %s1 : tensor<1x8x32xf32>
  %a1 = graph.add %t1, %one : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %y1 = graph.mul %p1, %a1 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %h2 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %s2 = graph.sigmoid %h2 : tensor<1x8x32xf32>
  %y2 = graph.mul %h2, %s2 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %h3 = graph.matmul %x, %w : (tensor<1x8x16xf32>, tensor<16x32xf32>) -> tensor<1x8x32xf32>
  %f3 = graph.add %h3, %b : (tensor<1x8x32xf32>, tensor<32xf32>) -> tensor<1x8x32xf32>
  %y3 = graph.gelu %f3 approximate(tanh) : tensor<1x8x32xf32>
  return %y0, %y1, %y2, %y3 : tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>
}

