
func.func @main() -> tensor<2x3xf32> {
  %c = graph.constant dense<1.0> : tensor<2x3xf32>
  return %c : tensor<2x3xf32>
}

