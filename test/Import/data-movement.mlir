// Transpose, Concat, Split (split input, equal pieces, num_outputs from
// opset 18), Slice (axes, negative starts and steps, clamping), Gather and
// Trilu.

// RUN: split-file %s %t
// RUN: %onnx-text %t/transpose-concat.txt -o %t/transpose-concat.onnx
// RUN: wafer-translate --import-onnx %t/transpose-concat.onnx | FileCheck %s --check-prefix=TC
// RUN: %onnx-text %t/split13.txt -o %t/split13.onnx
// RUN: wafer-translate --import-onnx %t/split13.onnx | FileCheck %s --check-prefix=SPLIT13
// RUN: %onnx-text %t/split18.txt -o %t/split18.onnx
// RUN: wafer-translate --import-onnx %t/split18.onnx | FileCheck %s --check-prefix=SPLIT18
// RUN: %onnx-text %t/slice.txt -o %t/slice.onnx
// RUN: wafer-translate --import-onnx %t/slice.onnx | FileCheck %s --check-prefix=SLICE
// RUN: %onnx-text %t/gather.txt -o %t/gather.onnx
// RUN: wafer-translate --import-onnx %t/gather.onnx | FileCheck %s --check-prefix=GATHER
// RUN: %onnx-text %t/trilu.txt -o %t/trilu.onnx
// RUN: wafer-translate --import-onnx %t/trilu.onnx | FileCheck %s --check-prefix=TRILU

// TC-LABEL: func.func @main
// TC-SAME: %[[X:.*]]: tensor<2x3x4xf32> {graph.name = "x"}, %[[Y:.*]]: tensor<2x5x4xf32> {graph.name = "y"}
// Without perm, Transpose reverses the dimensions.
// TC: %[[T:.*]] = graph.transpose %[[X]], [2, 1, 0] : tensor<2x3x4xf32> -> tensor<4x3x2xf32>
// TC: %[[T2:.*]] = graph.transpose %[[X]], [0, 2, 1] : tensor<2x3x4xf32> -> tensor<2x4x3xf32>
// TC: %[[C:.*]] = graph.concat %[[X]], %[[Y]], %[[X]] {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x5x4xf32>, tensor<2x3x4xf32>) -> tensor<2x11x4xf32>
// An empty operand is dropped, and a concat of one tensor folds to it.
// (When every operand is empty, so is the result: an error, in
// errors-data-movement.mlir.)
// TC-NOT: graph.concat
// TC: return %[[T]], %[[T2]], %[[C]], %[[X]] :

//--- transpose-concat.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3, 4] x, float[2, 5, 4] y) => (float[4, 3, 2] t, float[2, 4, 3] t2, float[2, 11, 4] c, float[2, 3, 4] c1) {
  t = Transpose(x)
  t2 = Transpose <perm = [0, 2, 1]> (x)
  c = Concat <axis = -2> (x, y, x)
  e = Constant <value = float[2, 0, 4] {}> ()
  c1 = Concat <axis = 1> (e, x)
}

// SPLIT13-LABEL: func.func @main
// SPLIT13-SAME: %[[X:.*]]: tensor<6x4xf32> {graph.name = "x"}
// SPLIT13: %[[S:.*]]:3 = graph.split %[[X]] {axis = 0 : i64} : tensor<6x4xf32> -> tensor<1x4xf32>, tensor<2x4xf32>, tensor<3x4xf32>
// Without sizes the pieces are equal, one per output.
// SPLIT13: %[[E:.*]]:2 = graph.split %[[X]] {axis = 1 : i64} : tensor<6x4xf32> -> tensor<6x2xf32>, tensor<6x2xf32>
// SPLIT13: return %[[S]]#0, %[[S]]#1, %[[S]]#2, %[[E]]#0, %[[E]]#1 :

//--- split13.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[6, 4] x) => (float[1, 4] a, float[2, 4] b, float[3, 4] c, float[6, 2] d, float[6, 2] e) {
  sizes = Constant <value = int64[3] {1, 2, 3}> ()
  a, b, c = Split(x, sizes)
  d, e = Split <axis = -1> (x)
}

// SPLIT18-LABEL: func.func @main
// SPLIT18-SAME: %[[X:.*]]: tensor<2x7xf32> {graph.name = "x"}
// num_outputs = 3 over 7: pieces of ceil(7/3) = 3, the last one smaller.
// SPLIT18: %[[S:.*]]:3 = graph.split %[[X]] {axis = 1 : i64} : tensor<2x7xf32> -> tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x1xf32>
// SPLIT18: return %[[S]]#0, %[[S]]#1, %[[S]]#2 :

//--- split18.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[2, 7] x) => (float[2, 3] a, float[2, 3] b, float[2, 1] c) {
  a, b, c = Split <axis = 1, num_outputs = 3> (x)
}

// SLICE-LABEL: func.func @main
// SLICE-SAME: %[[X:.*]]: tensor<2x3x4xf32> {graph.name = "x"}
// axes [2, 0]: dim 2 from -1 (= 3) backwards by 2 to "-inf" -> 3, 1;
// dim 0 from 1 to 3 (clamped to 2) -> 1.
// SLICE: %[[A:.*]] = graph.slice %[[X]] {starts = array<i64: 1, 0, 3>, steps = array<i64: 1, 1, -2>} : tensor<2x3x4xf32> -> tensor<1x3x2xf32>
// Without axes and steps: the leading dims, step 1; end 100 clamps to 3.
// SLICE: %[[B:.*]] = graph.slice %[[X]] {starts = array<i64: 0, 1, 0>, steps = array<i64: 1, 1, 1>} : tensor<2x3x4xf32> -> tensor<2x2x4xf32>
// (An empty window is an error, in errors-data-movement.mlir.)
// The whole tensor with step 1 folds to the input.
// SLICE-NOT: graph.slice
// SLICE: return %[[A]], %[[B]], %[[X]] :

//--- slice.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3, 4] x) => (float[1, 3, 2] a, float[2, 2, 4] b, float[2, 3, 4] d) {
  st = Constant <value = int64[2] {-1, 1}> ()
  en = Constant <value = int64[2] {-9223372036854775807, 3}> ()
  ax = Constant <value = int64[2] {2, 0}> ()
  sp = Constant <value = int64[2] {-2, 1}> ()
  a = Slice(x, st, en, ax, sp)
  st2 = Constant <value = int64[2] {0, 1}> ()
  en2 = Constant <value = int64[2] {2, 100}> ()
  b = Slice(x, st2, en2)
  ax3 = Constant <value = int64[1] {-2}> ()
  st4 = Constant <value = int64[1] {0}> ()
  en4 = Constant <value = int64[1] {9223372036854775807}> ()
  d = Slice(x, st4, en4, ax3)
}

// GATHER-LABEL: func.func @main
// GATHER-SAME: %[[X:.*]]: tensor<2x3x4xf32> {graph.name = "x"}, %[[IDS:.*]]: tensor<2x2xi64> {graph.name = "ids"}, %[[TBL:.*]]: tensor<10x4xf32> {graph.name = "tbl"}, %[[I32:.*]]: tensor<5xi32> {graph.name = "i32"}
// An embedding lookup: [10, 4][2, 2] -> [2, 2, 4].
// GATHER: %[[G:.*]] = graph.gather %[[TBL]][%[[IDS]]] {axis = 0 : i64} : (tensor<10x4xf32>, tensor<2x2xi64>) -> tensor<2x2x4xf32>
// GATHER: %[[IDX:.*]] = graph.constant dense<[-1, 0]> : tensor<2xi64>
// GATHER: %[[G2:.*]] = graph.gather %[[X]][%[[IDX]]] {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x2x4xf32>
// A scalar index removes the axis.
// GATHER: %[[ONE:.*]] = graph.constant dense<1> : tensor<i64>
// GATHER: %[[G3:.*]] = graph.gather %[[X]][%[[ONE]]] {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<i64>) -> tensor<2x3xf32>
// GATHER: %[[G4:.*]] = graph.gather %[[TBL]][%[[I32]]] {axis = 0 : i64} : (tensor<10x4xf32>, tensor<5xi32>) -> tensor<5x4xf32>
// GATHER: return %[[G]], %[[G2]], %[[G3]], %[[G4]] :

//--- gather.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3, 4] x, int64[2, 2] ids, float[10, 4] tbl, int32[5] i32) => (float[2, 2, 4] g, float[2, 2, 4] g2, float[2, 3] g3, float[5, 4] g4) {
  g = Gather(tbl, ids)
  gi = Constant <value = int64[2] {-1, 0}> ()
  g2 = Gather <axis = 1> (x, gi)
  one = Constant <value = int64 {1}> ()
  g3 = Gather <axis = -1> (x, one)
  g4 = Gather(tbl, i32)
}

// TRILU-LABEL: func.func @main
// TRILU-SAME: %[[X:.*]]: tensor<2x3x4xf32> {graph.name = "x"}
// TRILU: %[[U:.*]] = graph.trilu %[[X]] : tensor<2x3x4xf32>
// TRILU: %[[L:.*]] = graph.trilu %[[X]] {k = -1 : i64, upper = false} : tensor<2x3x4xf32>
// TRILU: %[[U1:.*]] = graph.trilu %[[X]] {k = 1 : i64} : tensor<2x3x4xf32>
// TRILU: return %[[U]], %[[L]], %[[U1]] :

//--- trilu.txt
<ir_version: 8, opset_import: ["" : 14]>
g (float[2, 3, 4] x) => (float[2, 3, 4] u, float[2, 3, 4] l, float[2, 3, 4] u1) {
  u = Trilu(x)
  km = Constant <value = int64 {-1}> ()
  l = Trilu <upper = 0> (x, km)
  k1 = Constant <value = int64 {1}> ()
  u1 = Trilu <upper = 1> (x, k1)
}
