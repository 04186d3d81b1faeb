
func.func @splat_data_movement() -> (tensor<1099511627776xi64>, tensor<1048576x1048576xf32>, tensor<1048576x1048576xf32>, tensor<524288x1048576xf32>, tensor<524288x1048576xf32>, tensor<3x1048576xf32>, tensor<2x1048576xf32>) {
  %s = graph.constant dense<7.0> : tensor<1048576x1048576xf32>
  %f = graph.reshape %s : tensor<1048576x1048576xf32> -> tensor<1099511627776xf32>
  %0 = graph.cast %f : tensor<1099511627776xf32> -> tensor<1099511627776xi64>
  %1 = graph.neg %s : tensor<1048576x1048576xf32>
  %2 = graph.transpose %s, [1, 0] : tensor<1048576x1048576xf32> -> tensor<1048576x1048576xf32>
  %3:2 = graph.split %s {axis = 0 : i64} : tensor<1048576x1048576xf32> -> tensor<524288x1048576xf32>, tensor<524288x1048576xf32>
  %i = graph.constant dense<[0, 5, -1]> : tensor<3xi64>
  %4 = graph.gather %s[%i] {axis = 0 : i64} : (tensor<1048576x1048576xf32>, tensor<3xi64>) -> tensor<3x1048576xf32>
  %5 = graph.slice %s {starts = array<i64: 0, 0>, steps = array<i64: 524288, 1>} : tensor<1048576x1048576xf32> -> tensor<2x1048576xf32>
  return %0, %1, %2, %3#0, %3#1, %4, %5 : tensor<1099511627776xi64>, tensor<1048576x1048576xf32>, tensor<1048576x1048576xf32>, tensor<524288x1048576xf32>, tensor<524288x1048576xf32>, tensor<3x1048576xf32>, tensor<2x1048576xf32>
}

