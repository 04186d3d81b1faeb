
func.func @less_result_shape(%a: tensor<3xf32>) -> tensor<1xi1> {
  %0 = graph.less %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<1xi1>
  return %0 : tensor<1xi1>
}

