
func.func @over_the_limit() -> (tensor<2x1048576xi64>, tensor<1099511627776xi64>, tensor<2048x2048xf32>, tensor<1099511627776xi64>) {
  %c = graph.constant dense<[[1], [2]]> : tensor<2x1xi64>
  %0 = graph.expand %c : tensor<2x1xi64> -> tensor<2x1048576xi64>
  %1 = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<1099511627776xi64>
  %ones = graph.constant dense<1.0> : tensor<2048x2048xf32>
  %2 = graph.trilu %ones : tensor<2048x2048xf32>
  %zeros = graph.constant dense<0> : tensor<1099511627776xi64>
  %table = graph.constant dense<[4, 5]> : tensor<2xi64>
  %3 = graph.gather %table[%zeros] {axis = 0 : i64} : (tensor<2xi64>, tensor<1099511627776xi64>) -> tensor<1099511627776xi64>
  return %0, %1, %2, %3 : tensor<2x1048576xi64>, tensor<1099511627776xi64>, tensor<2048x2048xf32>, tensor<1099511627776xi64>
}

