

func.func @linear_bias_relu(%x: tensor<2x4xf32>) -> tensor<2x5xf32> {
  %w = graph.constant dense_resource<w> : tensor<4x5xf32>
  %b = graph.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %h = graph.matmul %x, %w : (tensor<2x4xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  %a = graph.add %b, %h : (tensor<5xf32>, tensor<2x5xf32>) -> tensor<2x5xf32>
  %r = graph.relu %a : tensor<2x5xf32>
  return %r : tensor<2x5xf32>
}
{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000003F0000803E"
    }
  }
#-}

