
func.func @binary_float() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<f16>) {
  %a = graph.constant dense<[1.5, -2.0]> : tensor<2xf32>
  %b = graph.constant dense<[0.5, 4.0]> : tensor<2xf32>
  %0 = graph.add %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = graph.sub %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = graph.mul %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %3 = graph.div %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %e = graph.constant dense<[2.0, 0.5]> : tensor<2xf32>
  %base = graph.constant dense<[3.0, 16.0]> : tensor<2xf32>
  %4 = graph.pow %base, %e : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %5 = graph.max %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %6 = graph.min %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %h = graph.constant dense<3.0> : tensor<f16>
  %7 = graph.mul %h, %h : (tensor<f16>, tensor<f16>) -> tensor<f16>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<f16>
}

