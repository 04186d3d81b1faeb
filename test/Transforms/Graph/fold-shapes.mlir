// graph-fold-shapes: every folder of GraphFolds.cpp on constants, with the
// expected values computed by hand (see each case's comment), and near
// misses that must not fold (non-constant operands, NaN/overflowing casts,
// integer division by zero, dense_resource weights). Sizes at and past the
// folding limit are in fold-limits.mlir.

// RUN: wafer-opt %s --graph-fold-shapes --split-input-file | FileCheck %s
// The pass also runs inside waferc's pipeline; folding twice changes nothing.
// RUN: wafer-opt %s --graph-fold-shapes --split-input-file > %t.1.mlir
// RUN: wafer-opt %t.1.mlir --graph-fold-shapes --split-input-file > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir

// A constant folds to itself.
// CHECK-LABEL: func.func @constant(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[7, -7]> : tensor<2xi64>
// CHECK-NEXT: return %[[C0]] : tensor<2xi64>
func.func @constant() -> tensor<2xi64> {
  %0 = graph.constant dense<[7, -7]> : tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// Shape folds to the static shape; start/end are clamped to [0, rank] and
// negative values count from the end: [1, -1) -> [3, 4], [-1, 4) -> [5],
// [-10 -> 0, 2) -> [2, 3]. (An empty window is a verifier error.)
// CHECK-LABEL: func.func @shape(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[2, 3, 4, 5]> : tensor<4xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[3, 4]> : tensor<2xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<5> : tensor<1xi64>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<[2, 3]> : tensor<2xi64>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C4]] : tensor<4xi64>, tensor<2xi64>, tensor<1xi64>, tensor<2xi64>
func.func @shape(%x: tensor<2x3x4x5xf32>) -> (tensor<4xi64>, tensor<2xi64>, tensor<1xi64>, tensor<2xi64>) {
  %0 = graph.shape %x : tensor<2x3x4x5xf32> -> tensor<4xi64>
  %1 = graph.shape %x {start = 1, end = -1} : tensor<2x3x4x5xf32> -> tensor<2xi64>
  %2 = graph.shape %x {start = -1} : tensor<2x3x4x5xf32> -> tensor<1xi64>
  %4 = graph.shape %x {start = -10, end = 2} : tensor<2x3x4x5xf32> -> tensor<2xi64>
  return %0, %1, %2, %4 : tensor<4xi64>, tensor<2xi64>, tensor<1xi64>, tensor<2xi64>
}

// -----

// Range: start + i * delta for the result's length; i64, i32 and f32.
// CHECK-LABEL: func.func @range(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[3, 1, -1, -3]> : tensor<4xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[10, 15, 20]> : tensor<3xi32>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[5.000000e-01, 7.500000e-01, 1.000000e+00]> : tensor<3xf32>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]] : tensor<4xi64>, tensor<3xi32>, tensor<3xf32>
func.func @range() -> (tensor<4xi64>, tensor<3xi32>, tensor<3xf32>) {
  %0 = graph.range {start = 3 : i64, delta = -2 : i64} : tensor<4xi64>
  %1 = graph.range {start = 10 : i32, delta = 5 : i32} : tensor<3xi32>
  %2 = graph.range {start = 0.5 : f32, delta = 0.25 : f32} : tensor<3xf32>
  return %0, %1, %2 : tensor<4xi64>, tensor<3xi32>, tensor<3xf32>
}

// -----

// Cast: same type -> the input; i64 -> f32; f32 -> i64 truncates toward
// zero (2.7 -> 2, -2.7 -> -2); f32 -> i1 is != 0 (-0.5 -> true, -0.0 ->
// false); i1 -> f32 and i1 -> i64 give 1/0 (true is 1, not -1); i64 -> i1 is
// != 0; f32 -> f16 rounds (0.1 -> 0.0999755859, 65536 -> inf = 0x7C00);
// i64 -> i32 wraps (2^32 + 1 -> 1); f32 -> f64 widens exactly.
// CHECK-LABEL: func.func @cast(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[-2.000000e+00, 3.000000e+00, 0.000000e+00]> : tensor<3xf32>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[2, -2, 0]> : tensor<3xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[false, true, false]> : tensor<3xi1>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<[1, 0]> : tensor<2xi64>
// CHECK-NEXT: %[[C5:.*]] = graph.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-NEXT: %[[C6:.*]] = graph.constant dense<[9.997550e-02, 0x7C00]> : tensor<2xf16>
// CHECK-NEXT: %[[C7:.*]] = graph.constant dense<[1, -1]> : tensor<2xi32>
// CHECK-NEXT: %[[C8:.*]] = graph.constant dense<[0.10000000149011612, 6.553600e+04]> : tensor<2xf64>
// CHECK-NEXT: return %arg0, %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]], %[[C6]], %[[C7]], %[[C8]] : tensor<2xf32>, tensor<3xf32>, tensor<3xi64>, tensor<3xi1>, tensor<2xf32>, tensor<2xi64>, tensor<3xi1>, tensor<2xf16>, tensor<2xi32>, tensor<2xf64>
func.func @cast(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<3xf32>, tensor<3xi64>, tensor<3xi1>, tensor<2xf32>, tensor<2xi64>, tensor<3xi1>, tensor<2xf16>, tensor<2xi32>, tensor<2xf64>) {
  %same = graph.cast %x : tensor<2xf32> -> tensor<2xf32>
  %i = graph.constant dense<[-2, 3, 0]> : tensor<3xi64>
  %0 = graph.cast %i : tensor<3xi64> -> tensor<3xf32>
  %f = graph.constant dense<[2.7, -2.7, 0.5]> : tensor<3xf32>
  %1 = graph.cast %f : tensor<3xf32> -> tensor<3xi64>
  %fz = graph.constant dense<[0.0, -0.5, -0.0]> : tensor<3xf32>
  %2 = graph.cast %fz : tensor<3xf32> -> tensor<3xi1>
  %b = graph.constant dense<[true, false]> : tensor<2xi1>
  %3 = graph.cast %b : tensor<2xi1> -> tensor<2xf32>
  %4 = graph.cast %b : tensor<2xi1> -> tensor<2xi64>
  %5 = graph.cast %i : tensor<3xi64> -> tensor<3xi1>
  %h = graph.constant dense<[1.0e-1, 65536.0]> : tensor<2xf32>
  %6 = graph.cast %h : tensor<2xf32> -> tensor<2xf16>
  %big = graph.constant dense<[4294967297, -1]> : tensor<2xi64>
  %7 = graph.cast %big : tensor<2xi64> -> tensor<2xi32>
  %8 = graph.cast %h : tensor<2xf32> -> tensor<2xf64>
  return %same, %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<2xf32>, tensor<3xf32>, tensor<3xi64>, tensor<3xi1>, tensor<2xf32>, tensor<2xi64>, tensor<3xi1>, tensor<2xf16>, tensor<2xi32>, tensor<2xf64>
}

// -----

// Near miss: NaN has no integer value, so the cast is left alone.
// CHECK-LABEL: func.func @cast_nan(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[0x7FC00000, 1.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[V1:.*]] = graph.cast %[[C0]] : tensor<2xf32> -> tensor<2xi64>
// CHECK-NEXT: return %[[V1]] : tensor<2xi64>
func.func @cast_nan() -> tensor<2xi64> {
  %f = graph.constant dense<[0x7FC00000, 1.0]> : tensor<2xf32>
  %0 = graph.cast %f : tensor<2xf32> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// Near miss: 1e10 does not fit in i32.
// CHECK-LABEL: func.func @cast_overflow(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<1.000000e+10> : tensor<1xf32>
// CHECK-NEXT: %[[V1:.*]] = graph.cast %[[C0]] : tensor<1xf32> -> tensor<1xi32>
// CHECK-NEXT: return %[[V1]] : tensor<1xi32>
func.func @cast_overflow() -> tensor<1xi32> {
  %f = graph.constant dense<[1.0e10]> : tensor<1xf32>
  %0 = graph.cast %f : tensor<1xf32> -> tensor<1xi32>
  return %0 : tensor<1xi32>
}

// -----

// Reshape: a constant is reshaped (row-major order unchanged), a splat
// stays a splat, a reshape to the same type is the input, and a reshape of a
// reshape reads the original input.
// CHECK-LABEL: func.func @reshape(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<1.500000e+00> : tensor<2x2xf32>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<{{\[\[}}1, 2], [3, 4], [5, 6]]> : tensor<3x2xi64>
// CHECK-NEXT: %[[V2:.*]] = graph.reshape %arg0 : tensor<2x3xf32> -> tensor<6xf32>
// CHECK-NEXT: return %[[C1]], %arg0, %[[V2]], %[[C0]] : tensor<3x2xi64>, tensor<2x3xf32>, tensor<6xf32>, tensor<2x2xf32>
func.func @reshape(%x: tensor<2x3xf32>) -> (tensor<3x2xi64>, tensor<2x3xf32>, tensor<6xf32>, tensor<2x2xf32>) {
  %c = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %0 = graph.reshape %c : tensor<2x3xi64> -> tensor<3x2xi64>
  %1 = graph.reshape %x : tensor<2x3xf32> -> tensor<2x3xf32>
  %r = graph.reshape %x : tensor<2x3xf32> -> tensor<3x2xf32>
  %2 = graph.reshape %r : tensor<3x2xf32> -> tensor<6xf32>
  %s = graph.constant dense<1.5> : tensor<4xf32>
  %3 = graph.reshape %s : tensor<4xf32> -> tensor<2x2xf32>
  return %0, %1, %2, %3 : tensor<3x2xi64>, tensor<2x3xf32>, tensor<6xf32>, tensor<2x2xf32>
}

// -----

// [2, 3] -> [6] -> [2, 3] is the input itself.
// CHECK-LABEL: func.func @reshape_roundtrip(
// CHECK-NEXT: return %arg0 : tensor<2x3xf32>
func.func @reshape_roundtrip(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %r = graph.reshape %x : tensor<2x3xf32> -> tensor<6xf32>
  %0 = graph.reshape %r : tensor<6xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Transpose: [[1, 2, 3], [4, 5, 6]]^T = [[1, 4], [2, 5], [3, 6]]; the
// identity permutation is the input; a [2, 1, 3] constant by [2, 1, 0].
// CHECK-LABEL: func.func @transpose(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<{{\[\[}}1, 4], [2, 5], [3, 6]]> : tensor<3x2xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<{{\[\[}}[1, 4]], {{\[\[}}2, 5]], {{\[\[}}3, 6]]]> : tensor<3x1x2xi32>
// CHECK-NEXT: return %[[C0]], %arg0, %[[C1]] : tensor<3x2xi64>, tensor<2x3xf32>, tensor<3x1x2xi32>
func.func @transpose(%x: tensor<2x3xf32>) -> (tensor<3x2xi64>, tensor<2x3xf32>, tensor<3x1x2xi32>) {
  %c = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %0 = graph.transpose %c, [1, 0] : tensor<2x3xi64> -> tensor<3x2xi64>
  %1 = graph.transpose %x, [0, 1] : tensor<2x3xf32> -> tensor<2x3xf32>
  %d = graph.constant dense<[[[1, 2, 3]], [[4, 5, 6]]]> : tensor<2x1x3xi32>
  %2 = graph.transpose %d, [2, 1, 0] : tensor<2x1x3xi32> -> tensor<3x1x2xi32>
  return %0, %1, %2 : tensor<3x2xi64>, tensor<2x3xf32>, tensor<3x1x2xi32>
}

// -----

// Expand broadcasts a constant; an expand to the same type is the input.
// CHECK-LABEL: func.func @expand(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<{{\[\[}}7, 8], [7, 8]]> : tensor<2x2xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<2.500000e+00> : tensor<3x2xf32>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<{{\[\[}}1, 1, 1], [2, 2, 2]]> : tensor<2x3xi64>
// CHECK-NEXT: return %[[C0]], %[[C1]], %arg0, %[[C2]] : tensor<2x2xi64>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xi64>
func.func @expand(%x: tensor<2x3xf32>) -> (tensor<2x2xi64>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xi64>) {
  %c = graph.constant dense<[7, 8]> : tensor<2xi64>
  %0 = graph.expand %c : tensor<2xi64> -> tensor<2x2xi64>
  %s = graph.constant dense<2.5> : tensor<1xf32>
  %1 = graph.expand %s : tensor<1xf32> -> tensor<3x2xf32>
  %2 = graph.expand %x : tensor<2x3xf32> -> tensor<2x3xf32>
  %col = graph.constant dense<[[1], [2]]> : tensor<2x1xi64>
  %3 = graph.expand %col : tensor<2x1xi64> -> tensor<2x3xi64>
  return %0, %1, %2, %3 : tensor<2x2xi64>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xi64>
}

// -----

// Concat: [1, 2] ++ [3]; [[1], [2]] ++ [[3, 4], [5, 6]] along axis 1; a
// single operand is itself; a splat part is expanded.
// CHECK-LABEL: func.func @concat(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<{{\[\[}}1, 3, 4], [2, 5, 6]]> : tensor<2x3xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[0.000000e+00, 0.000000e+00, 1.500000e+00, -1.500000e+00]> : tensor<4xf32>
// CHECK-NEXT: return %[[C0]], %[[C1]], %arg0, %[[C2]] : tensor<3xi64>, tensor<2x3xi64>, tensor<2x3xf32>, tensor<4xf32>
func.func @concat(%x: tensor<2x3xf32>) -> (tensor<3xi64>, tensor<2x3xi64>, tensor<2x3xf32>, tensor<4xf32>) {
  %a = graph.constant dense<[1, 2]> : tensor<2xi64>
  %b = graph.constant dense<3> : tensor<1xi64>
  %0 = graph.concat %a, %b {axis = 0 : i64} : (tensor<2xi64>, tensor<1xi64>) -> tensor<3xi64>
  %c = graph.constant dense<[[1], [2]]> : tensor<2x1xi64>
  %d = graph.constant dense<[[3, 4], [5, 6]]> : tensor<2x2xi64>
  %1 = graph.concat %c, %d {axis = 1 : i64} : (tensor<2x1xi64>, tensor<2x2xi64>) -> tensor<2x3xi64>
  %2 = graph.concat %x {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %e = graph.constant dense<[1.5, -1.5]> : tensor<2xf32>
  %f = graph.constant dense<0.0> : tensor<2xf32>
  %3 = graph.concat %f, %e {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<2x3xi64>, tensor<2x3xf32>, tensor<4xf32>
}

// -----

// Near miss: one operand is not a constant.
// CHECK-LABEL: func.func @concat_runtime(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<3> : tensor<1xi64>
// CHECK-NEXT: %[[V1:.*]] = graph.concat %arg0, %[[C0]] {axis = 0 : i64} : (tensor<2xi64>, tensor<1xi64>) -> tensor<3xi64>
// CHECK-NEXT: return %[[V1]] : tensor<3xi64>
func.func @concat_runtime(%x: tensor<2xi64>) -> tensor<3xi64> {
  %b = graph.constant dense<3> : tensor<1xi64>
  %0 = graph.concat %x, %b {axis = 0 : i64} : (tensor<2xi64>, tensor<1xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// Split: [1, 2, 3, 4, 5] -> [1, 2], [3, 4, 5]; columns of a 2x3 matrix;
// a splat splits into splats.
// CHECK-LABEL: func.func @split(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[1, 2]> : tensor<2xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[3, 4, 5]> : tensor<3xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<{{\[\[}}1.000000e+00], [4.000000e+00]]> : tensor<2x1xf32>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<{{\[\[}}2.000000e+00, 3.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<2x2xf32>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<9> : tensor<1xi64>
// CHECK-NEXT: %[[C5:.*]] = graph.constant dense<9> : tensor<2xi64>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]] : tensor<2xi64>, tensor<3xi64>, tensor<2x1xf32>, tensor<2x2xf32>, tensor<1xi64>, tensor<2xi64>
func.func @split() -> (tensor<2xi64>, tensor<3xi64>, tensor<2x1xf32>, tensor<2x2xf32>, tensor<1xi64>, tensor<2xi64>) {
  %c = graph.constant dense<[1, 2, 3, 4, 5]> : tensor<5xi64>
  %0:2 = graph.split %c {axis = 0 : i64} : tensor<5xi64> -> tensor<2xi64>, tensor<3xi64>
  %m = graph.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %1:2 = graph.split %m {axis = 1 : i64} : tensor<2x3xf32> -> tensor<2x1xf32>, tensor<2x2xf32>
  %s = graph.constant dense<9> : tensor<3xi64>
  %2:2 = graph.split %s {axis = 0 : i64} : tensor<3xi64> -> tensor<1xi64>, tensor<2xi64>
  return %0#0, %0#1, %1#0, %1#1, %2#0, %2#1 : tensor<2xi64>, tensor<3xi64>, tensor<2x1xf32>, tensor<2x2xf32>, tensor<1xi64>, tensor<2xi64>
}

// -----

// Slice: [0..5] from 1 by 2 -> [1, 3]; from 4 by -2 -> [4, 2, 0]; row 1
// of [[1, 2, 3], [4, 5, 6]] from column 2 by -2 -> [[6, 4]]; the whole
// tensor by 1 is the input; a splat stays a splat.
// CHECK-LABEL: func.func @slice(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[1, 3]> : tensor<2xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[4, 2, 0]> : tensor<3xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<{{\[\[}}6, 4]]> : tensor<1x2xi64>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<4.000000e+00> : tensor<2xf32>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %arg0, %[[C3]] : tensor<2xi64>, tensor<3xi64>, tensor<1x2xi64>, tensor<2x3xf32>, tensor<2xf32>
func.func @slice(%x: tensor<2x3xf32>) -> (tensor<2xi64>, tensor<3xi64>, tensor<1x2xi64>, tensor<2x3xf32>, tensor<2xf32>) {
  %c = graph.constant dense<[0, 1, 2, 3, 4, 5]> : tensor<6xi64>
  %0 = graph.slice %c {starts = array<i64: 1>, steps = array<i64: 2>} : tensor<6xi64> -> tensor<2xi64>
  %1 = graph.slice %c {starts = array<i64: 4>, steps = array<i64: -2>} : tensor<6xi64> -> tensor<3xi64>
  %m = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %2 = graph.slice %m {starts = array<i64: 1, 2>, steps = array<i64: 1, -2>} : tensor<2x3xi64> -> tensor<1x2xi64>
  %3 = graph.slice %x {starts = array<i64: 0, 0>, steps = array<i64: 1, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %s = graph.constant dense<4.0> : tensor<5xf32>
  %4 = graph.slice %s {starts = array<i64: 1>, steps = array<i64: 3>} : tensor<5xf32> -> tensor<2xf32>
  return %0, %1, %2, %3, %4 : tensor<2xi64>, tensor<3xi64>, tensor<1x2xi64>, tensor<2x3xf32>, tensor<2xf32>
}

// -----

// Gather: [10, 20, 30][2, -1, 0] = [30, 30, 10] (negative indices count
// from the end); columns [2, 0] of [[1, 2, 3], [4, 5, 6]] (i32 indices);
// 2-D indices [[-1], [0]] along axis 1; a scalar index drops the axis.
// CHECK-LABEL: func.func @gather(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[30, 30, 10]> : tensor<3xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<{{\[\[}}3, 1], [6, 4]]> : tensor<2x2xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<{{\[\[}}[2.000000e+00], [1.000000e+00]], {{\[\[}}4.000000e+00], [3.000000e+00]], {{\[\[}}6.000000e+00], [5.000000e+00]]]> : tensor<3x2x1xf32>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<20> : tensor<i64>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]] : tensor<3xi64>, tensor<2x2xi64>, tensor<3x2x1xf32>, tensor<i64>
func.func @gather() -> (tensor<3xi64>, tensor<2x2xi64>, tensor<3x2x1xf32>, tensor<i64>) {
  %d = graph.constant dense<[10, 20, 30]> : tensor<3xi64>
  %i = graph.constant dense<[2, -1, 0]> : tensor<3xi64>
  %0 = graph.gather %d[%i] {axis = 0 : i64} : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %m = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %j = graph.constant dense<[2, 0]> : tensor<2xi32>
  %1 = graph.gather %m[%j] {axis = 1 : i64} : (tensor<2x3xi64>, tensor<2xi32>) -> tensor<2x2xi64>
  %t = graph.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %k = graph.constant dense<[[-1], [0]]> : tensor<2x1xi64>
  %2 = graph.gather %t[%k] {axis = 1 : i64} : (tensor<3x2xf32>, tensor<2x1xi64>) -> tensor<3x2x1xf32>
  %s = graph.constant dense<1> : tensor<i64>
  %3 = graph.gather %d[%s] {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<2x2xi64>, tensor<3x2x1xf32>, tensor<i64>
}

// -----

// Where: element-wise pick; broadcast [[true], [false]] over rows; a splat
// condition picks a whole (non-constant) branch.
// CHECK-LABEL: func.func @where(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[1, 20, 3]> : tensor<3xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [-1.000000e+00, -1.000000e+00]]> : tensor<2x2xf32>
// CHECK-NEXT: return %[[C0]], %[[C1]], %arg0, %arg1 : tensor<3xi64>, tensor<2x2xf32>, tensor<3xf32>, tensor<3xf32>
func.func @where(%x: tensor<3xf32>, %y: tensor<3xf32>) -> (tensor<3xi64>, tensor<2x2xf32>, tensor<3xf32>, tensor<3xf32>) {
  %c = graph.constant dense<[true, false, true]> : tensor<3xi1>
  %a = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
  %b = graph.constant dense<[10, 20, 30]> : tensor<3xi64>
  %0 = graph.where %c, %a, %b : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %c2 = graph.constant dense<[[true], [false]]> : tensor<2x1xi1>
  %l = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %r = graph.constant dense<-1.0> : tensor<f32>
  %1 = graph.where %c2, %l, %r : (tensor<2x1xi1>, tensor<2xf32>, tensor<f32>) -> tensor<2x2xf32>
  %t = graph.constant dense<true> : tensor<3xi1>
  %2 = graph.where %t, %x, %y : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %f = graph.constant dense<false> : tensor<i1>
  %3 = graph.where %f, %x, %y : (tensor<i1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<2x2xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// Near miss: the condition is not a constant.
// CHECK-LABEL: func.func @where_runtime_condition(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
// CHECK-NEXT: %[[V1:.*]] = graph.where %arg0, %[[C0]], %[[C0]] : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
// CHECK-NEXT: return %[[V1]] : tensor<3xi64>
func.func @where_runtime_condition(%c: tensor<3xi1>) -> tensor<3xi64> {
  %a = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
  %0 = graph.where %c, %a, %a : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// Trilu of [[1, 2, 3], [4, 5, 6], [7, 8, 9]]: upper, lower, upper k = 1,
// lower k = -1; a splat of ones, upper k = 1.
// CHECK-LABEL: func.func @trilu(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<{{\[\[}}1, 2, 3], [0, 5, 6], [0, 0, 9]]> : tensor<3x3xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<{{\[\[}}1, 0, 0], [4, 5, 0], [7, 8, 9]]> : tensor<3x3xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<{{\[\[}}0, 2, 3], [0, 0, 6], [0, 0, 0]]> : tensor<3x3xi64>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<{{\[\[}}0, 0, 0], [4, 0, 0], [7, 8, 0]]> : tensor<3x3xi64>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<{{\[\[}}0.000000e+00, 1.000000e+00, 1.000000e+00], [0.000000e+00, 0.000000e+00, 1.000000e+00]]> : tensor<2x3xf32>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]] : tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<2x3xf32>
func.func @trilu() -> (tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<2x3xf32>) {
  %m = graph.constant dense<[[1, 2, 3], [4, 5, 6], [7, 8, 9]]> : tensor<3x3xi64>
  %0 = graph.trilu %m : tensor<3x3xi64>
  %1 = graph.trilu %m {upper = false} : tensor<3x3xi64>
  %2 = graph.trilu %m {k = 1 : i64} : tensor<3x3xi64>
  %3 = graph.trilu %m {k = -1 : i64, upper = false} : tensor<3x3xi64>
  %s = graph.constant dense<1.0> : tensor<2x3xf32>
  %4 = graph.trilu %s {k = 1 : i64} : tensor<2x3xf32>
  return %0, %1, %2, %3, %4 : tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<3x3xi64>, tensor<2x3xf32>
}

// -----

// Unary float ops, computed in double and rounded to f32: sqrt(4, 0.25),
// 1/(4, 0.25), exp(0, 1) = (1, e), log(4, 0.25) = +-ln 4, erf(1) =
// 0.8427008, tanh(1) = 0.7615942, sigmoid(0, 1) = (0.5, 0.7310586),
// cos(1) = 0.5403023, sin(1) = 0.84147096; neg/abs/relu of (-1.5, 2);
// sqrt(2) in f64.
// CHECK-LABEL: func.func @unary_float(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[2.000000e+00, 5.000000e-01]> : tensor<2xf32>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[2.500000e-01, 4.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[1.000000e+00, 2.71828175]> : tensor<2xf32>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<[1.38629436, -1.38629436]> : tensor<2xf32>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<[0.000000e+00, 0.842700779]> : tensor<2xf32>
// CHECK-NEXT: %[[C5:.*]] = graph.constant dense<[0.000000e+00, 0.761594176]> : tensor<2xf32>
// CHECK-NEXT: %[[C6:.*]] = graph.constant dense<[5.000000e-01, 0.731058597]> : tensor<2xf32>
// CHECK-NEXT: %[[C7:.*]] = graph.constant dense<[1.000000e+00, 0.540302277]> : tensor<2xf32>
// CHECK-NEXT: %[[C8:.*]] = graph.constant dense<[0.000000e+00, 0.841470957]> : tensor<2xf32>
// CHECK-NEXT: %[[C9:.*]] = graph.constant dense<[1.500000e+00, -2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C10:.*]] = graph.constant dense<[1.500000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C11:.*]] = graph.constant dense<[0.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C12:.*]] = graph.constant dense<1.4142135623730951> : tensor<2xf64>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]], %[[C6]], %[[C7]], %[[C8]], %[[C9]], %[[C10]], %[[C11]], %[[C12]] : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf64>
func.func @unary_float() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf64>) {
  %c = graph.constant dense<[4.0, 0.25]> : tensor<2xf32>
  %z = graph.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %n = graph.constant dense<[-1.5, 2.0]> : tensor<2xf32>
  %0 = graph.sqrt %c : tensor<2xf32>
  %1 = graph.reciprocal %c : tensor<2xf32>
  %2 = graph.exp %z : tensor<2xf32>
  %3 = graph.log %c : tensor<2xf32>
  %4 = graph.erf %z : tensor<2xf32>
  %5 = graph.tanh %z : tensor<2xf32>
  %6 = graph.sigmoid %z : tensor<2xf32>
  %7 = graph.cos %z : tensor<2xf32>
  %8 = graph.sin %z : tensor<2xf32>
  %9 = graph.neg %n : tensor<2xf32>
  %10 = graph.abs %n : tensor<2xf32>
  %11 = graph.relu %n : tensor<2xf32>
  %d = graph.constant dense<2.0> : tensor<2xf64>
  %12 = graph.sqrt %d : tensor<2xf64>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf64>
}

// -----

// f16 and bf16 fold in their own type.
// CHECK-LABEL: func.func @unary_half(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[2.000000e+00, 3.000000e+00]> : tensor<2xf16>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[-1.000000e+00, 2.000000e+00]> : tensor<2xbf16>
// CHECK-NEXT: return %[[C0]], %[[C1]] : tensor<2xf16>, tensor<2xbf16>
func.func @unary_half() -> (tensor<2xf16>, tensor<2xbf16>) {
  %h = graph.constant dense<[4.0, 9.0]> : tensor<2xf16>
  %0 = graph.sqrt %h : tensor<2xf16>
  %b = graph.constant dense<[1.0, -2.0]> : tensor<2xbf16>
  %1 = graph.neg %b : tensor<2xbf16>
  return %0, %1 : tensor<2xf16>, tensor<2xbf16>
}

// -----

// neg/abs/relu on integers; not on booleans.
// CHECK-LABEL: func.func @unary_int(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[3, 0, -4]> : tensor<3xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[3, 0, 4]> : tensor<3xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[0, 0, 4]> : tensor<3xi32>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<[false, true]> : tensor<2xi1>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]] : tensor<3xi64>, tensor<3xi64>, tensor<3xi32>, tensor<2xi1>
func.func @unary_int() -> (tensor<3xi64>, tensor<3xi64>, tensor<3xi32>, tensor<2xi1>) {
  %i = graph.constant dense<[-3, 0, 4]> : tensor<3xi64>
  %0 = graph.neg %i : tensor<3xi64>
  %1 = graph.abs %i : tensor<3xi64>
  %j = graph.constant dense<[-3, 0, 4]> : tensor<3xi32>
  %2 = graph.relu %j : tensor<3xi32>
  %b = graph.constant dense<[true, false]> : tensor<2xi1>
  %3 = graph.not %b : tensor<2xi1>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<3xi64>, tensor<3xi32>, tensor<2xi1>
}

// -----

// Integer binary ops with broadcasting: [[10], [20]] + [1, 2, 3];
// (5, -5) - (7, 3); (5, -5) * (7, 3); division truncates toward zero;
// max/min are signed.
// CHECK-LABEL: func.func @binary_int(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<{{\[\[}}11, 12, 13], [21, 22, 23]]> : tensor<2x3xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[-2, -8]> : tensor<2xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[35, -15]> : tensor<2xi64>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<[3, -3, -3, 3]> : tensor<4xi64>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<[7, 3]> : tensor<2xi64>
// CHECK-NEXT: %[[C5:.*]] = graph.constant dense<[5, -5]> : tensor<2xi64>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]] : tensor<2x3xi64>, tensor<2xi64>, tensor<2xi64>, tensor<4xi64>, tensor<2xi64>, tensor<2xi64>
func.func @binary_int() -> (tensor<2x3xi64>, tensor<2xi64>, tensor<2xi64>, tensor<4xi64>, tensor<2xi64>, tensor<2xi64>) {
  %col = graph.constant dense<[[10], [20]]> : tensor<2x1xi64>
  %row = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
  %0 = graph.add %col, %row : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x3xi64>
  %a = graph.constant dense<[5, -5]> : tensor<2xi64>
  %b = graph.constant dense<[7, 3]> : tensor<2xi64>
  %1 = graph.sub %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %2 = graph.mul %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %n = graph.constant dense<[7, -7, 7, -7]> : tensor<4xi64>
  %d = graph.constant dense<[2, 2, -2, -2]> : tensor<4xi64>
  %3 = graph.div %n, %d : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %4 = graph.max %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %5 = graph.min %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  return %0, %1, %2, %3, %4, %5 : tensor<2x3xi64>, tensor<2xi64>, tensor<2xi64>, tensor<4xi64>, tensor<2xi64>, tensor<2xi64>
}

// -----

// Integer division by zero does not fold; float division gives +-inf.
// CHECK-LABEL: func.func @div_by_zero(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[0x7F800000, 0xFF800000]> : tensor<2xf32>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[6, 1]> : tensor<2xi64>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[3, 0]> : tensor<2xi64>
// CHECK-NEXT: %[[V3:.*]] = graph.div %[[C1]], %[[C2]] : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
// CHECK-NEXT: return %[[V3]], %[[C0]] : tensor<2xi64>, tensor<2xf32>
func.func @div_by_zero() -> (tensor<2xi64>, tensor<2xf32>) {
  %n = graph.constant dense<[6, 1]> : tensor<2xi64>
  %z = graph.constant dense<[3, 0]> : tensor<2xi64>
  %0 = graph.div %n, %z : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %f = graph.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %fz = graph.constant dense<0.0> : tensor<f32>
  %1 = graph.div %f, %fz : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xi64>, tensor<2xf32>
}

// -----

// Float binary ops: (1.5, -2) op (0.5, 4); pow(3, 2) = 9, pow(16, 0.5) = 4;
// f16 3 * 3 = 9.
// CHECK-LABEL: func.func @binary_float(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<2.000000e+00> : tensor<2xf32>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[1.000000e+00, -6.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[7.500000e-01, -8.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<[3.000000e+00, -5.000000e-01]> : tensor<2xf32>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<[9.000000e+00, 4.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C5:.*]] = graph.constant dense<[1.500000e+00, 4.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C6:.*]] = graph.constant dense<[5.000000e-01, -2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C7:.*]] = graph.constant dense<9.000000e+00> : tensor<f16>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]], %[[C6]], %[[C7]] : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<f16>
func.func @binary_float() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<f16>) {
  %a = graph.constant dense<[1.5, -2.0]> : tensor<2xf32>
  %b = graph.constant dense<[0.5, 4.0]> : tensor<2xf32>
  %0 = graph.add %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = graph.sub %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = graph.mul %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %3 = graph.div %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %e = graph.constant dense<[2.0, 0.5]> : tensor<2xf32>
  %base = graph.constant dense<[3.0, 16.0]> : tensor<2xf32>
  %4 = graph.pow %base, %e : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %5 = graph.max %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %6 = graph.min %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %h = graph.constant dense<3.0> : tensor<f16>
  %7 = graph.mul %h, %h : (tensor<f16>, tensor<f16>) -> tensor<f16>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<f16>
}

// -----

// Comparisons of (1, 2, 3) with 2 and of (-1, 0.5, 2) with 0.5 give the
// same booleans (identical constants are shared); and/or.
// CHECK-LABEL: func.func @compare(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[false, true, false]> : tensor<3xi1>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[true, false, false]> : tensor<3xi1>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<[false, false, true]> : tensor<3xi1>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<[false, true, true]> : tensor<3xi1>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C1]], %[[C2]] : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
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

// -----

// Equal on booleans.
// CHECK-LABEL: func.func @compare_bool(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[true, false, true]> : tensor<3xi1>
// CHECK-NEXT: return %[[C0]] : tensor<3xi1>
func.func @compare_bool() -> tensor<3xi1> {
  %p = graph.constant dense<[true, true, false]> : tensor<3xi1>
  %q = graph.constant dense<[true, false, false]> : tensor<3xi1>
  %0 = graph.equal %p, %q : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// NaN compares unequal and not less-or-equal to itself.
// CHECK-LABEL: func.func @compare_nan(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[false, true]> : tensor<2xi1>
// CHECK-NEXT: return %[[C0]], %[[C0]] : tensor<2xi1>, tensor<2xi1>
func.func @compare_nan() -> (tensor<2xi1>, tensor<2xi1>) {
  %f = graph.constant dense<[0x7FC00000, 1.0]> : tensor<2xf32>
  %0 = graph.equal %f, %f : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>
  %1 = graph.less_equal %f, %f : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>
  return %0, %1 : tensor<2xi1>, tensor<2xi1>
}

// -----

// Reductions of [[1, 2, 3], [4, 5, 6]]: row sums (6, 15), row means
// (2, 5) kept as [2, 1], column max (4, 5, 6), row min (1, 4), product 720
// kept as [1, 1], mean of all 3.5.
// CHECK-LABEL: func.func @reduce(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[6.000000e+00, 1.500000e+01]> : tensor<2xf32>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<{{\[\[}}2.000000e+00], [5.000000e+00]]> : tensor<2x1xf32>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[4.000000e+00, 5.000000e+00, 6.000000e+00]> : tensor<3xf32>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<[1.000000e+00, 4.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<7.200000e+02> : tensor<1x1xf32>
// CHECK-NEXT: %[[C5:.*]] = graph.constant dense<3.500000e+00> : tensor<f32>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]] : tensor<2xf32>, tensor<2x1xf32>, tensor<3xf32>, tensor<2xf32>, tensor<1x1xf32>, tensor<f32>
func.func @reduce() -> (tensor<2xf32>, tensor<2x1xf32>, tensor<3xf32>, tensor<2xf32>, tensor<1x1xf32>, tensor<f32>) {
  %m = graph.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = graph.reduce_sum %m, [1] {keepdims = false} : tensor<2x3xf32> -> tensor<2xf32>
  %1 = graph.reduce_mean %m, [1] : tensor<2x3xf32> -> tensor<2x1xf32>
  %2 = graph.reduce_max %m, [0] {keepdims = false} : tensor<2x3xf32> -> tensor<3xf32>
  %3 = graph.reduce_min %m, [1] {keepdims = false} : tensor<2x3xf32> -> tensor<2xf32>
  %4 = graph.reduce_prod %m, [0, 1] : tensor<2x3xf32> -> tensor<1x1xf32>
  %5 = graph.reduce_mean %m, [0, 1] {keepdims = false} : tensor<2x3xf32> -> tensor<f32>
  return %0, %1, %2, %3, %4, %5 : tensor<2xf32>, tensor<2x1xf32>, tensor<3xf32>, tensor<2xf32>, tensor<1x1xf32>, tensor<f32>
}

// -----

// Integer reductions of [[1, -2, 3], [-4, 5, -6]]: column sums, signed
// row max/min, product -720; no axes with the same type is the input; a
// splat of 3s sums to 12 per row.
// CHECK-LABEL: func.func @reduce_int(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense<[-3, 3, -3]> : tensor<3xi64>
// CHECK-NEXT: %[[C1:.*]] = graph.constant dense<[3, 5]> : tensor<2xi32>
// CHECK-NEXT: %[[C2:.*]] = graph.constant dense<[-2, -6]> : tensor<2xi32>
// CHECK-NEXT: %[[C3:.*]] = graph.constant dense<-720> : tensor<i64>
// CHECK-NEXT: %[[C4:.*]] = graph.constant dense<12> : tensor<2xi64>
// CHECK-NEXT: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %arg0, %[[C4]] : tensor<3xi64>, tensor<2xi32>, tensor<2xi32>, tensor<i64>, tensor<2x3xi64>, tensor<2xi64>
func.func @reduce_int(%x: tensor<2x3xi64>) -> (tensor<3xi64>, tensor<2xi32>, tensor<2xi32>, tensor<i64>, tensor<2x3xi64>, tensor<2xi64>) {
  %m = graph.constant dense<[[1, -2, 3], [-4, 5, -6]]> : tensor<2x3xi64>
  %0 = graph.reduce_sum %m, [0] {keepdims = false} : tensor<2x3xi64> -> tensor<3xi64>
  %n = graph.constant dense<[[1, -2, 3], [-4, 5, -6]]> : tensor<2x3xi32>
  %1 = graph.reduce_max %n, [1] {keepdims = false} : tensor<2x3xi32> -> tensor<2xi32>
  %2 = graph.reduce_min %n, [1] {keepdims = false} : tensor<2x3xi32> -> tensor<2xi32>
  %3 = graph.reduce_prod %m, [0, 1] {keepdims = false} : tensor<2x3xi64> -> tensor<i64>
  %4 = graph.reduce_sum %x, [] : tensor<2x3xi64> -> tensor<2x3xi64>
  %s = graph.constant dense<3> : tensor<2x4xi64>
  %5 = graph.reduce_sum %s, [1] {keepdims = false} : tensor<2x4xi64> -> tensor<2xi64>
  return %0, %1, %2, %3, %4, %5 : tensor<3xi64>, tensor<2xi32>, tensor<2xi32>, tensor<i64>, tensor<2x3xi64>, tensor<2xi64>
}

// -----

// dense_resource weights are never read by folders: nothing folds.
// CHECK-LABEL: func.func @weights_never_fold(
// CHECK-NEXT: %[[C0:.*]] = graph.constant dense_resource<weight> : tensor<2x2xf32>
// CHECK-NEXT: %[[V1:.*]] = graph.neg %[[C0]] : tensor<2x2xf32>
// CHECK-NEXT: %[[V2:.*]] = graph.reshape %[[C0]] : tensor<2x2xf32> -> tensor<4xf32>
// CHECK-NEXT: %[[V3:.*]] = graph.transpose %[[C0]], [1, 0] : tensor<2x2xf32> -> tensor<2x2xf32>
// CHECK-NEXT: return %[[V1]], %[[V2]], %[[V3]] : tensor<2x2xf32>, tensor<4xf32>, tensor<2x2xf32>
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
