
func.func @where_branches(%c: tensor<3xi1>, %a: tensor<3xf32>, %b: tensor<4xf32>) -> tensor<3xf32> {
  %0 = graph.where %c, %a, %b : (tensor<3xi1>, tensor<3xf32>, tensor<4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

