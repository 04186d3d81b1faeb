
func.func @weights_never_fold() -> (tensor<2x2xf32>, tensor<4xf32>, tensor<2x2xf32>) {
  %w = graph.constant dense_resource<weight> : tensor<2x2xf32>
  %0 = graph.neg %w : tensor<2x2xf32>
  %1 = graph.reshape %w : tensor<2x2xf32> -> tensor<4xf32>
  %2 = graph.transpose %w, [1, 0] : tensor<2x2xf32> -> tensor<2x2xf32>
  return %0, %1, %2 : tensor<2x2xf32>, tensor<4xf32>, tensor<2x2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      weight: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
