


module attributes {graph.w = dense_resource<blob> : tensor<2xf32>} {}
{-#
  dialect_resources: {
    builtin: {
      blob: "0x000000000000803F00000040"
    }
  }
#-}
