

func.func @constant() -> tensor<2xi64> {
  %0 = graph.constant dense<[7, -7]> : tensor<2xi64>
  return %0 : tensor<2xi64>
}

