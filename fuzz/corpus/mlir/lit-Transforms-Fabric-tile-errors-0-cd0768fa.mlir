






func.func @main(%x: tensor<1x1x128xf32>) -> tensor<1x1x128xf32> {
  %w1 = graph.constant dense_resource<w1> : tensor<128x128xf32>
  %w2 = graph.constant dense_resource<w2> : tensor<128x128xf32>
  %h = graph.linear %x, %w1 activation(relu) : (tensor<1x1x128xf32>, tensor<128x128xf32>) -> tensor<1x1x128xf32> loc("up")
  %y = graph.linear %h, %w2 : (tensor<1x1x128xf32>, tensor<128x128xf32>) -> tensor<1x1x128xf32> loc("down")
  return %y : tensor<1x1x128xf32>
}
