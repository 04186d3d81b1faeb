
func.func @silu(%x: tensor<1x8x16xf32>) -> (tensor<1x8x16xf32>, tensor<1x8x16xf32>) {
  %s = graph.sigmoid %x : tensor<1x8x16xf32>
  %y = graph.mul %x, %s : (tensor<1x8x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  %s1 = graph.sigmoid %x : tensor<1x8x16xf32>
  %y1 = graph.mul %s1, %x : (tensor<1x8x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  return %y, %y1 : tensor<1x8x16xf32>, tensor<1x8x16xf32>
}

