
func.func @empty_operand(%a: tensor<0xf32>) -> tensor<0xf32> {
  %0 = graph.neg %a : tensor<0xf32>
  return %0 : tensor<0xf32>
}

