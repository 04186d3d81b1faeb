
func.func @trilu() -> (tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<2x3xf32>) {
  %m = graph.constant dense<[[1, 2, 3], [4, 5, 6], [7, 8, 9]]> : tensor<3x3xi64>
  %0 = graph.trilu %m : tensor<3x3xi64>
  %1 = graph.trilu %m {upper = false} : tensor<3x3xi64>
  %2 = graph.trilu %m {k = 1 : i64} : tensor<3x3xi64>
  %3 = graph.trilu %m {k = -1 : i64, upper = false} : tensor<3x3xi64>
  %s = graph.constant dense<1.0> : tensor<2x3xf32>
  %4 = graph.trilu %s {k = 1 : i64} : tensor<2x3xf32>
  return %0, %1, %2, %3, %4 : tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<2x3xf32>
}

