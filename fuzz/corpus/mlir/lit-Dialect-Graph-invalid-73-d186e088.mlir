
func.func @layer_norm_result_element(%a: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf16> {
  %0 = graph.layer_norm %a, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

