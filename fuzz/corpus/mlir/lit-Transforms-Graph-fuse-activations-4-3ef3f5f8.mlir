
func.func @gelu_tanh_near_misses(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %half = graph.constant dense<0.5> : tensor<f32>
  %two = graph.constant dense<2.0> : tensor<f32>
  %three = graph.constant dense<3.0> : tensor<f32>
  %c = graph.constant dense<0.044715> : tensor<f32>
  %c_bad = graph.constant dense<0.05> : tensor<f32>
  %k = graph.constant dense<0.797884583> : tensor<f32>
  %k_bad = graph.constant dense<0.75> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %h0 = graph.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p0 = graph.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q0 = graph.mul %p0, %c_bad : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %i0 = graph.add %x, %q0 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s0 = graph.mul %i0, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t0 = graph.tanh %s0 : tensor<8xf32>
  %a0 = graph.add %t0, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y0 = graph.mul %h0, %a0 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %h1 = graph.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p1 = graph.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q1 = graph.mul %p1, %c : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %i1 = graph.add %x, %q1 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s1 = graph.mul %i1, %k_bad : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t1 = graph.tanh %s1 : tensor<8xf32>
  %a1 = graph.add %t1, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y1 = graph.mul %h1, %a1 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %h2 = graph.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p2 = graph.pow %x, %two : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q2 = graph.mul %p2, %c : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %i2 = graph.add %x, %q2 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s2 = graph.mul %i2, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t2 = graph.tanh %s2 : tensor<8xf32>
  %a2 = graph.add %t2, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y2 = graph.mul %h2, %a2 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %h3 = graph.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p3 = graph.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q3 = graph.mul %p3, %c : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %i3 = graph.add %x, %q3 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s3 = graph.mul %i3, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t3 = graph.tanh %s3 : tensor<8xf32>
  %a3 = graph.add %t3, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y3 = graph.mul %h3, %a3 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %y0, %y1, %y2, %y3, %p3 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}

