
func.func @wrapping_cast(%table: tensor<64x16xf32>) -> tensor<1x16xf32> {
  %i = graph.constant dense<[2147483648]> : tensor<1xi64>
  %c = graph.cast %i : tensor<1xi64> -> tensor<1xi32>
  %0 = graph.gather %table[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<1xi32>) -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

