
func.func @not_float(%a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = graph.not %a : tensor<3xf32>
  return %0 : tensor<3xf32>
}


