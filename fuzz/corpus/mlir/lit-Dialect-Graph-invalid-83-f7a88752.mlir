
func.func @reduce_mean_int(%a: tensor<2x3xi64>) -> tensor<2x1xi64> {
  %0 = graph.reduce_mean %a, [1] : tensor<2x3xi64> -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}


