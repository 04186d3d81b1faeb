
func.func @constant_masks(%q: tensor<1x2x2x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) -> (tensor<1x2x2x8xf32>, tensor<1x2x2x8xf32>) {
  %causal = graph.constant dense<[[[[0.0, 0.0, 0.0, -1.0e9], [0.0, 0.0, 0.0, 0.0]]]]> : tensor<1x1x2x4xf32>
  %other = graph.constant dense<[[[[0.0, 0.0, 0.0, -1.0e9], [-1.0e9, 0.0, 0.0, 0.0]]]]> : tensor<1x1x2x4xf32>
  %kt0 = graph.transpose %k, [0, 1, 3, 2] : tensor<1x2x4x8xf32> -> tensor<1x2x8x4xf32>
  %s0 = graph.matmul %q, %kt0 : (tensor<1x2x2x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x2x4xf32>
  %m0 = graph.add %causal, %s0 : (tensor<1x1x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  %p0 = graph.softmax %m0 {axis = 3 : i64} : tensor<1x2x2x4xf32>
  %o0 = graph.matmul %p0, %v : (tensor<1x2x2x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x2x8xf32>
  %kt1 = graph.transpose %k, [0, 1, 3, 2] : tensor<1x2x4x8xf32> -> tensor<1x2x8x4xf32>
  %s1 = graph.matmul %q, %kt1 : (tensor<1x2x2x8xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x2x4xf32>
  %m1 = graph.add %s1, %other : (tensor<1x2x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x2x2x4xf32>
  %p1 = graph.softmax %m1 {axis = 3 : i64} : tensor<1x2x2x4xf32>
  %o1 = graph.matmul %p1, %v : (tensor<1x2x2x4xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x2x8xf32>
  return %o0, %o1 : tensor<1x2x2x8xf32>, tensor<1x2x2x8xf32>
}

