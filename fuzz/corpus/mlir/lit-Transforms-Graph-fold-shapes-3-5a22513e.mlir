
func.func @cast(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<3xf32>, tensor<3xi64>, tensor<3xi1>, tensor<2xf32>, tensor<2xi64>, tensor<3xi1>, tensor<2xf16>, tensor<2xi32>, tensor<2xf64>) {
  %same = graph.cast %x : tensor<2xf32> -> tensor<2xf32>
  %i = graph.constant dense<[-2, 3, 0]> : tensor<3xi64>
  %0 = graph.cast %i : tensor<3xi64> -> tensor<3xf32>
  %f = graph.constant dense<[2.7, -2.7, 0.5]> : tensor<3xf32>
  %1 = graph.cast %f : tensor<3xf32> -> tensor<3xi64>
  %fz = graph.constant dense<[0.0, -0.5, -0.0]> : tensor<3xf32>
  %2 = graph.cast %fz : tensor<3xf32> -> tensor<3xi1>
  %b = graph.constant dense<[true, false]> : tensor<2xi1>
  %3 = graph.cast %b : tensor<2xi1> -> tensor<2xf32>
  %4 = graph.cast %b : tensor<2xi1> -> tensor<2xi64>
  %5 = graph.cast %i : tensor<3xi64> -> tensor<3xi1>
  %h = graph.constant dense<[1.0e-1, 65536.0]> : tensor<2xf32>
  %6 = graph.cast %h : tensor<2xf32> -> tensor<2xf16>
  %big = graph.constant dense<[4294967297, -1]> : tensor<2xi64>
  %7 = graph.cast %big : tensor<2xi64> -> tensor<2xi32>
  %8 = graph.cast %h : tensor<2xf32> -> tensor<2xf64>
  return %same, %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<2xf32>, tensor<3xf32>, tensor<3xi64>, tensor<3xi1>, tensor<2xf32>, tensor<2xi64>, tensor<3xi1>, tensor<2xf16>, tensor<2xi32>, tensor<2xf64>
}

