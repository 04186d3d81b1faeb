// Every graph op in its custom assembly form: parsed, verified, printed,
// and printed identically once more after a second round trip (also via
// the generic form).

// RUN: wafer-opt %s | FileCheck %s
// RUN: wafer-opt %s > %t.1.mlir
// RUN: wafer-opt %t.1.mlir > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir
// RUN: wafer-opt %s -mlir-print-op-generic | wafer-opt > %t.3.mlir
// RUN: diff %t.1.mlir %t.3.mlir

// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<2xi64>, tensor<4xf32>, tensor<3xi64>, tensor<2x2xf32>) {
  // CHECK: graph.constant dense<[1, 2]> : tensor<2xi64>
  %0 = graph.constant dense<[1, 2]> : tensor<2xi64>
  // CHECK: graph.constant dense_resource<blob> : tensor<4xf32>
  %1 = graph.constant dense_resource<blob> : tensor<4xf32>
  // CHECK: graph.range {delta = 2 : i64, start = 1 : i64} : tensor<3xi64>
  %2 = graph.range {start = 1 : i64, delta = 2 : i64} : tensor<3xi64>
  // CHECK: graph.constant dense<1.000000e+00> : tensor<2x2xf32>
  %3 = graph.constant dense<1.0> : tensor<2x2xf32>
  return %0, %1, %2, %3 : tensor<2xi64>, tensor<4xf32>, tensor<3xi64>, tensor<2x2xf32>
}

// CHECK-LABEL: func.func @data_movement
func.func @data_movement(%x: tensor<2x3x4xf32>, %i: tensor<5xi64>, %c: tensor<3x1xi1>, %y: tensor<1x4xf32>) {
  // CHECK: graph.shape %arg0 : tensor<2x3x4xf32> -> tensor<3xi64>
  %s = graph.shape %x : tensor<2x3x4xf32> -> tensor<3xi64>
  // CHECK: graph.shape %arg0 {end = -1 : i64, start = 1 : i64} : tensor<2x3x4xf32> -> tensor<1xi64>
  %s2 = graph.shape %x {start = 1, end = -1} : tensor<2x3x4xf32> -> tensor<1xi64>
  // CHECK: graph.cast %arg0 : tensor<2x3x4xf32> -> tensor<2x3x4xbf16>
  %0 = graph.cast %x : tensor<2x3x4xf32> -> tensor<2x3x4xbf16>
  // CHECK: graph.reshape %arg0 : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %1 = graph.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  // CHECK: graph.transpose %arg0, [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  %2 = graph.transpose %x, [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  // CHECK: graph.expand %arg3 : tensor<1x4xf32> -> tensor<2x3x4xf32>
  %3 = graph.expand %y : tensor<1x4xf32> -> tensor<2x3x4xf32>
  // CHECK: graph.concat %arg0, %arg0 {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x6x4xf32>
  %4 = graph.concat %x, %x {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x6x4xf32>
  // CHECK: graph.split %arg0 {axis = 2 : i64} : tensor<2x3x4xf32> -> tensor<2x3x1xf32>, tensor<2x3x3xf32>
  %5:2 = graph.split %x {axis = 2 : i64} : tensor<2x3x4xf32> -> tensor<2x3x1xf32>, tensor<2x3x3xf32>
  // CHECK: graph.slice %arg0 {starts = array<i64: 1, 0, 3>, steps = array<i64: 1, 2, -1>} : tensor<2x3x4xf32> -> tensor<1x2x4xf32>
  %6 = graph.slice %x {starts = array<i64: 1, 0, 3>, steps = array<i64: 1, 2, -1>} : tensor<2x3x4xf32> -> tensor<1x2x4xf32>
  // CHECK: graph.gather %arg0[%arg1] {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<5xi64>) -> tensor<2x3x5xf32>
  %7 = graph.gather %x[%i] {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<5xi64>) -> tensor<2x3x5xf32>
  // CHECK: graph.where %arg2, %arg3, %arg3 : (tensor<3x1xi1>, tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  %8 = graph.where %c, %y, %y : (tensor<3x1xi1>, tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  // CHECK: graph.trilu %arg0 : tensor<2x3x4xf32>
  %9 = graph.trilu %x : tensor<2x3x4xf32>
  // CHECK: graph.trilu %arg0 {k = -1 : i64, upper = false} : tensor<2x3x4xf32>
  %10 = graph.trilu %x {k = -1 : i64, upper = false} : tensor<2x3x4xf32>
  return
}

// CHECK-LABEL: func.func @unary
func.func @unary(%x: tensor<4xf16>, %i: tensor<4xi32>, %b: tensor<4xi1>) {
  // CHECK: graph.neg %arg0 : tensor<4xf16>
  %0 = graph.neg %x : tensor<4xf16>
  // CHECK: graph.neg %arg1 : tensor<4xi32>
  %1 = graph.neg %i : tensor<4xi32>
  // CHECK: graph.abs %arg1 : tensor<4xi32>
  %2 = graph.abs %i : tensor<4xi32>
  // CHECK: graph.sqrt %arg0 : tensor<4xf16>
  %3 = graph.sqrt %x : tensor<4xf16>
  // CHECK: graph.reciprocal %arg0 : tensor<4xf16>
  %4 = graph.reciprocal %x : tensor<4xf16>
  // CHECK: graph.exp %arg0 : tensor<4xf16>
  %5 = graph.exp %x : tensor<4xf16>
  // CHECK: graph.log %arg0 : tensor<4xf16>
  %6 = graph.log %x : tensor<4xf16>
  // CHECK: graph.erf %arg0 : tensor<4xf16>
  %7 = graph.erf %x : tensor<4xf16>
  // CHECK: graph.tanh %arg0 : tensor<4xf16>
  %8 = graph.tanh %x : tensor<4xf16>
  // CHECK: graph.sigmoid %arg0 : tensor<4xf16>
  %9 = graph.sigmoid %x : tensor<4xf16>
  // CHECK: graph.cos %arg0 : tensor<4xf16>
  %10 = graph.cos %x : tensor<4xf16>
  // CHECK: graph.sin %arg0 : tensor<4xf16>
  %11 = graph.sin %x : tensor<4xf16>
  // CHECK: graph.relu %arg1 : tensor<4xi32>
  %12 = graph.relu %i : tensor<4xi32>
  // CHECK: graph.not %arg2 : tensor<4xi1>
  %13 = graph.not %b : tensor<4xi1>
  // CHECK: graph.silu %arg0 : tensor<4xf16>
  %14 = graph.silu %x : tensor<4xf16>
  // The default approximation is not printed.
  // CHECK: graph.gelu %arg0 : tensor<4xf16>
  %15 = graph.gelu %x approximate(none) : tensor<4xf16>
  // CHECK: graph.gelu %arg0 approximate(tanh) : tensor<4xf16>
  %16 = graph.gelu %x approximate(tanh) : tensor<4xf16>
  return
}

// CHECK-LABEL: func.func @binary
func.func @binary(%x: tensor<2x3xf32>, %y: tensor<3xf32>, %i: tensor<2x1xi64>, %j: tensor<4xi64>, %b: tensor<2x3xi1>) {
  // CHECK: graph.add %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = graph.add %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: graph.sub %arg2, %arg3 : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi64>
  %1 = graph.sub %i, %j : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi64>
  // CHECK: graph.mul %arg1, %arg0 : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = graph.mul %y, %x : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: graph.div %arg2, %arg2 : (tensor<2x1xi64>, tensor<2x1xi64>) -> tensor<2x1xi64>
  %3 = graph.div %i, %i : (tensor<2x1xi64>, tensor<2x1xi64>) -> tensor<2x1xi64>
  // CHECK: graph.pow %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %4 = graph.pow %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: graph.max %arg0, %arg0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = graph.max %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: graph.min %arg2, %arg3 : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi64>
  %6 = graph.min %i, %j : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi64>
  // CHECK: graph.equal %arg4, %arg4 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %7 = graph.equal %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: graph.less %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %8 = graph.less %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: graph.less_equal %arg2, %arg3 : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi1>
  %9 = graph.less_equal %i, %j : (tensor<2x1xi64>, tensor<4xi64>) -> tensor<2x4xi1>
  // CHECK: graph.greater %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %10 = graph.greater %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: graph.greater_equal %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %11 = graph.greater_equal %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: graph.and %arg4, %arg4 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %12 = graph.and %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: graph.or %arg4, %arg4 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %13 = graph.or %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @linalg
func.func @linalg(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>, %x: tensor<2x3x8xf32>, %s: tensor<8xf32>, %s2: tensor<3x8xf32>, %i: tensor<2x3xi32>) {
  // CHECK: graph.matmul %arg0, %arg1 : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  %0 = graph.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  // CHECK: graph.softmax %arg2 {axis = -1 : i64} : tensor<2x3x8xf32>
  %1 = graph.softmax %x {axis = -1 : i64} : tensor<2x3x8xf32>
  // CHECK: graph.layer_norm %arg2, %arg3, %arg3 {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
  %2 = graph.layer_norm %x, %s, %s {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
  // CHECK: graph.layer_norm %arg2, %arg4 {axis = 1 : i64, epsilon = 1.000000e-03 : f32} : (tensor<2x3x8xf32>, tensor<3x8xf32>) -> tensor<2x3x8xf32>
  %3 = graph.layer_norm %x, %s2 {axis = 1 : i64, epsilon = 1.0e-3 : f32} : (tensor<2x3x8xf32>, tensor<3x8xf32>) -> tensor<2x3x8xf32>
  // CHECK: graph.rms_norm %arg2, %arg3 {axis = -1 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
  %4 = graph.rms_norm %x, %s {axis = -1 : i64, epsilon = 1.0e-6 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
  // CHECK: graph.reduce_sum %arg5, [1] : tensor<2x3xi32> -> tensor<2x1xi32>
  %5 = graph.reduce_sum %i, [1] : tensor<2x3xi32> -> tensor<2x1xi32>
  // CHECK: graph.reduce_mean %arg2, [0, 2] {keepdims = false} : tensor<2x3x8xf32> -> tensor<3xf32>
  %6 = graph.reduce_mean %x, [0, 2] {keepdims = false} : tensor<2x3x8xf32> -> tensor<3xf32>
  // CHECK: graph.reduce_max %arg2, [] : tensor<2x3x8xf32> -> tensor<2x3x8xf32>
  %7 = graph.reduce_max %x, [] : tensor<2x3x8xf32> -> tensor<2x3x8xf32>
  // CHECK: graph.reduce_min %arg5, [0, 1] {keepdims = false} : tensor<2x3xi32> -> tensor<i32>
  %8 = graph.reduce_min %i, [0, 1] {keepdims = false} : tensor<2x3xi32> -> tensor<i32>
  // CHECK: graph.reduce_prod %arg2, [1] : tensor<2x3x8xf32> -> tensor<2x1x8xf32>
  %9 = graph.reduce_prod %x, [1] {keepdims = true} : tensor<2x3x8xf32> -> tensor<2x1x8xf32>
  return
}

// CHECK-LABEL: func.func @linear
func.func @linear(%x: tensor<2x3x8xf32>, %w: tensor<8x4xf32>, %b: tensor<4xf32>, %v: tensor<8xbf16>, %wv: tensor<8x4xbf16>) {
  // CHECK: graph.linear %arg0, %arg1, %arg2 : (tensor<2x3x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  %0 = graph.linear %x, %w, %b : (tensor<2x3x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  // CHECK: graph.linear %arg0, %arg1 activation(gelu_tanh) : (tensor<2x3x8xf32>, tensor<8x4xf32>) -> tensor<2x3x4xf32>
  %1 = graph.linear %x, %w activation(gelu_tanh) : (tensor<2x3x8xf32>, tensor<8x4xf32>) -> tensor<2x3x4xf32>
  // A 1-D input (a GEMV) keeps only N.
  // CHECK: graph.linear %arg3, %arg4 activation(silu) : (tensor<8xbf16>, tensor<8x4xbf16>) -> tensor<4xbf16>
  %2 = graph.linear %v, %wv activation(silu) : (tensor<8xbf16>, tensor<8x4xbf16>) -> tensor<4xbf16>
  // CHECK: graph.linear %arg0, %arg1, %arg2 activation(relu)
  %3 = graph.linear %x, %w, %b activation(relu) : (tensor<2x3x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  // CHECK: graph.linear %arg0, %arg1, %arg2 activation(gelu)
  %4 = graph.linear %x, %w, %b activation(gelu) : (tensor<2x3x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return
}

// CHECK-LABEL: func.func @transformer
func.func @transformer(%q: tensor<1x8x3x16xf32>, %k: tensor<1x2x5x16xf32>, %v: tensor<1x2x5x32xf32>, %m: tensor<3x5xi1>, %fm: tensor<1x1x3x5xf32>, %cs: tensor<1x3x4xf32>) {
  // CHECK: graph.attention %arg0, %arg1, %arg2 {scale = 2.500000e-01 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>) -> tensor<1x8x3x32xf32>
  %0 = graph.attention %q, %k, %v {scale = 0.25 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>) -> tensor<1x8x3x32xf32>
  // CHECK: graph.attention %arg0, %arg1, %arg2, %arg3 {is_causal = true, scale = 1.250000e-01 : f32, softcap = 5.000000e+01 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>, tensor<3x5xi1>) -> tensor<1x8x3x32xf32>
  %1 = graph.attention %q, %k, %v, %m {scale = 0.125 : f32, is_causal = true, softcap = 50.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>, tensor<3x5xi1>) -> tensor<1x8x3x32xf32>
  // CHECK: graph.attention %arg0, %arg1, %arg2, %arg4 {scale = 1.000000e+00 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>, tensor<1x1x3x5xf32>) -> tensor<1x8x3x32xf32>
  %2 = graph.attention %q, %k, %v, %fm {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>, tensor<1x1x3x5xf32>) -> tensor<1x8x3x32xf32>
  // CHECK: graph.rotary_embedding %arg0, %arg5, %arg5 : (tensor<1x8x3x16xf32>, tensor<1x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x8x3x16xf32>
  %3 = graph.rotary_embedding %q, %cs, %cs : (tensor<1x8x3x16xf32>, tensor<1x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x8x3x16xf32>
  // CHECK: graph.rotary_embedding %arg0, %arg5, %arg5 {interleaved = true} : (tensor<1x8x3x16xf32>, tensor<1x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x8x3x16xf32>
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
