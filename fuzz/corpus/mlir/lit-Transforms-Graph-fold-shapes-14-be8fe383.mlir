
func.func @gather() -> (tensor<3xi64>, tensor<2x2xi64>, tensor<3x2x1xf32>, tensor<i64>) {
  %d = graph.constant dense<[10, 20, 30]> : tensor<3xi64>
  %i = graph.constant dense<[2, -1, 0]> : tensor<3xi64>
  %0 = graph.gather %d[%i] {axis = 0 : i64} : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %m = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %j = graph.constant dense<[2, 0]> : tensor<2xi32>
  %1 = graph.gather %m[%j] {axis = 1 : i64} : (tensor<2x3xi64>, tensor<2xi32>) -> tensor<2x2xi64>
  %t = graph.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %k = graph.constant dense<[[-1], [0]]> : tensor<2x1xi64>
  %2 = graph.gather %t[%k] {axis = 1 : i64} : (tensor<3x2xf32>, tensor<2x1xi64>) -> tensor<3x2x1xf32>
  %s = graph.constant dense<1> : tensor<i64>
  %3 = graph.gather %d[%s] {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<2x2xi64>, tensor<3x2x1xf32>, tensor<i64>
}

