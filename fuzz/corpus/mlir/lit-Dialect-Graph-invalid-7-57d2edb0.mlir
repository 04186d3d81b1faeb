
func.func @dynamic_shape(%a: tensor<?xf32>) -> tensor<?xf32> {
  %0 = graph.max %a, %a : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}


