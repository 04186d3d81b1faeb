

func.func @constants() -> (tensor<2xi64>, tensor<4xf32>, tensor<3xi64>, tensor<2x2xf32>) {
  %0 = graph.constant dense<[1, 2]> : tensor<2xi64>
  %1 = graph.constant dense_resource<blob> : tensor<4xf32>
  %2 = graph.range {start = 1 : i64, delta = 2 : i64} : tensor<3xi64>
  %3 = graph.constant dense<1.0> : tensor<2x2xf32>
  return %0, %1, %2, %3 : tensor<2xi64>, tensor<4xf32>, tensor<3xi64>, tensor<2x2xf32>
}

func.func @data_movement(%x: tensor<2x3x4xf32>, %i: tensor<5xi64>, %c: tensor<3x1xi1>, %y: tensor<1x4xf32>) {
  %s = graph.shape %x : tensor<2x3x4xf32> -> tensor<3xi64>
  %s2 = graph.shape %x {start = 1, end = -1} : tensor<2x3x4xf32> -> tensor<1xi64>
  %0 = graph.cast %x : tensor<2x3x4xf32> -> tensor<2x3x4xbf16>
  %1 = graph.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %2 = graph.transpose %x, [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  %3 = graph.expand %y : tensor<1x4xf32> -> tensor<2x3x4xf32>
  %4 = graph.concat %x, %x {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x6x4xf32>
  %5:2 = graph.split %x {axis = 2 : i64} : tensor<2x3x4xf32> -> tensor<2x3x1xf32>, tensor<2x3x3xf32>
  %6 = graph.slice %x {starts = array<i64: 1, 0, 3>, steps = array<i64: 1, 2, -1>} : tensor<2x3x4xf32> -> tensor<1x2x4xf32>
  %7 = graph.gather %x[%i] {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<5xi64>) -> tensor<2x3x5xf32>
  %8 = graph.where %c, %y, %y : (tensor<3x1xi1>, tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  %9 = graph.trilu %x : tensor<2x3x4xf32>
  %10 = graph.trilu %x {k = -1 : i64, upper = false} : tensor<2x3x4xf32>
  return
}

func.func @unary(%x: tensor<4xf16>, %i: tensor<4xi32>, %b: tensor<4xi1>) {
  %0 = graph.neg %x : tensor<4xf16>
  %1 = graph.neg %i : tensor<4xi32>
  %2 = graph.abs %i : tensor<4xi32>
  %3 = graph.sqrt %x : tensor<4xf16>
  %4 = graph.reciprocal %x : tensor<4xf16>
  %5 = graph.exp %x : tensor<4xf16>
  %6 = graph.log %x : tensor<4xf16>
  %7 = graph.erf %x : tensor<4xf16>
  %8 = graph.tanh %x : tensor<4xf16>
  %9 = graph.sigmoid %x : tensor<4xf16>
  %10 = graph.cos %x : tensor<4xf16>
  %11 = graph.sin %x : tensor<4xf16>
  %12 = graph.relu %i : tensor<4xi32>
  %13 = graph.not %b : tensor<4xi1>
  %14 = graph.silu %x : tensor<4xf16>
  %15 = graph.gelu %x approximate(none) : tensor<4xf16>
  %16 = graph.gelu %x approximate(tanh) : tensor<4xf16>
  return
}

func.func @binary(%x: tensor<2x3xf32>, %y: tensor<3xf32>, %i: tensor<2x1xi64>, %j: tensor<4xi64>, %b: tensor<2x3xi1>) {
  %0 = graph.add %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = graph.sub %i, %j : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi64>
  %2 = graph.mul %y, %x : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = graph.div %i, %i : (tensor<2x1xi64>, tensor<2x1xi64>) -> tensor<2x1xi64>
  %4 = graph.pow %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %5 = graph.max %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = graph.min %i, %j : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi64>
  %7 = graph.equal %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %8 = graph.less %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %9 = graph.less_equal %i, %j : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi1>
  %10 = graph.greater %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %11 = graph.greater_equal %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %12 = graph.and %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %13 = graph.or %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  return
}

func.func @linalg(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>, %x: tensor<2x3x8xf32>, %s: tensor<8xf32>, %s2: tensor<3x8xf32>, %i: tensor<2x3xi32>) {
  %0 = graph.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  %1 = graph.softmax %x {axis = -1 : i64} : tensor<2x3x8xf32>
  %2 = graph.layer_norm %x, %s, %s {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
  %3 = graph.layer_norm %x, %s2 {axis = 1 : i64, epsilon = 1.0e-3 : f32} : (tensor<2x3x8xf32>, tensor<3x8xf32>) -> tensor<2x3x8xf32>
  %4 = graph.rms_norm %x, %s {axis = -1 : i64, epsilon = 1.0e-6 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
  %5 = graph.reduce_sum %i, [1] : tensor<2x3xi32> -> tensor<2x1xi32>
  %6 = graph.reduce_mean %x, [0, 2] {keepdims = false} : tensor<2x3x8xf32> -> tensor<3xf32>
  %7 = graph.reduce_max %x, [] : tensor<2x3x8xf32> -> tensor<2x3x8xf32>
  %8 = graph.reduce_min %i, [0, 1] {keepdims = false} : tensor<2x3xi32> -> tensor<i32>
  %9 = graph.reduce_prod %x, [1] {keepdims = true} : tensor<2x3x8xf32> -> tensor<2x1x8xf32>
  return
}

func.func @linear(%x: tensor<2x3x8xf32>, %w: tensor<8x4xf32>, %b: tensor<4xf32>, %v: tensor<8xbf16>, %wv: tensor<8x4xbf16>) {
  %0 = graph.linear %x, %w, %b : (tensor<2x3x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  %1 = graph.linear %x, %w activation(gelu_tanh) : (tensor<2x3x8xf32>, tensor<8x4xf32>) -> tensor<2x3x4xf32>
  %2 = graph.linear %v, %wv activation(silu) : (tensor<8xbf16>, tensor<8x4xbf16>) -> tensor<4xbf16>
  %3 = graph.linear %x, %w, %b activation(relu) : (tensor<2x3x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  %4 = graph.linear %x, %w, %b activation(gelu) : (tensor<2x3x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return
}

func.func @transformer(%q: tensor<1x8x3x16xf32>, %k: tensor<1x2x5x16xf32>, %v: tensor<1x2x5x32xf32>, %m: tensor<3x5xi1>, %fm: tensor<1x1x3x5xf32>, %cs: tensor<1x3x4xf32>) {
  %0 = graph.attention %q, %k, %v {scale = 0.25 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>) -> tensor<1x8x3x32xf32>
  %1 = graph.attention %q, %k, %v, %m {scale = 0.125 : f32, is_causal = true, softcap = 50.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>, tensor<3x5xi1>) -> tensor<1x8x3x32xf32>
  %2 = graph.attention %q, %k, %v, %fm {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>, tensor<1x1x3x5xf32>) -> tensor<1x8x3x32xf32>
  %3 = graph.rotary_embedding %q, %cs, %cs : (tensor<1x8x3x16xf32>, tensor<1x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x8x3x16xf32>
  %4 = graph.rotary_embedding %q, %cs, %cs {interleaved = true} : (tensor<1x8x3x16xf32>, tensor<1x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x8x3x16xf32>
  return
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F0000004000004040000080400000A040"
    }
  }
#-}
