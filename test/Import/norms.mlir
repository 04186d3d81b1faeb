// Softmax, LayerNormalization (with and without bias, explicit axis, its
// optional Mean and InvStdDev outputs, a BFLOAT16 stash) and
// RMSNormalization (opset 23).

// RUN: split-file %s %t
// RUN: %onnx-text %t/norms.txt -o %t/norms.onnx
// RUN: wafer-translate --import-onnx %t/norms.onnx | FileCheck %s
// RUN: %onnx-text %t/softmax.txt -o %t/softmax.onnx
// RUN: wafer-translate --import-onnx %t/softmax.onnx | FileCheck %s --check-prefix=SM
// RUN: %onnx-text %t/ln-stats.txt -o %t/ln-stats.onnx
// RUN: wafer-translate --import-onnx %t/ln-stats.onnx | FileCheck %s --check-prefix=STATS
// RUN: %onnx-text %t/ln-bf16.txt -o %t/ln-bf16.onnx
// RUN: wafer-translate --import-onnx %t/ln-bf16.onnx | FileCheck %s --check-prefix=BF16

// CHECK-LABEL: func.func @main
// CHECK-SAME: %[[X:.*]]: tensor<2x3x8xf32> {graph.name = "x"}, %[[S:.*]]: tensor<8xf32> {graph.name = "s"}, %[[B:.*]]: tensor<8xf32> {graph.name = "b"}, %[[S2:.*]]: tensor<3x8xf32> {graph.name = "s2"}
// Default axis -1 is normalized to 2, default epsilon is 1e-5.
// CHECK: %[[LN:.*]] = graph.layer_norm %[[X]], %[[S]], %[[B]] {axis = 2 : i64, epsilon = 1.000000e-03 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
// CHECK: %[[RMS:.*]] = graph.rms_norm %[[X]], %[[S]] {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
// CHECK: %[[LN1:.*]] = graph.layer_norm %[[X]], %[[S2]] {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x8xf32>, tensor<3x8xf32>) -> tensor<2x3x8xf32>
// CHECK: %[[RMS1:.*]] = graph.rms_norm %[[X]], %[[S2]] {axis = 1 : i64, epsilon = 5.000000e-01 : f32} : (tensor<2x3x8xf32>, tensor<3x8xf32>) -> tensor<2x3x8xf32>
// CHECK: return %[[LN]], %[[RMS]], %[[LN1]], %[[RMS1]]

//--- norms.txt
<ir_version: 8, opset_import: ["" : 23]>
g (float[2, 3, 8] x, float[8] s, float[8] b, float[3, 8] s2) => (float[2, 3, 8] y, float[2, 3, 8] z, float[2, 3, 8] w, float[2, 3, 8] v) {
  y = LayerNormalization <epsilon = 0.001> (x, s, b)
  z = RMSNormalization (x, s)
  w = LayerNormalization <axis = 1> (x, s2)
  v = RMSNormalization <axis = -2, epsilon = 0.5> (x, s2)
}

// SM-LABEL: func.func @main
// SM-SAME: %[[X:.*]]: tensor<2x3x8xf16> {graph.name = "x"}
// SM: %[[A:.*]] = graph.softmax %[[X]] {axis = 2 : i64} : tensor<2x3x8xf16>
// SM: %[[B:.*]] = graph.softmax %[[A]] {axis = 0 : i64} : tensor<2x3x8xf16>
// SM: %[[C:.*]] = graph.softmax %[[B]] {axis = 1 : i64} : tensor<2x3x8xf16>
// SM: return %[[C]] : tensor<2x3x8xf16>

//--- softmax.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float16[2, 3, 8] x) => (float16[2, 3, 8] y) {
  a = Softmax(x)
  b = Softmax <axis = 0> (a)
  y = Softmax <axis = -2> (b)
}

// LayerNormalization's optional Mean and InvStdDev (opset 25 here): the
// statistics over the normalized axes, kept as size-1 dimensions, in the
// stash type (FLOAT by default) whatever X's; Y stays graph.layer_norm.
// STATS-LABEL: func.func @main
// STATS-SAME: (%[[X:.*]]: tensor<2x3x8xf16> {graph.name = "x"}, %[[S:.*]]: tensor<3x8xf16> {graph.name = "s"}, %[[B:.*]]: tensor<3x8xf16> {graph.name = "b"}) -> (tensor<2x3x8xf16> {graph.name = "y"}, tensor<2x1x1xf32> {graph.name = "mean"}, tensor<2x1x1xf32> {graph.name = "inv"})
// STATS: %[[XF:.*]] = graph.cast %[[X]] : tensor<2x3x8xf16> -> tensor<2x3x8xf32>
// STATS: %[[MEAN:.*]] = graph.reduce_mean %[[XF]], [1, 2] : tensor<2x3x8xf32> -> tensor<2x1x1xf32>
// STATS: %[[D:.*]] = graph.sub %[[XF]], %[[MEAN]] : (tensor<2x3x8xf32>, tensor<2x1x1xf32>) -> tensor<2x3x8xf32>
// STATS: %[[D2:.*]] = graph.mul %[[D]], %[[D]]
// STATS: %[[VAR:.*]] = graph.reduce_mean %[[D2]], [1, 2] : tensor<2x3x8xf32> -> tensor<2x1x1xf32>
// STATS: %[[EPS:.*]] = graph.constant dense<1.000000e-03> : tensor<f32>
// STATS: %[[VE:.*]] = graph.add %[[VAR]], %[[EPS]]
// STATS: %[[SD:.*]] = graph.sqrt %[[VE]] : tensor<2x1x1xf32>
// STATS: %[[INV:.*]] = graph.reciprocal %[[SD]] : tensor<2x1x1xf32>
// STATS: %[[Y:.*]] = graph.layer_norm %[[X]], %[[S]], %[[B]] {axis = 1 : i64, epsilon = 1.000000e-03 : f32} : (tensor<2x3x8xf16>, tensor<3x8xf16>, tensor<3x8xf16>) -> tensor<2x3x8xf16>
// STATS: return %[[Y]], %[[MEAN]], %[[INV]] : tensor<2x3x8xf16>, tensor<2x1x1xf32>, tensor<2x1x1xf32>

// A BFLOAT16 stash rounds the statistics, which graph.layer_norm (at least
// FLOAT) would not: the whole op is spelled out.
// BF16-LABEL: func.func @main
// BF16-SAME: (%[[X:.*]]: tensor<2x8xf32> {graph.name = "x"}, %[[S:.*]]: tensor<8xf32> {graph.name = "s"}) -> (tensor<2x8xf32> {graph.name = "y"}, tensor<2x1xbf16> {graph.name = "inv"})
// BF16: %[[XB:.*]] = graph.cast %[[X]] : tensor<2x8xf32> -> tensor<2x8xbf16>
// BF16: %[[MEAN:.*]] = graph.reduce_mean %[[XB]], [1] : tensor<2x8xbf16> -> tensor<2x1xbf16>
// BF16: %[[D:.*]] = graph.sub %[[XB]], %[[MEAN]]
// BF16: %[[INV:.*]] = graph.reciprocal %{{.*}} : tensor<2x1xbf16>
// BF16: %[[N:.*]] = graph.mul %[[D]], %[[INV]] : (tensor<2x8xbf16>, tensor<2x1xbf16>) -> tensor<2x8xbf16>
// BF16: %[[NF:.*]] = graph.cast %[[N]] : tensor<2x8xbf16> -> tensor<2x8xf32>
// BF16: %[[Y:.*]] = graph.mul %[[NF]], %[[S]] : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
// BF16-NOT: graph.layer_norm
// BF16: return %[[Y]], %[[INV]] : tensor<2x8xf32>, tensor<2x1xbf16>

//--- ln-stats.txt
<ir_version: 10, opset_import: ["" : 25]>
g (float16[2, 3, 8] x, float16[3, 8] s, float16[3, 8] b) => (float16[2, 3, 8] y, float[2, 1, 1] mean, float[2, 1, 1] inv) {
  y, mean, inv = LayerNormalization <axis = 1, epsilon = 0.001> (x, s, b)
}

//--- ln-bf16.txt
<ir_version: 10, opset_import: ["" : 17]>
g (float[2, 8] x, float[8] s) => (float[2, 8] y, bfloat16[2, 1] inv) {
  y, , inv = LayerNormalization <stash_type = 16> (x, s)
}
