
func.func @shape(%x: tensor<2x3x4x5xf32>) -> (tensor<4xi64>, tensor<2xi64>, tensor<1xi64>, tensor<2xi64>) {
  %0 = graph.shape %x : tensor<2x3x4x5xf32> -> tensor<4xi64>
  %1 = graph.shape %x {start = 1, end = -1} : tensor<2x3x4x5xf32> -> tensor<2xi64>
  %2 = graph.shape %x {start = -1} : tensor<2x3x4x5xf32> -> tensor<1xi64>
  %4 = graph.shape %x {start = -10, end = 2} : tensor<2x3x4x5xf32> -> tensor<2xi64>
  return %0, %1, %2, %4 : tensor<4xi64>, tensor<2xi64>, tensor<1xi64>, tensor<2xi64>
}

