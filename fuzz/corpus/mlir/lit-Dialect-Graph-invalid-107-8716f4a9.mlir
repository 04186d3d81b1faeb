
func.func @split_sum_overflow(%a: tensor<4xi1>) -> (tensor<9223372036854775807xi1>, tensor<9223372036854775807xi1>) {
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<4xi1> -> tensor<9223372036854775807xi1>, tensor<9223372036854775807xi1>
  return %0#0, %0#1 : tensor<9223372036854775807xi1>, tensor<9223372036854775807xi1>
}
