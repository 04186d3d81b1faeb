
func.func @div_result_shape(%a: tensor<2x1xi64>, %b: tensor<3xi64>) -> tensor<2x1xi64> {
  %0 = graph.div %a, %b : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

