
func.func @slice(%x: tensor<2x3xf32>) -> (tensor<2xi64>, tensor<3xi64>, tensor<1x2xi64>, tensor<2x3xf32>, tensor<2xf32>) {
  %c = graph.constant dense<[0, 1, 2, 3, 4, 5]> : tensor<6xi64>
  %0 = graph.slice %c {starts = array<i64: 1>, steps = array<i64: 2>} : tensor<6xi64> -> tensor<2xi64>
  %1 = graph.slice %c {starts = array<i64: 4>, steps = array<i64: -2>} : tensor<6xi64> -> tensor<3xi64>
  %m = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %2 = graph.slice %m {starts = array<i64: 1, 2>, steps = array<i64: 1, -2>} : tensor<2x3xi64> -> tensor<1x2xi64>
  %3 = graph.slice %x {starts = array<i64: 0, 0>, steps = array<i64: 1, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %s = graph.constant dense<4.0> : tensor<5xf32>
  %4 = graph.slice %s {starts = array<i64: 1>, steps = array<i64: 3>} : tensor<5xf32> -> tensor<2xf32>
  return %0, %1, %2, %3, %4 : tensor<2xi64>, tensor<3xi64>, tensor<1x2xi64>, tensor<2x3xf32>, tensor<2xf32>
}

