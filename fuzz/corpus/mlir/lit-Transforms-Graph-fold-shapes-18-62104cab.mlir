
func.func @unary_float() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf64>) {
  %c = graph.constant dense<[4.0, 0.25]> : tensor<2xf32>
  %z = graph.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %n = graph.constant dense<[-1.5, 2.0]> : tensor<2xf32>
  %0 = graph.sqrt %c : tensor<2xf32>
  %1 = graph.reciprocal %c : tensor<2xf32>
  %2 = graph.exp %z : tensor<2xf32>
  %3 = graph.log %c : tensor<2xf32>
  %4 = graph.erf %z : tensor<2xf32>
  %5 = graph.tanh %z : tensor<2xf32>
  %6 = graph.sigmoid %z : tensor<2xf32>
  %7 = graph.cos %z : tensor<2xf32>
  %8 = graph.sin %z : tensor<2xf32>
  %9 = graph.neg %n : tensor<2xf32>
  %10 = graph.abs %n : tensor<2xf32>
  %11 = graph.relu %n : tensor<2xf32>
  %d = graph.constant dense<2.0> : tensor<2xf64>
  %12 = graph.sqrt %d : tensor<2xf64>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf64>
}

