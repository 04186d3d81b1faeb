// Shape, Reshape, Flatten, Squeeze, Unsqueeze, Expand, Range and
// ConstantOfShape. Shapes are static, so Shape, Range and ConstantOfShape
// fold to constants at import; the others become graph.reshape/expand.

// RUN: split-file %s %t
// RUN: %onnx-text %t/shape.txt -o %t/shape.onnx
// RUN: wafer-translate --import-onnx %t/shape.onnx | FileCheck %s --check-prefix=SHAPE
// RUN: %onnx-text %t/reshape.txt -o %t/reshape.onnx
// RUN: wafer-translate --import-onnx %t/reshape.onnx | FileCheck %s --check-prefix=RESHAPE
// RUN: %onnx-text %t/squeeze.txt -o %t/squeeze.onnx
// RUN: wafer-translate --import-onnx %t/squeeze.onnx | FileCheck %s --check-prefix=SQUEEZE
// RUN: %onnx-text %t/expand.txt -o %t/expand.onnx
// RUN: wafer-translate --import-onnx %t/expand.onnx | FileCheck %s --check-prefix=EXPAND
// RUN: %onnx-text %t/range.txt -o %t/range.onnx
// RUN: wafer-translate --import-onnx %t/range.onnx | FileCheck %s --check-prefix=RANGE
// RUN: %onnx-text %t/cos.txt -o %t/cos.onnx
// RUN: wafer-translate --import-onnx %t/cos.onnx | FileCheck %s --check-prefix=COS

// SHAPE-LABEL: func.func @main
// SHAPE-DAG: %[[S:.*]] = graph.constant dense<[2, 3, 4, 5]> : tensor<4xi64>
// SHAPE-DAG: %[[S2:.*]] = graph.constant dense<[3, 4]> : tensor<2xi64>
// SHAPE-DAG: %[[S3:.*]] = graph.constant dense<5> : tensor<1xi64>
// SHAPE-DAG: %[[S5:.*]] = graph.constant dense<[2, 3, 4]> : tensor<3xi64>
// SHAPE-NOT: graph.shape
// SHAPE: return %[[S]], %[[S2]], %[[S3]], %[[S5]] : tensor<4xi64>, tensor<2xi64>, tensor<1xi64>, tensor<3xi64>
// (An empty window is an error, in errors-shape-ops.mlir.)

//--- shape.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[2, 3, 4, 5] x) => (int64[4] s, int64[2] s2, int64[1] s3, int64[3] s5) {
  s = Shape(x)
  s2 = Shape <start = 1, end = -1> (x)
  s3 = Shape <start = -1> (x)
  s5 = Shape <start = -10, end = 3> (x)
}

// RESHAPE-LABEL: func.func @main
// RESHAPE-SAME: %[[X:.*]]: tensor<2x3x4x5xf32> {graph.name = "x"}
// 0 copies the input dimension, -1 takes the rest.
// RESHAPE: %[[R:.*]] = graph.reshape %[[X]] : tensor<2x3x4x5xf32> -> tensor<2x3x20xf32>
// RESHAPE: %[[R2:.*]] = graph.reshape %[[X]] : tensor<2x3x4x5xf32> -> tensor<5x24xf32>
// Flatten: axis -2 -> [2*3, 4*5]; axis 0 -> [1, 120]; axis = rank -> [120, 1].
// RESHAPE: %[[F:.*]] = graph.reshape %[[X]] : tensor<2x3x4x5xf32> -> tensor<6x20xf32>
// RESHAPE: %[[F0:.*]] = graph.reshape %[[X]] : tensor<2x3x4x5xf32> -> tensor<1x120xf32>
// RESHAPE: %[[F4:.*]] = graph.reshape %[[X]] : tensor<2x3x4x5xf32> -> tensor<120x1xf32>
// A reshape to the same shape folds away.
// RESHAPE: return %[[R]], %[[R2]], %[[F]], %[[F0]], %[[F4]], %[[X]] :

//--- reshape.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[2, 3, 4, 5] x) => (float[2, 3, 20] r, float[5, 24] r2, float[6, 20] f, float[1, 120] f0, float[120, 1] f4, float[2, 3, 4, 5] same)
  <int64[2] t2 = {5, -1}>
{
  t = Constant <value = int64[3] {0, 0, -1}> ()
  r = Reshape(x, t)
  r2 = Reshape <allowzero = 1> (x, t2)
  f = Flatten <axis = -2> (x)
  f0 = Flatten <axis = 0> (x)
  f4 = Flatten <axis = 4> (x)
  t3 = Constant <value = int64[4] {2, 3, 4, 5}> ()
  same = Reshape(x, t3)
}

// SQUEEZE-LABEL: func.func @main
// SQUEEZE-SAME: %[[X:.*]]: tensor<1x3x1x5xf32> {graph.name = "x"}
// Squeeze with axes [-2] removes dimension 2; without axes every 1.
// SQUEEZE: %[[A:.*]] = graph.reshape %[[X]] : tensor<1x3x1x5xf32> -> tensor<1x3x5xf32>
// SQUEEZE: %[[B:.*]] = graph.reshape %[[X]] : tensor<1x3x1x5xf32> -> tensor<3x5xf32>
// Unsqueeze axes refer to the output rank; -1 is the new last dimension.
// The reshape of a reshape folds into one reshape of the input.
// SQUEEZE: %[[C:.*]] = graph.reshape %[[X]] : tensor<1x3x1x5xf32> -> tensor<1x3x5x1xf32>
// SQUEEZE: return %[[A]], %[[B]], %[[C]] : tensor<1x3x5xf32>, tensor<3x5xf32>, tensor<1x3x5x1xf32>

//--- squeeze.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1, 3, 1, 5] x) => (float[1, 3, 5] a, float[3, 5] b, float[1, 3, 5, 1] c) {
  ax = Constant <value = int64[1] {-2}> ()
  a = Squeeze(x, ax)
  b = Squeeze(x)
  ux = Constant <value = int64[2] {0, -1}> ()
  c = Unsqueeze(b, ux)
}

// EXPAND-LABEL: func.func @main
// EXPAND-SAME: %[[E:.*]]: tensor<3x1xf32> {graph.name = "e"}
// The target may be smaller than the input; both broadcast together.
// EXPAND: %[[A:.*]] = graph.expand %[[E]] : tensor<3x1xf32> -> tensor<3x4xf32>
// EXPAND: %[[B:.*]] = graph.expand %[[E]] : tensor<3x1xf32> -> tensor<2x3x6xf32>
// EXPAND: return %[[A]], %[[B]], %[[E]] : tensor<3x4xf32>, tensor<2x3x6xf32>, tensor<3x1xf32>

//--- expand.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3, 1] e) => (float[3, 4] a, float[2, 3, 6] b, float[3, 1] c) {
  s = Constant <value = int64[2] {1, 4}> ()
  a = Expand(e, s)
  s2 = Constant <value = int64[3] {2, 1, 6}> ()
  b = Expand(e, s2)
  s3 = Constant <value = int64[1] {1}> ()
  c = Expand(e, s3)
}

// RANGE-LABEL: func.func @main
// RANGE-DAG: %[[I:.*]] = graph.constant dense<[2, 4, 6, 8, 10]> : tensor<5xi64>
// RANGE-DAG: %[[D:.*]] = graph.constant dense<[5, 2]> : tensor<2xi32>
// RANGE-DAG: %[[F:.*]] = graph.constant dense<[1.000000e+00, 6.000000e-01, 0.199999988]> : tensor<3xf32>
// RANGE-NOT: graph.range
// RANGE: return %[[I]], %[[D]], %[[F]] : tensor<5xi64>, tensor<2xi32>, tensor<3xf32>
// (An empty range is an error, in errors-shape-ops.mlir.)

//--- range.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] unused) => (int64[5] i, int32[2] d, float[3] f) {
  a = Constant <value = int64 {2}> ()
  b = Constant <value = int64 {12}> ()
  c = Constant <value = int64 {2}> ()
  i = Range(a, b, c)
  a32 = Constant <value = int32 {5}> ()
  b32 = Constant <value = int32 {0}> ()
  c32 = Constant <value = int32 {-3}> ()
  d = Range(a32, b32, c32)
  fa = Constant <value = float {1.0}> ()
  fb = Constant <value = float {0.0}> ()
  fc = Constant <value = float {-0.4}> ()
  f = Range(fa, fb, fc)
}

// COS-LABEL: func.func @main
// COS-DAG: %[[A:.*]] = graph.constant dense<7.000000e+00> : tensor<2x3xf32>
// Without a value attribute the fill is a float zero.
// COS-DAG: %[[B:.*]] = graph.constant dense<0.000000e+00> : tensor<3xf32>
// COS-DAG: %[[C:.*]] = graph.constant dense<-4> : tensor<2x3xi64>
// The shape may come from a folded Shape.
// COS-DAG: %[[D:.*]] = graph.constant dense<true> : tensor<4x2xi1>
// COS: return %[[A]], %[[B]], %[[C]], %[[D]] :

//--- cos.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4, 2] x) => (float[2, 3] a, float[3] b, int64[2, 3] c, bool[4, 2] d) {
  sh = Constant <value = int64[2] {2, 3}> ()
  a = ConstantOfShape <value = float[1] {7.0}> (sh)
  sh1 = Constant <value = int64[1] {3}> ()
  b = ConstantOfShape(sh1)
  c = ConstantOfShape <value = int64[1] {-4}> (sh)
  xs = Shape(x)
  d = ConstantOfShape <value = bool[1] {1}> (xs)
}
