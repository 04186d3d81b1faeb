
func.func @byte_count_bool(%a: tensor<4611686018427387904xi1>) -> tensor<4611686018427387904xi1> {
  %0 = graph.not %a : tensor<4611686018427387904xi1>
  return %0 : tensor<4611686018427387904xi1>
}

