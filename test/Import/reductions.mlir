// ReduceSum/Mean/Max/Min/Prod: axes as an attribute (opset 17 and below
// for all but ReduceSum) or as an input (ReduceSum from 13, the others
// from 18), keepdims, negative and unsorted axes, the empty-axes defaults.

// RUN: split-file %s %t
// RUN: %onnx-text %t/attr.txt -o %t/attr.onnx
// RUN: wafer-translate --import-onnx %t/attr.onnx | FileCheck %s --check-prefix=ATTR
// RUN: %onnx-text %t/input.txt -o %t/input.onnx
// RUN: wafer-translate --import-onnx %t/input.onnx | FileCheck %s --check-prefix=INPUT
// RUN: %onnx-text %t/sum13.txt -o %t/sum13.onnx
// RUN: wafer-translate --import-onnx %t/sum13.onnx | FileCheck %s --check-prefix=SUM13
// RUN: %onnx-text %t/bool20.txt -o %t/bool20.onnx
// RUN: wafer-translate --import-onnx %t/bool20.onnx | FileCheck %s --check-prefix=BOOL20
// RUN: %onnx-text %t/bool18.txt -o %t/bool18.onnx
// RUN: not wafer-translate --import-onnx %t/bool18.onnx 2>&1 | FileCheck %s --check-prefix=BOOL18

// ATTR-LABEL: func.func @main
// ATTR-SAME: %[[X:.*]]: tensor<2x3x4xf32> {graph.name = "x"}, %[[I:.*]]: tensor<2x3x4xi64> {graph.name = "i"}
// ATTR: %[[A:.*]] = graph.reduce_mean %[[X]], [1] : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
// ATTR: %[[B:.*]] = graph.reduce_mean %[[X]], [0, 2] {keepdims = false} : tensor<2x3x4xf32> -> tensor<3xf32>
// No axes: reduce everything.
// ATTR: %[[C:.*]] = graph.reduce_max %[[X]], [0, 1, 2] : tensor<2x3x4xf32> -> tensor<1x1x1xf32>
// ATTR: %[[D:.*]] = graph.reduce_min %[[I]], [2] {keepdims = false} : tensor<2x3x4xi64> -> tensor<2x3xi64>
// ATTR: %[[E:.*]] = graph.reduce_prod %[[I]], [0] : tensor<2x3x4xi64> -> tensor<1x3x4xi64>
// ATTR: return %[[A]], %[[B]], %[[C]], %[[D]], %[[E]]

//--- attr.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3, 4] x, int64[2, 3, 4] i) => (float[2, 1, 4] a, float[3] b, float[1, 1, 1] c, int64[2, 3] d, int64[1, 3, 4] e) {
  a = ReduceMean <axes = [1]> (x)
  b = ReduceMean <axes = [-1, 0], keepdims = 0> (x)
  c = ReduceMax (x)
  d = ReduceMin <axes = [-1], keepdims = 0> (i)
  e = ReduceProd <axes = [0]> (i)
}

// INPUT-LABEL: func.func @main
// INPUT-SAME: %[[X:.*]]: tensor<2x3x4xf32> {graph.name = "x"}
// INPUT: %[[A:.*]] = graph.reduce_mean %[[X]], [1, 2] : tensor<2x3x4xf32> -> tensor<2x1x1xf32>
// INPUT: %[[B:.*]] = graph.reduce_max %[[X]], [0] {keepdims = false} : tensor<2x3x4xf32> -> tensor<3x4xf32>
// INPUT: %[[C:.*]] = graph.reduce_min %[[X]], [1] : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
// INPUT: %[[D:.*]] = graph.reduce_prod %[[X]], [2] : tensor<2x3x4xf32> -> tensor<2x3x1xf32>
// INPUT: %[[E:.*]] = graph.reduce_sum %[[X]], [0, 1, 2] {keepdims = false} : tensor<2x3x4xf32> -> tensor<f32>
// noop_with_empty_axes = 1 without axes returns the input.
// INPUT-NOT: graph.reduce
// INPUT: return %[[A]], %[[B]], %[[C]], %[[D]], %[[E]], %[[X]]

//--- input.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[2, 3, 4] x) => (float[2, 1, 1] a, float[3, 4] b, float[2, 1, 4] c, float[2, 3, 1] d, float e, float[2, 3, 4] f)
  <int64[2] ax12 = {2, 1}>
{
  a = ReduceMean(x, ax12)
  ax0 = Constant <value = int64[1] {0}> ()
  b = ReduceMax <keepdims = 0> (x, ax0)
  ax1 = Constant <value = int64[1] {-2}> ()
  c = ReduceMin(x, ax1)
  ax2 = Constant <value = int64[1] {2}> ()
  d = ReduceProd(x, ax2)
  e = ReduceSum <keepdims = 0> (x)
  f = ReduceMean <noop_with_empty_axes = 1> (x)
}

// SUM13-LABEL: func.func @main
// SUM13-SAME: %[[X:.*]]: tensor<2x3xi32> {graph.name = "x"}
// SUM13: %[[A:.*]] = graph.reduce_sum %[[X]], [1] : tensor<2x3xi32> -> tensor<2x1xi32>
// SUM13: return %[[A]] : tensor<2x1xi32>

//--- sum13.txt
<ir_version: 8, opset_import: ["" : 13]>
g (int32[2, 3] x) => (int32[2, 1] y) {
  ax = Constant <value = int64[1] {1}> ()
  y = ReduceSum(x, ax)
}

// Opset 20 adds bool to ReduceMax and ReduceMin (false < true): the 0/1
// values reduce as int32.
// BOOL20-LABEL: func.func @main
// BOOL20-SAME: (%[[X:.*]]: tensor<2x3xi1> {graph.name = "x"})
// BOOL20: %[[I:.*]] = graph.cast %[[X]] : tensor<2x3xi1> -> tensor<2x3xi32>
// BOOL20: %[[MAX:.*]] = graph.reduce_max %[[I]], [1] {keepdims = false} : tensor<2x3xi32> -> tensor<2xi32>
// BOOL20: %[[Y:.*]] = graph.cast %[[MAX]] : tensor<2xi32> -> tensor<2xi1>
// BOOL20: %[[I2:.*]] = graph.cast %[[X]] : tensor<2x3xi1> -> tensor<2x3xi32>
// BOOL20: %[[MIN:.*]] = graph.reduce_min %[[I2]], [0] : tensor<2x3xi32> -> tensor<1x3xi32>
// BOOL20: %[[Z:.*]] = graph.cast %[[MIN]] : tensor<1x3xi32> -> tensor<1x3xi1>
// BOOL20: return %[[Y]], %[[Z]] : tensor<2xi1>, tensor<1x3xi1>
// BOOL18: error: loc("ReduceMax_1"): ReduceMax on 'i1' tensors is not supported before opset 20
//--- bool20.txt
<ir_version: 10, opset_import: ["" : 20]>
g (bool[2, 3] x) => (bool[2] y, bool[1, 3] z) {
  a = Constant <value = int64[1] {1}> ()
  y = ReduceMax <keepdims = 0> (x, a)
  b = Constant <value = int64[1] {0}> ()
  z = ReduceMin (x, b)
}
//--- bool18.txt
<ir_version: 10, opset_import: ["" : 18]>
g (bool[2, 3] x) => (bool[2] y) {
  a = Constant <value = int64[1] {1}> ()
  y = ReduceMax <keepdims = 0> (x, a)
}
