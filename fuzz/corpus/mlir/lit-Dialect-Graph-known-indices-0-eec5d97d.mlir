

func.func @constant_past_end(%data: tensor<4x8xf32>) -> tensor<2x8xf32> {
  %i = graph.constant dense<[7, -9]> : tensor<2xi64>
  %0 = graph.gather %data[%i] {axis = 0 : i64} : (tensor<4x8xf32>, tensor<2xi64>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

