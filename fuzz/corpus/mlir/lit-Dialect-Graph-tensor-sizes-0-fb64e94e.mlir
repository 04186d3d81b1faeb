

func.func @empty_result() -> tensor<2x0xf32> {
  %0 = graph.constant dense<> : tensor<2x0xf32>
  return %0 : tensor<2x0xf32>
}

