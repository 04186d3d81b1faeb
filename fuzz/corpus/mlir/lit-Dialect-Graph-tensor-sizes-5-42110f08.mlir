
func.func @broadcast_overflow(%a: tensor<4294967296x1xf32>, %b: tensor<1x4294967296xf32>) -> tensor<4294967296x4294967296xf32> {
  %0 = graph.add %a, %b : (tensor<4294967296x1xf32>, tensor<1x4294967296xf32>) -> tensor<4294967296x4294967296xf32>
  return %0 : tensor<4294967296x4294967296xf32>
}

