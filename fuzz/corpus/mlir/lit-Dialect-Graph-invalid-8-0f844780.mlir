
func.func @constant_type() -> tensor<3xi64> {
  %0 = "graph.constant"() {value = dense<[1, 2]> : tensor<2xi64>} : () -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

