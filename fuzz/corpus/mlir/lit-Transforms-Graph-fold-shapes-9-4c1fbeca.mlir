
func.func @expand(%x: tensor<2x3xf32>) -> (tensor<2x2xi64>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xi64>) {
  %c = graph.constant dense<[7, 8]> : tensor<2xi64>
  %0 = graph.expand %c : tensor<2xi64> -> tensor<2x2xi64>
  %s = graph.constant dense<2.5> : tensor<1xf32>
  %1 = graph.expand %s : tensor<1xf32> -> tensor<3x2xf32>
  %2 = graph.expand %x : tensor<2x3xf32> -> tensor<2x3xf32>
  %col = graph.constant dense<[[1], [2]]> : tensor<2x1xi64>
  %3 = graph.expand %col : tensor<2x1xi64> -> tensor<2x3xi64>
  return %0, %1, %2, %3 : tensor<2x2xi64>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xi64>
}

