
func.func @where(%x: tensor<3xf32>, %y: tensor<3xf32>) -> (tensor<3xi64>, tensor<2x2xf32>, tensor<3xf32>, tensor<3xf32>) {
  %c = graph.constant dense<[true, false, true]> : tensor<3xi1>
  %a = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
  %b = graph.constant dense<[10, 20, 30]> : tensor<3xi64>
  %0 = graph.where %c, %a, %b : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %c2 = graph.constant dense<[[true], [false]]> : tensor<2x1xi1>
  %l = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %r = graph.constant dense<-1.0> : tensor<f32>
  %1 = graph.where %c2, %l, %r : (tensor<2x1xi1>, tensor<2xf32>, tensor<f32>) -> tensor<2x2xf32>
  %t = graph.constant dense<true> : tensor<3xi1>
  %2 = graph.where %t, %x, %y : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %f = graph.constant dense<false> : tensor<i1>
  %3 = graph.where %f, %x, %y : (tensor<i1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<2x2xf32>, tensor<3xf32>, tensor<3xf32>
}

