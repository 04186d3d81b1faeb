
func.func @binary_int() -> (tensor<2x3xi64>, tensor<2xi64>, tensor<2xi64>, tensor<4xi64>, tensor<2xi64>, tensor<2xi64>) {
  %col = graph.constant dense<[[10], [20]]> : tensor<2x1xi64>
  %row = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
  %0 = graph.add %col, %row : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x3xi64>
  %a = graph.constant dense<[5, -5]> : tensor<2xi64>
  %b = graph.constant dense<[7, 3]> : tensor<2xi64>
  %1 = graph.sub %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %2 = graph.mul %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %n = graph.constant dense<[7, -7, 7, -7]> : tensor<4xi64>
  %d = graph.constant dense<[2, 2, -2, -2]> : tensor<4xi64>
  %3 = graph.div %n, %d : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %4 = graph.max %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %5 = graph.min %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  return %0, %1, %2, %3, %4, %5 : tensor<2x3xi64>, tensor<2xi64>, tensor<2xi64>, tensor<4xi64>, tensor<2xi64>, tensor<2xi64>
}

