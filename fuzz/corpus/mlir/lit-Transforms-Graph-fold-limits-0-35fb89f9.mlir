

func.func @splat_binary() -> (tensor<2147483648xf32>, tensor<2147483648xi1>) {
  %a = graph.constant dense<1.0> : tensor<2147483648xf32>
  %b = graph.constant dense<2.0> : tensor<2147483648xf32>
  %0 = graph.add %a, %b : (tensor<2147483648xf32>, tensor<2147483648xf32>) -> tensor<2147483648xf32>
  %1 = graph.less %a, %b : (tensor<2147483648xf32>, tensor<2147483648xf32>) -> tensor<2147483648xi1>
  return %0, %1 : tensor<2147483648xf32>, tensor<2147483648xi1>
}

