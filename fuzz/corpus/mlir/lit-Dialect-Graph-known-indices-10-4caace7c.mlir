
func.func @indices_defined_later(%t: tensor<64x16xf32>) -> tensor<3x16xf32> {
  %0 = graph.gather %t[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<3xi32>) -> tensor<3x16xf32>
  %c = graph.cast %j : tensor<3xi64> -> tensor<3xi32>
  %j = graph.concat %k {axis = 0 : i64} : (tensor<3xi128>) -> tensor<3xi64>
  %k = graph.constant dense<[1099511627776, 1099511627777, 1099511627778]> : tensor<3xi128>
  return %0 : tensor<3x16xf32>
}
