
func.func @concat(%x: tensor<2x3xf32>) -> (tensor<3xi64>, tensor<2x3xi64>, tensor<2x3xf32>, tensor<4xf32>) {
  %a = graph.constant dense<[1, 2]> : tensor<2xi64>
  %b = graph.constant dense<3> : tensor<1xi64>
  %0 = graph.concat %a, %b {axis = 0 : i64} : (tensor<2xi64>, tensor<1xi64>) -> tensor<3xi64>
  %c = graph.constant dense<[[1], [2]]> : tensor<2x1xi64>
  %d = graph.constant dense<[[3, 4], [5, 6]]> : tensor<2x2xi64>
  %1 = graph.concat %c, %d {axis = 1 : i64} : (tensor<2x1xi64>, tensor<2x2xi64>) -> tensor<2x3xi64>
  %2 = graph.concat %x {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %e = graph.constant dense<[1.5, -1.5]> : tensor<2xf32>
  %f = graph.constant dense<0.0> : tensor<2xf32>
  %3 = graph.concat %f, %e {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<2x3xi64>, tensor<2x3xf32>, tensor<4xf32>
}

