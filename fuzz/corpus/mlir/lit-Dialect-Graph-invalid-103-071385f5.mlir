
func.func @rms_norm_epsilon(%x: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf32> {
  %0 = graph.rms_norm %x, %s {axis = 1 : i64, epsilon = 0x7FC00000 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

