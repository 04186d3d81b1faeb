
func.func @transpose(%x: tensor<2x3xf32>) -> (tensor<3x2xi64>, tensor<2x3xf32>, tensor<3x1x2xi32>) {
  %c = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %0 = graph.transpose %c, [1, 0] : tensor<2x3xi64> -> tensor<3x2xi64>
  %1 = graph.transpose %x, [0, 1] : tensor<2x3xf32> -> tensor<2x3xf32>
  %d = graph.constant dense<[[[1, 2, 3]], [[4, 5, 6]]]> : tensor<2x1x3xi32>
  %2 = graph.transpose %d, [2, 1, 0] : tensor<2x1x3xi32> -> tensor<3x1x2xi32>
  return %0, %1, %2 : tensor<3x2xi64>, tensor<2x3xf32>, tensor<3x1x2xi32>
}

