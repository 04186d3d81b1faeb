
func.func @concat_axis(%a: tensor<2xf32>) -> tensor<4xf32> {
  %0 = graph.concat %a, %a {axis = -1 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

