// Softmax, LayerNormalization (with and without bias, explicit axis) and
// RMSNormalization (opset 23).

// RUN: split-file %s %t
// RUN: %onnx-text %t/norms.txt -o %t/norms.onnx
// RUN: wafer-translate --import-onnx %t/norms.onnx | FileCheck %s
// RUN: %onnx-text %t/softmax.txt -o %t/softmax.onnx
// RUN: wafer-translate --import-onnx %t/softmax.onnx | FileCheck %s --check-prefix=SM

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
