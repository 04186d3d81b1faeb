
func.func @concat_transpose(%table: tensor<64x16xf32>) -> tensor<2x2x16xf32> {
  %a = graph.constant dense<[[0, 1]]> : tensor<1x2xi64>
  %b = graph.range {start = 63 : i64, delta = 1 : i64} : tensor<2xi64>
  %br = graph.reshape %b : tensor<2xi64> -> tensor<1x2xi64>
  %c = graph.concat %a, %br {axis = 0 : i64} : (tensor<1x2xi64>, tensor<1x2xi64>) -> tensor<2x2xi64>
  %t = graph.transpose %c, [1, 0] : tensor<2x2xi64> -> tensor<2x2xi64>
  %0 = graph.gather %table[%t] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<2x2xi64>) -> tensor<2x2x16xf32>
  return %0 : tensor<2x2x16xf32>
}

