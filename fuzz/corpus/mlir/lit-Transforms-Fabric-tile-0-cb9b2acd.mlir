




func.func @main(%ids: tensor<1x8xi64>, %mask: tensor<1x1x8x8xf32>) -> (tensor<1x8x64xf32>, tensor<1x1x64xf32>) {
  %emb = graph.constant dense_resource<emb> : tensor<100x64xf32>
  %g = graph.constant dense_resource<g> : tensor<64xf32>
  %b = graph.constant dense_resource<b> : tensor<64xf32>
  %w = graph.constant dense_resource<w> : tensor<64x64xf32>
  %wv = graph.constant dense_resource<wv> : tensor<64x64xf32>
  %x = graph.gather %emb[%ids] {axis = 0 : i64} : (tensor<100x64xf32>, tensor<1x8xi64>) -> tensor<1x8x64xf32> loc("embed")
  %n = graph.layer_norm %x, %g, %b {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<1x8x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32> loc("ln")
  %q = graph.linear %n, %w, %b activation(gelu) : (tensor<1x8x64xf32>, tensor<64x64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32> loc("fc")
  %v = graph.matmul %n, %wv : (tensor<1x8x64xf32>, tensor<64x64xf32>) -> tensor<1x8x64xf32> loc("v_proj")
  %q4 = graph.reshape %q : tensor<1x8x64xf32> -> tensor<1x1x8x64xf32> loc("q_heads")
  %v4 = graph.reshape %v : tensor<1x8x64xf32> -> tensor<1x1x8x64xf32> loc("v_heads")
  %a = graph.attention %q4, %q4, %v4, %mask {scale = 0.125 : f32} : (tensor<1x1x8x64xf32>, tensor<1x1x8x64xf32>, tensor<1x1x8x64xf32>, tensor<1x1x8x8xf32>) -> tensor<1x1x8x64xf32> loc("attn")
  %a3 = graph.reshape %a : tensor<1x1x8x64xf32> -> tensor<1x8x64xf32> loc("merge")
  %r = graph.add %a3, %x : (tensor<1x8x64xf32>, tensor<1x8x64xf32>) -> tensor<1x8x64xf32> loc("residual")
  %last = graph.slice %r {starts = array<i64: 0, 7, 0>, steps = array<i64: 1, 1, 1>} : tensor<1x8x64xf32> -> tensor<1x1x64xf32> loc("last")
  %y = graph.linear %last, %w : (tensor<1x1x64xf32>, tensor<64x64xf32>) -> tensor<1x1x64xf32> loc("head")
  %sm = graph.softmax %y {axis = 2 : i64} : tensor<1x1x64xf32> loc("probs")
  return %r, %sm : tensor<1x8x64xf32>, tensor<1x1x64xf32>
}
