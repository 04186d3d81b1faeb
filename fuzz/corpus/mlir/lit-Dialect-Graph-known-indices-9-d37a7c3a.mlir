
func.func @wrapping_cast_of_parts(%table: tensor<64x16xf32>) -> tensor<3x16xf32> {
  %a = graph.constant dense<[[4294967297]]> : tensor<1x1xi64>
  %b = graph.reshape %a : tensor<1x1xi64> -> tensor<1xi64>
  %f = graph.constant dense<[70.9, 3.0]> : tensor<2xf32>
  %g = graph.cast %f : tensor<2xf32> -> tensor<2xi64>
  %j = graph.concat %b, %g {axis = 0 : i64} : (tensor<1xi64>, tensor<2xi64>) -> tensor<3xi64>
  %c = graph.cast %j : tensor<3xi64> -> tensor<3xi32>
  %0 = graph.gather %table[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<3xi32>) -> tensor<3x16xf32>
  return %0 : tensor<3x16xf32>
}

