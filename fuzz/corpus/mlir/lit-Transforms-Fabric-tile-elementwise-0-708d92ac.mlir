


func.func @main(%x: tensor<4x64xf32>, %y: tensor<4x64xf32>) -> tensor<4x64xf32> {
  %m = graph.mul %x, %y : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32> loc("scale")
  %a = graph.add %m, %x : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32> loc("shift")
  %s = graph.softmax %a {axis = 1 : i64} : tensor<4x64xf32> loc("probs")
  %e = graph.exp %s : tensor<4x64xf32> loc("exp")
  return %e : tensor<4x64xf32>
}
