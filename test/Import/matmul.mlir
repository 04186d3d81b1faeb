// MatMul (batched, broadcast batch dims, 1-D promotion) and Gemm (transA,
// transB, alpha, beta, bias; weights as initializers).

// RUN: split-file %s %t
// RUN: %onnx-text %t/matmul.txt -o %t/matmul.onnx
// RUN: wafer-translate --import-onnx %t/matmul.onnx | FileCheck %s --check-prefix=MM
// RUN: %onnx-text %t/vector.txt -o %t/vector.onnx
// RUN: wafer-translate --import-onnx %t/vector.onnx | FileCheck %s --check-prefix=VEC
// RUN: %onnx-text %t/gemm.txt -o %t/gemm.onnx
// RUN: wafer-translate --import-onnx %t/gemm.onnx | FileCheck %s --check-prefix=GEMM
// RUN: %onnx-text %t/gemm-plain.txt -o %t/gemm-plain.onnx
// RUN: wafer-translate --import-onnx %t/gemm-plain.onnx | FileCheck %s --check-prefix=PLAIN

// MM-LABEL: func.func @main
// MM-SAME: %[[A:.*]]: tensor<2x1x3x4xf32> {graph.name = "a"}, %[[B:.*]]: tensor<5x4x6xf32> {graph.name = "b"}, %[[I:.*]]: tensor<3x4xi32> {graph.name = "i"}, %[[J:.*]]: tensor<4x2xi32> {graph.name = "j"}
// MM: %[[P:.*]] = graph.matmul %[[A]], %[[B]] : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
// MM: %[[Q:.*]] = graph.matmul %[[I]], %[[J]] : (tensor<3x4xi32>, tensor<4x2xi32>) -> tensor<3x2xi32>
// MM: return %[[P]], %[[Q]] : tensor<2x5x3x6xf32>, tensor<3x2xi32>

//--- matmul.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 1, 3, 4] a, float[5, 4, 6] b, int32[3, 4] i, int32[4, 2] j) => (float[2, 5, 3, 6] y, int32[3, 2] z) {
  y = MatMul(a, b)
  z = MatMul(i, j)
}

// A 1-D lhs gets a leading 1, a 1-D rhs a trailing 1, removed afterwards.
// VEC-LABEL: func.func @main
// VEC-SAME: %[[V:.*]]: tensor<3xf32> {graph.name = "v"}, %[[B:.*]]: tensor<2x3x4xf32> {graph.name = "b"}, %[[W:.*]]: tensor<4xf32> {graph.name = "w"}
// VEC: %[[V2:.*]] = graph.reshape %[[V]] : tensor<3xf32> -> tensor<1x3xf32>
// VEC: %[[P:.*]] = graph.matmul %[[V2]], %[[B]] : (tensor<1x3xf32>, tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
// VEC: %[[Y:.*]] = graph.reshape %[[P]] : tensor<2x1x4xf32> -> tensor<2x4xf32>
// VEC: %[[W2:.*]] = graph.reshape %[[W]] : tensor<4xf32> -> tensor<4x1xf32>
// VEC: %[[Q:.*]] = graph.matmul %[[B]], %[[W2]] : (tensor<2x3x4xf32>, tensor<4x1xf32>) -> tensor<2x3x1xf32>
// VEC: %[[Z:.*]] = graph.reshape %[[Q]] : tensor<2x3x1xf32> -> tensor<2x3xf32>
// VEC: %[[D2:.*]] = graph.reshape %[[V]] : tensor<3xf32> -> tensor<1x3xf32>
// VEC: %[[U:.*]] = graph.reshape %[[V]] : tensor<3xf32> -> tensor<3x1xf32>
// VEC: %[[DP:.*]] = graph.matmul %[[D2]], %[[U]] : (tensor<1x3xf32>, tensor<3x1xf32>) -> tensor<1x1xf32>
// VEC: %[[D:.*]] = graph.reshape %[[DP]] : tensor<1x1xf32> -> tensor<f32>
// VEC: return %[[Y]], %[[Z]], %[[D]] : tensor<2x4xf32>, tensor<2x3xf32>, tensor<f32>

//--- vector.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[3] v, float[2, 3, 4] b, float[4] w) => (float[2, 4] y, float[2, 3] z, float d) {
  y = MatMul(v, b)
  z = MatMul(b, w)
  d = MatMul(v, v)
}

// Gemm: transposes, alpha * A' B' + beta * C.
// GEMM-LABEL: func.func @main
// GEMM-SAME: %[[A:.*]]: tensor<3x2xf32> {graph.name = "a"}, %[[B:.*]]: tensor<4x3xf32> {graph.name = "b"}, %[[C:.*]]: tensor<4xf32> {graph.name = "c"}
// GEMM: %[[AT:.*]] = graph.transpose %[[A]], [1, 0] : tensor<3x2xf32> -> tensor<2x3xf32>
// GEMM: %[[BT:.*]] = graph.transpose %[[B]], [1, 0] : tensor<4x3xf32> -> tensor<3x4xf32>
// GEMM: %[[P:.*]] = graph.matmul %[[AT]], %[[BT]] : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// GEMM: %[[ALPHA:.*]] = graph.constant dense<2.000000e+00> : tensor<f32>
// GEMM: %[[PS:.*]] = graph.mul %[[P]], %[[ALPHA]] : (tensor<2x4xf32>, tensor<f32>) -> tensor<2x4xf32>
// GEMM: %[[BETA:.*]] = graph.constant dense<5.000000e-01> : tensor<f32>
// GEMM: %[[CS:.*]] = graph.mul %[[C]], %[[BETA]] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// GEMM: %[[Y:.*]] = graph.add %[[PS]], %[[CS]] : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
// GEMM: return %[[Y]] : tensor<2x4xf32>

//--- gemm.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[3, 2] a, float[4, 3] b, float[4] c) => (float[2, 4] y) {
  y = Gemm <transA = 1, transB = 1, alpha = 2.0, beta = 0.5> (a, b, c)
}

// Default alpha = beta = 1 adds no scaling; a weight of more than 16
// elements is a dense_resource blob, a small bias stays inline.
// PLAIN-LABEL: func.func @main
// PLAIN-SAME: %[[X:.*]]: tensor<2x4xf32> {graph.name = "x"}
// PLAIN-DAG: %[[W:.*]] = graph.constant dense_resource<w> : tensor<4x5xf32>
// PLAIN-DAG: %[[C:.*]] = graph.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00]> : tensor<5xf32>
// PLAIN: %[[P:.*]] = graph.matmul %[[X]], %[[W]] : (tensor<2x4xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
// PLAIN-NOT: graph.mul
// PLAIN: %[[Y:.*]] = graph.add %[[P]], %[[C]] : (tensor<2x5xf32>, tensor<5xf32>) -> tensor<2x5xf32>
// PLAIN: return %[[Y]] : tensor<2x5xf32>
// PLAIN: {-#
// PLAIN-NEXT: dialect_resources: {
// PLAIN-NEXT: builtin: {
// PLAIN-NEXT: w: "0x04000000{{(0000803F)+}}"

//--- gemm-plain.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 4] x) => (float[2, 5] y)
  <float[4, 5] w = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0},
   float[5] c = {1.0, 2.0, 3.0, 4.0, 5.0}>
{
  y = Gemm(x, w, c)
}
