
func.func @split_element(%a: tensor<2x4xf32>) {
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<2x4xf32> -> tensor<1x4xf32>, tensor<1x4xf16>
  return
}

