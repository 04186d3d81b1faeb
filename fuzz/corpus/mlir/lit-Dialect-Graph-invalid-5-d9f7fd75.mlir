
func.func @equal_result_not_bool(%a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = graph.equal %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

