
func.func @silu_near_misses(%x: tensor<8xf32>, %z: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %s0 = graph.sigmoid %x : tensor<8xf32>
  %y0 = graph.mul %z, %s0 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %s1 = graph.sigmoid %x : tensor<8xf32>
  %y1 = graph.mul %x, %s1 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %y0, %y1, %s1 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}
