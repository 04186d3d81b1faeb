
func.func @shape_i32(%a: tensor<2x3xf32>) -> tensor<2xi32> {
  %0 = graph.shape %a : tensor<2x3xf32> -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

