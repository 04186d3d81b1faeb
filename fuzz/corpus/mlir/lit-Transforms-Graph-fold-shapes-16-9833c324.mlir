
func.func @where_runtime_condition(%c: tensor<3xi1>) -> tensor<3xi64> {
  %a = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
  %0 = graph.where %c, %a, %a : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

