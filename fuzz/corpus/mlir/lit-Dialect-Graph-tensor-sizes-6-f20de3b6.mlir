
func.func @concat_sum_overflow(%a: tensor<9223372036854775807xi1>) -> tensor<4xi1> {
  %0 = graph.concat %a, %a {axis = 0 : i64} : (tensor<9223372036854775807xi1>, tensor<9223372036854775807xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

