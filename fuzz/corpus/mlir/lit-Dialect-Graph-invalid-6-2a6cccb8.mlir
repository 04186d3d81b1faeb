
func.func @pow_int(%a: tensor<3xi64>) -> tensor<3xi64> {
  %0 = graph.pow %a, %a : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

