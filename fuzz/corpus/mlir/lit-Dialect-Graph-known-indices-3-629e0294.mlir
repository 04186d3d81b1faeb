
func.func @range_of_positions(%table: tensor<64x16xf32>) -> tensor<2x1099511627776x16xf32> {
  %r = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<1099511627776xi64>
  %u = graph.reshape %r : tensor<1099511627776xi64> -> tensor<1x1099511627776xi64>
  %e = graph.expand %u : tensor<1x1099511627776xi64> -> tensor<2x1099511627776xi64>
  %0 = graph.gather %table[%e] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<2x1099511627776xi64>) -> tensor<2x1099511627776x16xf32>
  return %0 : tensor<2x1099511627776x16xf32>
}

