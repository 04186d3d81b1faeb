
func.func @compare_bool() -> tensor<3xi1> {
  %p = graph.constant dense<[true, true, false]> : tensor<3xi1>
  %q = graph.constant dense<[true, false, false]> : tensor<3xi1>
  %0 = graph.equal %p, %q : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

