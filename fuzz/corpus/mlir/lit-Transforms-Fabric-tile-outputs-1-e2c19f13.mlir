
func.func @main(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %c = graph.constant dense<2.0> : tensor<4xf32>
  %y = graph.relu %x : tensor<4xf32> loc("relu")
  return %y, %c : tensor<4xf32>, tensor<4xf32>
}
