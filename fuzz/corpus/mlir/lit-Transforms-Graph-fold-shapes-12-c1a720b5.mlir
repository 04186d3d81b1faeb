
func.func @split() -> (tensor<2xi64>, tensor<3xi64>, tensor<2x1xf32>, tensor<2x2xf32>, tensor<1xi64>, tensor<2xi64>) {
  %c = graph.constant dense<[1, 2, 3, 4, 5]> : tensor<5xi64>
  %0:2 = graph.split %c {axis = 0 : i64} : tensor<5xi64> -> tensor<2xi64>, tensor<3xi64>
  %m = graph.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %1:2 = graph.split %m {axis = 1 : i64} : tensor<2x3xf32> -> tensor<2x1xf32>, tensor<2x2xf32>
  %s = graph.constant dense<9> : tensor<3xi64>
  %2:2 = graph.split %s {axis = 0 : i64} : tensor<3xi64> -> tensor<1xi64>, tensor<2xi64>
  return %0#0, %0#1, %1#0, %1#1, %2#0, %2#1 : tensor<2xi64>, tensor<3xi64>, tensor<2x1xf32>, tensor<2x2xf32>, tensor<1xi64>, tensor<2xi64>
}

