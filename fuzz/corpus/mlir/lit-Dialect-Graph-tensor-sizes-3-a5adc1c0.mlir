
func.func @byte_count_overflow(%a: tensor<4611686018427387904xf64>) -> tensor<4611686018427387904xf64> {
  %0 = graph.exp %a : tensor<4611686018427387904xf64>
  return %0 : tensor<4611686018427387904xf64>
}

