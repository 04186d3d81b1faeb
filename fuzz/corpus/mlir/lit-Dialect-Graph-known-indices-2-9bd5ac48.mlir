
func.func @splat(%data: tensor<4x8xf32>) -> tensor<4x1099511627776xf32> {
  %i = graph.constant dense<8> : tensor<1099511627776xi32>
  %0 = graph.gather %data[%i] {axis = 1 : i64} : (tensor<4x8xf32>, tensor<1099511627776xi32>) -> tensor<4x1099511627776xf32>
  return %0 : tensor<4x1099511627776xf32>
}

