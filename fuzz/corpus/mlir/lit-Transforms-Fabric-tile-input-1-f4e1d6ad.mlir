
func.func private @helper(tensor<4xf32>)
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  func.call @helper(%x) : (tensor<4xf32>) -> ()
  return %x : tensor<4xf32>
}

