
func.func @reshape(%x: tensor<2x3xf32>) -> (tensor<3x2xi64>, tensor<2x3xf32>, tensor<6xf32>, tensor<2x2xf32>) {
  %c = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %0 = graph.reshape %c : tensor<2x3xi64> -> tensor<3x2xi64>
  %1 = graph.reshape %x : tensor<2x3xf32> -> tensor<2x3xf32>
  %r = graph.reshape %x : tensor<2x3xf32> -> tensor<3x2xf32>
  %2 = graph.reshape %r : tensor<3x2xf32> -> tensor<6xf32>
  %s = graph.constant dense<1.5> : tensor<4xf32>
  %3 = graph.reshape %s : tensor<4xf32> -> tensor<2x2xf32>
  return %0, %1, %2, %3 : tensor<3x2xi64>, tensor<2x3xf32>, tensor<6xf32>, tensor<2x2xf32>
}

