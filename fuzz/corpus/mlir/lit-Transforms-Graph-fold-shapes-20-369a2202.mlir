
func.func @unary_int() -> (tensor<3xi64>, tensor<3xi64>, tensor<3xi32>, tensor<2xi1>) {
  %i = graph.constant dense<[-3, 0, 4]> : tensor<3xi64>
  %0 = graph.neg %i : tensor<3xi64>
  %1 = graph.abs %i : tensor<3xi64>
  %j = graph.constant dense<[-3, 0, 4]> : tensor<3xi32>
  %2 = graph.relu %j : tensor<3xi32>
  %b = graph.constant dense<[true, false]> : tensor<2xi1>
  %3 = graph.not %b : tensor<2xi1>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<3xi64>, tensor<3xi32>, tensor<2xi1>
}

