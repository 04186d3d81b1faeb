// Attention (opset 23): 4-D inputs, 3-D inputs split into heads with
// q_num_heads/kv_num_heads, grouped-query heads, default and explicit scale,
// softcap, boolean and additive masks, is_causal, past_key/past_value with
// the present_key/present_value outputs.

// RUN: split-file %s %t
// RUN: %onnx-text %t/heads3d.txt -o %t/heads3d.onnx
// RUN: wafer-translate --import-onnx %t/heads3d.onnx | FileCheck %s --check-prefix=HEADS3D
// RUN: %onnx-text %t/gqa-past.txt -o %t/gqa-past.onnx
// RUN: wafer-translate --import-onnx %t/gqa-past.onnx | FileCheck %s --check-prefix=PAST
// RUN: %onnx-text %t/causal.txt -o %t/causal.onnx
// RUN: wafer-translate --import-onnx %t/causal.onnx | FileCheck %s --check-prefix=CAUSAL

// 3-D [B, S, H*D] inputs: query 16 = 4 heads x 4, key/value 8 = 2 heads x 4
// (GQA); the default scale is 1/sqrt(4).
// HEADS3D-LABEL: func.func @main
// HEADS3D-SAME: %[[Q:.*]]: tensor<2x4x16xf32> {graph.name = "q"}, %[[K:.*]]: tensor<2x6x8xf32> {graph.name = "k"}, %[[V:.*]]: tensor<2x6x8xf32> {graph.name = "v"}
// HEADS3D: %[[Q1:.*]] = graph.reshape %[[Q]] : tensor<2x4x16xf32> -> tensor<2x4x4x4xf32>
// HEADS3D: %[[Q2:.*]] = graph.transpose %[[Q1]], [0, 2, 1, 3] : tensor<2x4x4x4xf32> -> tensor<2x4x4x4xf32>
// HEADS3D: %[[K1:.*]] = graph.reshape %[[K]] : tensor<2x6x8xf32> -> tensor<2x6x2x4xf32>
// HEADS3D: %[[K2:.*]] = graph.transpose %[[K1]], [0, 2, 1, 3] : tensor<2x6x2x4xf32> -> tensor<2x2x6x4xf32>
// HEADS3D: %[[V1:.*]] = graph.reshape %[[V]] : tensor<2x6x8xf32> -> tensor<2x6x2x4xf32>
// HEADS3D: %[[V2:.*]] = graph.transpose %[[V1]], [0, 2, 1, 3] : tensor<2x6x2x4xf32> -> tensor<2x2x6x4xf32>
// HEADS3D: %[[A:.*]] = graph.attention %[[Q2]], %[[K2]], %[[V2]] {scale = 5.000000e-01 : f32} : (tensor<2x4x4x4xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x4xf32>) -> tensor<2x4x4x4xf32>
// The heads merge back into [B, S, H*Dv].
// HEADS3D: %[[Y1:.*]] = graph.transpose %[[A]], [0, 2, 1, 3] : tensor<2x4x4x4xf32> -> tensor<2x4x4x4xf32>
// HEADS3D: %[[Y:.*]] = graph.reshape %[[Y1]] : tensor<2x4x4x4xf32> -> tensor<2x4x16xf32>
// HEADS3D: return %[[Y]] : tensor<2x4x16xf32>

//--- heads3d.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 16] q, float[2, 6, 8] k, float[2, 6, 8] v) => (float[2, 4, 16] y) {
  y = Attention <q_num_heads = 4, kv_num_heads = 2> (q, k, v)
}

// 4-D inputs, 8 query heads on 2 key/value heads, value head size 32 != 16,
// a boolean mask [S, L] broadcasting to the scores, and a cache: the past
// is concatenated in front along the sequence and returned as present.
// PAST-LABEL: func.func @main
// PAST-SAME: %[[Q:.*]]: tensor<1x8x3x16xf32> {graph.name = "q"}, %[[K:.*]]: tensor<1x2x3x16xf32> {graph.name = "k"}, %[[V:.*]]: tensor<1x2x3x32xf32> {graph.name = "v"}, %[[M:.*]]: tensor<3x8xi1> {graph.name = "m"}, %[[PK:.*]]: tensor<1x2x5x16xf32> {graph.name = "pk"}, %[[PV:.*]]: tensor<1x2x5x32xf32> {graph.name = "pv"}
// PAST-SAME: -> (tensor<1x8x3x32xf32> {graph.name = "y"}, tensor<1x2x8x16xf32> {graph.name = "ck"}, tensor<1x2x8x32xf32> {graph.name = "cv"})
// PAST: %[[CK:.*]] = graph.concat %[[PK]], %[[K]] {axis = 2 : i64} : (tensor<1x2x5x16xf32>, tensor<1x2x3x16xf32>) -> tensor<1x2x8x16xf32>
// PAST: %[[CV:.*]] = graph.concat %[[PV]], %[[V]] {axis = 2 : i64} : (tensor<1x2x5x32xf32>, tensor<1x2x3x32xf32>) -> tensor<1x2x8x32xf32>
// PAST: %[[A:.*]] = graph.attention %[[Q]], %[[CK]], %[[CV]], %[[M]] {scale = 5.000000e-01 : f32, softcap = 3.000000e+01 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x8x16xf32>, tensor<1x2x8x32xf32>, tensor<3x8xi1>) -> tensor<1x8x3x32xf32>
// PAST: return %[[A]], %[[CK]], %[[CV]] :

//--- gqa-past.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 8, 3, 16] q, float[1, 2, 3, 16] k, float[1, 2, 3, 32] v, bool[3, 8] m, float[1, 2, 5, 16] pk, float[1, 2, 5, 32] pv) => (float[1, 8, 3, 32] y, float[1, 2, 8, 16] ck, float[1, 2, 8, 32] cv) {
  y, ck, cv = Attention <scale = 0.5, softcap = 30.0> (q, k, v, m, pk, pv)
}

// is_causal with an additive float mask; scale 1/sqrt(16) = 0.25.
// CAUSAL-LABEL: func.func @main
// CAUSAL-SAME: %[[Q:.*]]: tensor<1x4x3x16xf16> {graph.name = "q"}, %[[K:.*]]: tensor<1x4x3x16xf16> {graph.name = "k"}, %[[V:.*]]: tensor<1x4x3x16xf16> {graph.name = "v"}, %[[M:.*]]: tensor<1x1x3x3xf16> {graph.name = "m"}
// CAUSAL: %[[A:.*]] = graph.attention %[[Q]], %[[K]], %[[V]], %[[M]] {is_causal = true, scale = 2.500000e-01 : f32} : (tensor<1x4x3x16xf16>, tensor<1x4x3x16xf16>, tensor<1x4x3x16xf16>, tensor<1x1x3x3xf16>) -> tensor<1x4x3x16xf16>
// CAUSAL: %[[B:.*]] = graph.attention %[[Q]], %[[K]], %[[V]] {is_causal = true, scale = 2.500000e-01 : f32} : (tensor<1x4x3x16xf16>, tensor<1x4x3x16xf16>, tensor<1x4x3x16xf16>) -> tensor<1x4x3x16xf16>
// CAUSAL: return %[[A]], %[[B]] :

//--- causal.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float16[1, 4, 3, 16] q, float16[1, 4, 3, 16] k, float16[1, 4, 3, 16] v, float16[1, 1, 3, 3] m) => (float16[1, 4, 3, 16] y, float16[1, 4, 3, 16] z) {
  y = Attention <is_causal = 1> (q, k, v, m)
  z = Attention <is_causal = 1> (q, k, v)
}
