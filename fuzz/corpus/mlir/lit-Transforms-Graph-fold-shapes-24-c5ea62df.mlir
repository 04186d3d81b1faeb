
func.func @compare() -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  %a = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
  %b = graph.constant dense<2> : tensor<i64>
  %0 = graph.equal %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %1 = graph.less %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %2 = graph.less_equal %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %3 = graph.greater %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %4 = graph.greater_equal %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi1>
  %f = graph.constant dense<[-1.0, 0.5, 2.0]> : tensor<3xf32>
  %g = graph.constant dense<0.5> : tensor<f32>
  %5 = graph.equal %f, %g : (tensor<3xf32>, tensor<f32>) -> tensor<3xi1>
  %6 = graph.less %f, %g : (tensor<3xf32>, tensor<f32>) -> tensor<3xi1>
  %7 = graph.less_equal %f, %g : (tensor<3xf32>, tensor<f32>) -> tensor<3xi1>
  %8 = graph.greater %f, %g : (tensor<3xf32>, tensor<f32>) -> tensor<3xi1>
  %9 = graph.greater_equal %f, %g : (tensor<3xf32>, tensor<f32>) -> tensor<3xi1>
  %p = graph.constant dense<[true, true, false]> : tensor<3xi1>
  %q = graph.constant dense<[true, false, false]> : tensor<3xi1>
  %10 = graph.and %p, %q : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  %11 = graph.or %p, %q : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

