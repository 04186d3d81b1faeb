
func.func @concat_result(%a: tensor<2x3xf32>) -> tensor<2x5xf32> {
  %0 = graph.concat %a, %a {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

