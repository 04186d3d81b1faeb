
func.func @valid(%table: tensor<64x16xf32>, %ids: tensor<1x8xi64>) -> (tensor<3x16xf32>, tensor<1x64x16xf32>, tensor<1x8x16xf32>) {
  %i = graph.constant dense<[0, 63, -64]> : tensor<3xi64>
  %0 = graph.gather %table[%i] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<3xi64>) -> tensor<3x16xf32>
  %r = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<64xi64>
  %u = graph.reshape %r : tensor<64xi64> -> tensor<1x64xi64>
  %1 = graph.gather %table[%u] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<1x64xi64>) -> tensor<1x64x16xf32>
  %2 = graph.gather %table[%ids] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<1x8xi64>) -> tensor<1x8x16xf32>
  return %0, %1, %2 : tensor<3x16xf32>, tensor<1x64x16xf32>, tensor<1x8x16xf32>
}

