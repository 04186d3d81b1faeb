// Shape arithmetic folds while importing once symbolic dimensions are bound:
// the Shape -> Gather -> Unsqueeze -> Concat -> Reshape chain of exporters
// leaves a single graph.reshape. Range/Where/Equal chains fold too.

// RUN: split-file %s %t
// RUN: %onnx-text %t/chain.txt -o %t/chain.onnx
// RUN: wafer-translate --import-onnx %t/chain.onnx --dim batch=2 --dim seq=8 | FileCheck %s
// RUN: wafer-translate --import-onnx %t/chain.onnx --dim batch=3 --dim seq=5 | FileCheck %s --check-prefix=OTHER
// RUN: %onnx-text %t/mask.txt -o %t/mask.onnx
// RUN: wafer-translate --import-onnx %t/mask.onnx --dim seq=3 | FileCheck %s --check-prefix=MASK
// A --dim that names no dimension is a warning, not an error.
// RUN: wafer-translate --import-onnx %t/mask.onnx --dim seq=3 --dim typo=4 2>&1 | FileCheck %s --check-prefix=WARN

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<2x8x64xf32> {graph.name = "x"}) -> (tensor<2x8x4x16xf32> {graph.name = "y"})
// CHECK-NOT: graph.shape
// CHECK-NOT: graph.gather
// CHECK-NOT: graph.concat
// CHECK-NOT: graph.constant
// CHECK: %[[Y:.*]] = graph.reshape %[[X]] : tensor<2x8x64xf32> -> tensor<2x8x4x16xf32>
// CHECK-NEXT: return %[[Y]] : tensor<2x8x4x16xf32>

// OTHER: graph.reshape %{{.*}} : tensor<3x5x64xf32> -> tensor<3x5x4x16xf32>

//--- chain.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[batch, seq, 64] x) => (float[batch, seq, 4, 16] y) {
  s = Shape(x)
  i0 = Constant <value = int64 {0}> ()
  i1 = Constant <value = int64 {1}> ()
  b = Gather <axis = 0> (s, i0)
  n = Gather <axis = 0> (s, i1)
  ax = Constant <value = int64[1] {0}> ()
  bu = Unsqueeze(b, ax)
  nu = Unsqueeze(n, ax)
  heads = Constant <value = int64[1] {4}> ()
  hd = Constant <value = int64[1] {-1}> ()
  target = Concat <axis = 0> (bu, nu, heads, hd)
  y = Reshape(x, target)
}

// A causal mask from Range, Unsqueeze, LessOrEqual, Where and Cast becomes
// one constant; only the Add with the runtime input remains.
// MASK-LABEL: func.func @main
// MASK-SAME: (%[[X:.*]]: tensor<3x3xf32> {graph.name = "x"})
// MASK: %[[M:.*]] = graph.constant dense<{{\[\[}}0.000000e+00, -1.000000e+04, -1.000000e+04], [0.000000e+00, 0.000000e+00, -1.000000e+04], [0.000000e+00, 0.000000e+00, 0.000000e+00]]> : tensor<3x3xf32>
// MASK-NOT: graph.range
// MASK-NOT: graph.where
// MASK: %[[Y:.*]] = graph.add %[[X]], %[[M]] : (tensor<3x3xf32>, tensor<3x3xf32>) -> tensor<3x3xf32>
// MASK-NEXT: return %[[Y]]

// WARN: warning: --dim typo names no symbolic dimension of the inputs
// WARN: func.func @main

//--- mask.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[seq, seq] x) => (float[seq, seq] y) {
  s = Shape <start = 0, end = 1> (x)
  zero = Constant <value = int64 {0}> ()
  one = Constant <value = int64 {1}> ()
  ax = Constant <value = int64[1] {0}> ()
  n = Squeeze(s, ax)
  r = Range(zero, n, one)
  ax1 = Constant <value = int64[1] {1}> ()
  col = Unsqueeze(r, ax)
  row = Unsqueeze(r, ax1)
  keep = LessOrEqual(col, row)
  zf = Constant <value = float {0.0}> ()
  neg = Constant <value = float {-10000.0}> ()
  m = Where(keep, zf, neg)
  y = Add(x, m)
}
