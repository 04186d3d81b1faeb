
func.func @reduce() -> (tensor<2xf32>, tensor<2x1xf32>, tensor<3xf32>, tensor<2xf32>, tensor<1x1xf32>, tensor<f32>) {
  %m = graph.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = graph.reduce_sum %m, [1] {keepdims = false} : tensor<2x3xf32> -> tensor<2xf32>
  %1 = graph.reduce_mean %m, [1] : tensor<2x3xf32> -> tensor<2x1xf32>
  %2 = graph.reduce_max %m, [0] {keepdims = false} : tensor<2x3xf32> -> tensor<3xf32>
  %3 = graph.reduce_min %m, [1] {keepdims = false} : tensor<2x3xf32> -> tensor<2xf32>
  %4 = graph.reduce_prod %m, [0, 1] : tensor<2x3xf32> -> tensor<1x1xf32>
  %5 = graph.reduce_mean %m, [0, 1] {keepdims = false} : tensor<2x3xf32> -> tensor<f32>
  return %0, %1, %2, %3, %4, %5 : tensor<2xf32>, tensor<2x1xf32>, tensor<3xf32>, tensor<2xf32>, tensor<1x1xf32>, tensor<f32>
}

