
func.func @rms_norm_scale(%a: tensor<2x8xf32>, %s: tensor<2xf32>) -> tensor<2x8xf32> {
  %0 = graph.rms_norm %a, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<2xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

