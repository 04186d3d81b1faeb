
func.func @concat_runtime(%x: tensor<2xi64>) -> tensor<3xi64> {
  %b = graph.constant dense<3> : tensor<1xi64>
  %0 = graph.concat %x, %b {axis = 0 : i64} : (tensor<2xi64>, tensor<1xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

