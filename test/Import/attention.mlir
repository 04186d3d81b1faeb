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
// RUN: %onnx-text %t/window.txt -o %t/window.onnx
// RUN: wafer-translate --import-onnx %t/window.onnx | FileCheck %s --check-prefix=WINDOW

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

// Opset 25: is_causal is offset-aligned (top-left without a cache: query i
// attends keys j <= i), the sliding window bounds j - i to
// [offset - left, offset + right]; both become a boolean mask unless
// graph.attention's own is_causal (offset L - S) is the one asked for. An
// additive mask keeps its values where the window allows a key, -inf
// elsewhere.
// WINDOW-LABEL: func.func @main
// WINDOW: %[[C0:.*]] = graph.constant dense<{{\[}}[true, false, false, false, false, false], [true, true, false, false, false, false], [true, true, true, false, false, false], [true, true, true, true, false, false]]> : tensor<4x6xi1>
// WINDOW: %[[Y:.*]] = graph.attention %arg0, %arg1, %arg1, %[[C0]] {scale = 0.353553385 : f32} : (tensor<1x2x4x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>, tensor<4x6xi1>) -> tensor<1x2x4x8xf32>
// WINDOW: %[[C1:.*]] = graph.constant dense<{{\[}}[true, true, false, false, false, false], [true, true, true, false, false, false], [true, true, true, true, false, false], [false, true, true, true, true, false]]> : tensor<4x6xi1>
// WINDOW: %[[Z:.*]] = graph.attention %arg0, %arg1, %arg1, %[[C1]] {scale = 0.353553385 : f32}
// With a past of 5 and 3 new keys the causal frontier is graph.attention's;
// the left window of 1 is the mask.
// WINDOW: %[[C2:.*]] = graph.constant dense<{{\[}}[false, false, false, false, true, true, true, true], [false, false, false, false, false, true, true, true], [false, false, false, false, false, false, true, true]]> : tensor<3x8xi1>
// WINDOW: %[[C:.*]] = graph.attention %arg2, %{{.*}}, %{{.*}}, %[[C2]] {is_causal = true, scale = 0.353553385 : f32} : (tensor<1x2x3x8xf32>, tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>, tensor<3x8xi1>) -> tensor<1x2x3x8xf32>
// WINDOW: %[[C3:.*]] = graph.constant dense<{{\[}}[true, false, false, false, false, false], [true, true, false, false, false, false], [true, true, true, false, false, false], [true, true, true, true, false, false]]> : tensor<4x6xi1>
// WINDOW: %[[NEGINF:.*]] = graph.constant dense<0xFF800000> : tensor<f32>
// WINDOW: %[[M:.*]] = graph.where %[[C3]], %arg4, %[[NEGINF]] : (tensor<4x6xi1>, tensor<4x6xf32>, tensor<f32>) -> tensor<4x6xf32>
// WINDOW: %[[A:.*]] = graph.attention %arg0, %arg1, %arg1, %[[M]] {scale = 0.353553385 : f32} : (tensor<1x2x4x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>, tensor<4x6xf32>) -> tensor<1x2x4x8xf32>
// WINDOW: return %[[Y]], %[[Z]], %[[C]], %[[A]]

// Opset 24's external cache: nonpad_kv_seqlen[b] valid keys, the causal
// offset nonpad - S per batch, and an attn_mask shorter than the keys
// padded with keys it does not attend.
// RUN: %onnx-text %t/nonpad.txt -o %t/nonpad.onnx
// RUN: wafer-translate --import-onnx %t/nonpad.onnx | FileCheck %s --check-prefix=NONPAD
// NONPAD-LABEL: func.func @main
// NONPAD: %[[KEYS:.*]] = graph.constant dense<{{\[\[}}0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>
// NONPAD: %[[DIST:.*]] = graph.constant dense<{{\[}}[0, 1, 2, 3, 4, 5], [-1, 0, 1, 2, 3, 4], [-2, -1, 0, 1, 2, 3]]> : tensor<3x6xi64>
// NONPAD: %[[LEN:.*]] = graph.reshape %arg2 : tensor<2xi64> -> tensor<2x1x1x1xi64>
// NONPAD: %[[S:.*]] = graph.constant dense<3> : tensor<i64>
// NONPAD: %[[OFF:.*]] = graph.sub %[[LEN]], %[[S]]
// NONPAD: %[[FRONTIER:.*]] = graph.less_equal %[[DIST]], %[[OFF]] : (tensor<3x6xi64>, tensor<2x1x1x1xi64>) -> tensor<2x1x3x6xi1>
// NONPAD: %[[VALID:.*]] = graph.less %[[KEYS]], %[[LEN]] : (tensor<1x6xi64>, tensor<2x1x1x1xi64>) -> tensor<2x1x1x6xi1>
// NONPAD: %[[ALLOWED:.*]] = graph.and %[[FRONTIER]], %[[VALID]]
// NONPAD: %[[PAD:.*]] = graph.constant dense<false> : tensor<2x1x3x2xi1>
// NONPAD: %[[MASK:.*]] = graph.concat %arg3, %[[PAD]] {axis = 3 : i64} : (tensor<2x1x3x4xi1>, tensor<2x1x3x2xi1>) -> tensor<2x1x3x6xi1>
// NONPAD: %[[BOTH:.*]] = graph.and %[[MASK]], %[[ALLOWED]]
// NONPAD: graph.attention %arg0, %arg1, %arg1, %[[BOTH]] {scale = 5.000000e-01 : f32} : (tensor<2x2x3x4xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x4xf32>, tensor<2x1x3x6xi1>) -> tensor<2x2x3x4xf32>

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


//--- window.txt
<ir_version: 10, opset_import: ["" : 25]>
g (float[1, 2, 4, 8] q, float[1, 2, 6, 8] k, float[1, 2, 3, 8] q3, float[1, 2, 5, 8] pk, float[4, 6] am) => (float[1, 2, 4, 8] y, float[1, 2, 4, 8] z, float[1, 2, 3, 8] c, float[1, 2, 4, 8] a) {
  y = Attention <is_causal = 1> (q, k, k)
  z = Attention <left_window_size = 2, right_window_size = 1> (q, k, k)
  c = Attention <is_causal = 1, left_window_size = 1> (q3, q3, q3, , pk, pk)
  a = Attention <right_window_size = 0> (q, k, k, am)
}

//--- nonpad.txt
<ir_version: 10, opset_import: ["" : 25]>
g (float[2, 2, 3, 4] q, float[2, 2, 6, 4] k, int64[2] n, bool[2, 1, 3, 4] m) => (float[2, 2, 3, 4] y) {
  y = Attention <is_causal = 1> (q, k, k, m, , , n)
}
