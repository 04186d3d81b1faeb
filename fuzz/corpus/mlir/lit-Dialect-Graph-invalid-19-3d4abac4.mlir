
func.func @transpose_out_of_range(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = graph.transpose %a, [0, -1] : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

