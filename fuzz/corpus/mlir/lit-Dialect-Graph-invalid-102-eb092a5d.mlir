
func.func @layer_norm_epsilon(%x: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf32> {
  %0 = graph.layer_norm %x, %s {axis = 1 : i64, epsilon = -1.0e-3 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

