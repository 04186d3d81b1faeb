// Constant (value, value_float(s), value_int(s)) and initializers of every
// supported element type, from typed fields and from raw bytes. Small
// tensors are inline `dense`; weights are `dense_resource` blobs with names
// made from the tensor names (sanitized, de-duplicated).

// RUN: split-file %s %t
// RUN: %onnx-text %t/constant.txt -o %t/constant.onnx
// RUN: wafer-translate --import-onnx %t/constant.onnx | FileCheck %s --check-prefix=CONST
// RUN: %python %S/Inputs/tensors.py %t/tensors.onnx
// RUN: wafer-translate --import-onnx %t/tensors.onnx | FileCheck %s --check-prefix=TENSORS

// CONST-LABEL: func.func @main
// Initializers come first, named after the tensors; "w-a" sanitizes to
// "w_a", which is taken, so it gets a suffix.
// CONST: %[[WA:.*]] = graph.constant dense_resource<w_a> : tensor<17xf32>
// CONST: %[[WA1:.*]] = graph.constant dense_resource<w_a_1> : tensor<17xf32>
// CONST: %[[A:.*]] = graph.constant dense<1.500000e+00> : tensor<f32>
// CONST: %[[B:.*]] = graph.constant dense<[1.000000e+00, 2.500000e+00, -3.000000e+00]> : tensor<3xf32>
// CONST: %[[C:.*]] = graph.constant dense<7> : tensor<i64>
// CONST: %[[D:.*]] = graph.constant dense<[4, -5]> : tensor<2xi64>
// CONST: %[[E:.*]] = graph.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// A large Constant value without a tensor name takes its output's name.
// CONST: %[[BIG:.*]] = graph.constant dense_resource<big1> : tensor<17xf32>
// CONST: return %[[A]], %[[B]], %[[C]], %[[D]], %[[E]], %[[BIG]], %[[WA]], %[[WA1]] :
// CONST: dialect_resources: {
// CONST-NEXT: builtin: {
// CONST-NEXT: w_a: "0x04000000000000000000803F0000004000004040000080400000A0400000C0400000E040000000410000104100002041000030410000404100005041000060410000704100008041",
// CONST-NEXT: w_a_1: "0x04000000{{(0000803F)+}}",
// CONST-NEXT: big1: "0x04000000{{(00000040)+}}"

//--- constant.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float a, float[3] b, int64 c, int64[2] d, float[2, 2] e, float[17] big1, float[17] big2, float[17] big3)
  <float[17] w_a = {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0},
   float[17] "w-a" = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0}>
{
  a = Constant <value_float = 1.5> ()
  b = Constant <value_floats = [1.0, 2.5, -3.0]> ()
  c = Constant <value_int = 7> ()
  d = Constant <value_ints = [4, -5]> ()
  e = Constant <value = float[2, 2] {1.0, 2.0, 3.0, 4.0}> ()
  big1 = Constant <value = float[17] {2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0}> ()
  big2 = Identity(w_a)
  big3 = Identity("w-a")
}

// Each type twice: typed fields (f16/bf16 as bit patterns in int32_data,
// bool in int32_data) and raw_data; both decode to the same values.
// TENSORS-LABEL: func.func @main
// TENSORS-COUNT-2: graph.constant dense<[1.500000e+00, -2.000000e+00]> : tensor<2xf32>
// TENSORS-COUNT-2: graph.constant dense<[1.500000e+00, -2.000000e+00]> : tensor<2xf16>
// TENSORS-COUNT-2: graph.constant dense<[1.500000e+00, -2.000000e+00]> : tensor<2xbf16>
// TENSORS-COUNT-2: graph.constant dense<[2.500000e-01, -1.000000e+300]> : tensor<2xf64>
// TENSORS-COUNT-2: graph.constant dense<[-7, 9000000000]> : tensor<2xi64>
// TENSORS-COUNT-2: graph.constant dense<[-7, 123456]> : tensor<2xi32>
// TENSORS-COUNT-2: graph.constant dense<[true, false]> : tensor<2xi1>
// TENSORS: graph.constant dense_resource<big_f32> : tensor<17xf32>
// Integer tensors (shapes, indices) stay inline up to 4096 elements.
// TENSORS: graph.constant dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]> : tensor<20xi64>
// TENSORS: big_f32: "0x04000000000000000000803F0000004000004040000080400000A0400000C0400000E040000000410000104100002041000030410000404100005041000060410000704100008041"
