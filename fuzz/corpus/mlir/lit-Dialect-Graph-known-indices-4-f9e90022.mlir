
func.func @range_cast(%table: tensor<64x16xf32>) -> tensor<3x16xf32> {
  %r = graph.range {start = -63 : i64, delta = -1 : i64} : tensor<3xi64>
  %c = graph.cast %r : tensor<3xi64> -> tensor<3xi32>
  %0 = graph.gather %table[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<3xi32>) -> tensor<3x16xf32>
  return %0 : tensor<3x16xf32>
}

