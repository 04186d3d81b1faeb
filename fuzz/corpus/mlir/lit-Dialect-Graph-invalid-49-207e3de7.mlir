
func.func @where_condition(%c: tensor<5xi1>, %a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = graph.where %c, %a, %a : (tensor<5xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

