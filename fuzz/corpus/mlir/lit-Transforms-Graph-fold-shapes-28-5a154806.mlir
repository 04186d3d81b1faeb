
func.func @reduce_int(%x: tensor<2x3xi64>) -> (tensor<3xi64>, tensor<2xi32>, tensor<2xi32>, tensor<i64>, tensor<2x3xi64>, tensor<2xi64>) {
  %m = graph.constant dense<[[1, -2, 3], [-4, 5, -6]]> : tensor<2x3xi64>
  %0 = graph.reduce_sum %m, [0] {keepdims = false} : tensor<2x3xi64> -> tensor<3xi64>
  %n = graph.constant dense<[[1, -2, 3], [-4, 5, -6]]> : tensor<2x3xi32>
  %1 = graph.reduce_max %n, [1] {keepdims = false} : tensor<2x3xi32> -> tensor<2xi32>
  %2 = graph.reduce_min %n, [1] {keepdims = false} : tensor<2x3xi32> -> tensor<2xi32>
  %3 = graph.reduce_prod %m, [0, 1] {keepdims = false} : tensor<2x3xi64> -> tensor<i64>
  %4 = graph.reduce_sum %x, [] : tensor<2x3xi64> -> tensor<2x3xi64>
  %s = graph.constant dense<3> : tensor<2x4xi64>
  %5 = graph.reduce_sum %s, [1] {keepdims = false} : tensor<2x4xi64> -> tensor<2xi64>
  return %0, %1, %2, %3, %4, %5 : tensor<3xi64>, tensor<2xi32>, tensor<2xi32>, tensor<i64>, tensor<2x3xi64>, tensor<2xi64>
}

