
func.func @div_by_zero() -> (tensor<2xi64>, tensor<2xf32>) {
  %n = graph.constant dense<[6, 1]> : tensor<2xi64>
  %z = graph.constant dense<[3, 0]> : tensor<2xi64>
  %0 = graph.div %n, %z : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %f = graph.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %fz = graph.constant dense<0.0> : tensor<f32>
  %1 = graph.div %f, %fz : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xi64>, tensor<2xf32>
}

