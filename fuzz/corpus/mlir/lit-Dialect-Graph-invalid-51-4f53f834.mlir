
func.func @trilu_rank(%a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = graph.trilu %a : tensor<3xf32>
  return %0 : tensor<3xf32>
}


