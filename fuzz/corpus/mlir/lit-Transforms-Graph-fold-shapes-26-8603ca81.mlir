
func.func @compare_nan() -> (tensor<2xi1>, tensor<2xi1>) {
  %f = graph.constant dense<[0x7FC00000, 1.0]> : tensor<2xf32>
  %0 = graph.equal %f, %f : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>
  %1 = graph.less_equal %f, %f : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>
  return %0, %1 : tensor<2xi1>, tensor<2xi1>
}

