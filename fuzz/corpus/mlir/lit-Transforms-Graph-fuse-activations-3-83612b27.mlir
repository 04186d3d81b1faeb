
func.func @gelu_tanh(%x: tensor<1x8x32xf32>) -> (tensor<1x8x32xf32>, tensor<1x8x32xf32>) {
  %half = graph.constant dense<0.5> : tensor<f32>
  %three = graph.constant dense<3.0> : tensor<f32>
  %c = graph.constant dense<0.044715> : tensor<f32>
  %k = graph.constant dense<0.797884583> : tensor<f32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %h = graph.mul %half, %x : (tensor<f32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %cube = graph.pow %x, %three : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %cc = graph.mul %c, %cube : (tensor<f32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %in = graph.add %x, %cc : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %s = graph.mul %k, %in : (tensor<f32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %t = graph.tanh %s : tensor<1x8x32xf32>
  %a = graph.add %one, %t : (tensor<f32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %y = graph.mul %h, %a : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %sq1 = graph.mul %x, %x : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %cube1 = graph.mul %x, %sq1 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %cc1 = graph.mul %cube1, %c : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %in1 = graph.add %cc1, %x : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %s1 = graph.mul %in1, %k : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %t1 = graph.tanh %s1 : tensor<1x8x32xf32>
  %a1 = graph.add %t1, %one : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  %m1 = graph.mul %x, %a1 : (tensor<1x8x32xf32>, tensor<1x8x32xf32>) -> tensor<1x8x32xf32>
  %y1 = graph.mul %m1, %half : (tensor<1x8x32xf32>, tensor<f32>) -> tensor<1x8x32xf32>
  return %y, %y1 : tensor<1x8x32xf32>, tensor<1x8x32xf32>
}

