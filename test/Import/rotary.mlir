// RotaryEmbedding (opset 23): 4-D input with position_ids gathering the
// caches, 3-D input split into num_heads with per-token caches, partial
// rotary_embedding_dim, interleaved.

// RUN: split-file %s %t
// RUN: %onnx-text %t/rotary.txt -o %t/rotary.onnx
// RUN: wafer-translate --import-onnx %t/rotary.onnx | FileCheck %s

// CHECK-LABEL: func.func @main
// CHECK-SAME: %[[X:.*]]: tensor<2x4x5x8xf32> {graph.name = "x"}, %[[CC:.*]]: tensor<16x4xf32> {graph.name = "cc"}, %[[SC:.*]]: tensor<16x4xf32> {graph.name = "sc"}, %[[POS:.*]]: tensor<2x5xi64> {graph.name = "pos"}, %[[X3:.*]]: tensor<2x5x32xf32> {graph.name = "x3"}, %[[C3:.*]]: tensor<2x5x2xf32> {graph.name = "c3"}, %[[S3:.*]]: tensor<2x5x2xf32> {graph.name = "s3"}
// Caches [max_pos, D/2] are gathered by position_ids [B, S] into [B, S, D/2].
// CHECK: %[[C:.*]] = graph.gather %[[CC]][%[[POS]]] {axis = 0 : i64} : (tensor<16x4xf32>, tensor<2x5xi64>) -> tensor<2x5x4xf32>
// CHECK: %[[S:.*]] = graph.gather %[[SC]][%[[POS]]] {axis = 0 : i64} : (tensor<16x4xf32>, tensor<2x5xi64>) -> tensor<2x5x4xf32>
// CHECK: %[[Y:.*]] = graph.rotary_embedding %[[X]], %[[C]], %[[S]] : (tensor<2x4x5x8xf32>, tensor<2x5x4xf32>, tensor<2x5x4xf32>) -> tensor<2x4x5x8xf32>
// 3-D input: [2, 5, 32] as 4 heads of 8, rotating the first 4 features.
// CHECK: %[[R:.*]] = graph.reshape %[[X3]] : tensor<2x5x32xf32> -> tensor<2x5x4x8xf32>
// CHECK: %[[H:.*]] = graph.transpose %[[R]], [0, 2, 1, 3] : tensor<2x5x4x8xf32> -> tensor<2x4x5x8xf32>
// CHECK: %[[Y3:.*]] = graph.rotary_embedding %[[H]], %[[C3]], %[[S3]] {interleaved = true} : (tensor<2x4x5x8xf32>, tensor<2x5x2xf32>, tensor<2x5x2xf32>) -> tensor<2x4x5x8xf32>
// CHECK: %[[T:.*]] = graph.transpose %[[Y3]], [0, 2, 1, 3] : tensor<2x4x5x8xf32> -> tensor<2x5x4x8xf32>
// CHECK: %[[M:.*]] = graph.reshape %[[T]] : tensor<2x5x4x8xf32> -> tensor<2x5x32xf32>
// CHECK: return %[[Y]], %[[M]] : tensor<2x4x5x8xf32>, tensor<2x5x32xf32>

//--- rotary.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 5, 8] x, float[16, 4] cc, float[16, 4] sc, int64[2, 5] pos, float[2, 5, 32] x3, float[2, 5, 2] c3, float[2, 5, 2] s3) => (float[2, 4, 5, 8] y, float[2, 5, 32] y3) {
  y = RotaryEmbedding(x, cc, sc, pos)
  y3 = RotaryEmbedding <num_heads = 4, rotary_embedding_dim = 4, interleaved = 1> (x3, c3, s3)
}
