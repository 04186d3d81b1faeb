
func.func @huge_but_valid() -> (tensor<1099511627776xi64>, tensor<1099511627776xf32>) {
  %0 = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<1099511627776xi64>
  %1 = graph.constant dense<1.0> : tensor<1099511627776xf32>
  return %0, %1 : tensor<1099511627776xi64>, tensor<1099511627776xf32>
}
