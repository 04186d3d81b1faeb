// Importer errors of Attention and RotaryEmbedding: unsupported inputs and
// outputs, head counts that do not divide the hidden size, caches, shapes
// that do not fit, masks, external caches, sliding windows, cos/sin caches.

// RUN: rm -rf %t && split-file %s %t

// RUN: %onnx-text %t/attn-qk-output.txt -o %t/attn-qk-output.onnx
// RUN: not wafer-translate --import-onnx %t/attn-qk-output.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-QK-OUTPUT
// ATTN-QK-OUTPUT: error: loc("Attention_0"): Attention qk_matmul_output is not supported

// RUN: %onnx-text %t/attn-nonpad.txt -o %t/attn-nonpad.onnx
// RUN: not wafer-translate --import-onnx %t/attn-nonpad.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-NONPAD
// ATTN-NONPAD: error: loc("Attention_0"): Attention node 'Attention_0': nonpad_kv_seqlen must be int64 [1] (one length per batch), got 'tensor<2xi64>'
// ATTN-NONPAD-NEXT: note: loc("Attention_0"): while importing Attention (domain 'ai.onnx', opset 24) in node 'Attention_0'

// RUN: %onnx-text %t/attn-nonpad-past.txt -o %t/attn-nonpad-past.onnx
// RUN: not wafer-translate --import-onnx %t/attn-nonpad-past.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-NONPAD-PAST
// ATTN-NONPAD-PAST: error: loc("Attention_0"): Attention node 'Attention_0': nonpad_kv_seqlen (an external cache) cannot be used with past_key and past_value

// The sliding window is new in opset 25.
// RUN: %onnx-text %t/attn-window-24.txt -o %t/attn-window-24.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/attn-window-24.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-WINDOW-24
// ATTN-WINDOW-24: error: loc("Attention_0"): Attention node 'Attention_0': attribute 'left_window_size' needs opset >= 25 (the model's is 24)
// RUN: %onnx-text %t/attn-window-bad.txt -o %t/attn-window-bad.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/attn-window-bad.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-WINDOW-BAD
// ATTN-WINDOW-BAD: error: loc("Attention_0"): Attention node 'Attention_0': left_window_size and right_window_size must be -1 (unbounded) or non-negative, got -1 and -2

// RUN: %onnx-text %t/attn-rank.txt -o %t/attn-rank.onnx
// RUN: not wafer-translate --import-onnx %t/attn-rank.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-RANK
// ATTN-RANK: error: loc("Attention_0"): query must be 3-D or 4-D, got 'tensor<3x4xf32>'

// RUN: %onnx-text %t/attn-heads-divide.txt -o %t/attn-heads-divide.onnx
// RUN: not wafer-translate --import-onnx %t/attn-heads-divide.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-HEADS-DIVIDE
// ATTN-HEADS-DIVIDE: error: loc("Attention_0"): query is 3-D 'tensor<1x2x10xf32>' but the head count (3) does not divide its hidden size

// RUN: %onnx-text %t/attn-no-heads.txt -o %t/attn-no-heads.onnx
// RUN: not wafer-translate --import-onnx %t/attn-no-heads.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-NO-HEADS
// ATTN-NO-HEADS: error: loc("Attention_0"): value is 3-D 'tensor<1x2x8xf32>' but the head count (0) does not divide its hidden size

// RUN: %onnx-text %t/attn-past-key-only.txt -o %t/attn-past-key-only.onnx
// RUN: not wafer-translate --import-onnx %t/attn-past-key-only.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-PAST-KEY-ONLY
// ATTN-PAST-KEY-ONLY: error: loc("Attention_0"): Attention needs both past_key and past_value or neither

// RUN: %onnx-text %t/attn-past-shape.txt -o %t/attn-past-shape.onnx
// RUN: not wafer-translate --import-onnx %t/attn-past-shape.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-PAST-SHAPE
// ATTN-PAST-SHAPE: error: loc("Attention_0"): past_key: concat operands [1, 3, 5, 4] and [1, 2, 3, 4] differ in dimension 1

// RUN: %onnx-text %t/attn-past-value-shape.txt -o %t/attn-past-value-shape.onnx
// RUN: not wafer-translate --import-onnx %t/attn-past-value-shape.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-PAST-VALUE-SHAPE
// ATTN-PAST-VALUE-SHAPE: error: loc("Attention_0"): past_value: concat operands [1, 2, 5, 8] and [1, 2, 3, 4] differ in dimension 3

// RUN: %onnx-text %t/attn-gqa.txt -o %t/attn-gqa.onnx
// RUN: not wafer-translate --import-onnx %t/attn-gqa.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-GQA
// ATTN-GQA: error: loc("Attention_0"): Attention shapes do not fit: query 'tensor<1x3x4x8xf32>', key 'tensor<1x2x4x8xf32>', value 'tensor<1x2x4x8xf32>'

// RUN: %onnx-text %t/attn-head-dim.txt -o %t/attn-head-dim.onnx
// RUN: not wafer-translate --import-onnx %t/attn-head-dim.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-HEAD-DIM
// ATTN-HEAD-DIM: error: loc("Attention_0"): Attention shapes do not fit: query 'tensor<1x2x4x8xf32>', key 'tensor<1x2x4x16xf32>'

// RUN: %onnx-text %t/attn-value-length.txt -o %t/attn-value-length.onnx
// RUN: not wafer-translate --import-onnx %t/attn-value-length.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-VALUE-LENGTH
// ATTN-VALUE-LENGTH: error: loc("Attention_0"): Attention shapes do not fit: query 'tensor<1x2x4x8xf32>', key 'tensor<1x2x4x8xf32>', value 'tensor<1x2x5x8xf32>'

// RUN: %onnx-text %t/attn-mask.txt -o %t/attn-mask.onnx
// RUN: not wafer-translate --import-onnx %t/attn-mask.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-MASK
// ATTN-MASK: error: loc("Attention_0"): Attention mask 'tensor<3x5xi1>' does not broadcast to the scores [1, 4, 3, 3]

// RUN: %onnx-text %t/attn-softmax-precision.txt -o %t/attn-softmax-precision.onnx
// RUN: not wafer-translate --import-onnx %t/attn-softmax-precision.onnx 2>&1 | FileCheck %s --check-prefix=ATTN-SOFTMAX-PRECISION
// ATTN-SOFTMAX-PRECISION: error: loc("Attention_0"): Attention softmax_precision other than FLOAT is not supported

// RUN: %onnx-text %t/rope-position-caches.txt -o %t/rope-position-caches.onnx
// RUN: not wafer-translate --import-onnx %t/rope-position-caches.onnx 2>&1 | FileCheck %s --check-prefix=ROPE-POSITION-CACHES
// ROPE-POSITION-CACHES: error: loc("RotaryEmbedding_0"): RotaryEmbedding with position_ids needs 2-D caches and [batch, seq] positions

// RUN: %onnx-text %t/rope-position-rank.txt -o %t/rope-position-rank.onnx
// RUN: not wafer-translate --import-onnx %t/rope-position-rank.onnx 2>&1 | FileCheck %s --check-prefix=ROPE-POSITION-RANK
// ROPE-POSITION-RANK: error: loc("RotaryEmbedding_0"): RotaryEmbedding with position_ids needs 2-D caches and [batch, seq] positions

// RUN: %onnx-text %t/rope-cache-shape.txt -o %t/rope-cache-shape.onnx
// RUN: not wafer-translate --import-onnx %t/rope-cache-shape.onnx 2>&1 | FileCheck %s --check-prefix=ROPE-CACHE-SHAPE
// ROPE-CACHE-SHAPE: error: loc("RotaryEmbedding_0"): RotaryEmbedding cos/sin 'tensor<2x5x4xf32>' do not match the input 'tensor<2x4x6x8xf32>' (expected [batch, seq, rotary_dim/2])

// RUN: %onnx-text %t/rope-sin-shape.txt -o %t/rope-sin-shape.onnx
// RUN: not wafer-translate --import-onnx %t/rope-sin-shape.onnx 2>&1 | FileCheck %s --check-prefix=ROPE-SIN-SHAPE
// ROPE-SIN-SHAPE: error: loc("RotaryEmbedding_0"): RotaryEmbedding cos/sin 'tensor<2x5x4xf32>' do not match the input 'tensor<2x4x5x8xf32>'

// RUN: %onnx-text %t/rope-dim.txt -o %t/rope-dim.onnx
// RUN: not wafer-translate --import-onnx %t/rope-dim.onnx 2>&1 | FileCheck %s --check-prefix=ROPE-DIM
// ROPE-DIM: error: loc("RotaryEmbedding_0"): RotaryEmbedding rotary_embedding_dim 6 does not match caches of width 2 and head size 8

// RUN: %onnx-text %t/rope-dim-default.txt -o %t/rope-dim-default.onnx
// RUN: not wafer-translate --import-onnx %t/rope-dim-default.onnx 2>&1 | FileCheck %s --check-prefix=ROPE-DIM-DEFAULT
// ROPE-DIM-DEFAULT: error: loc("RotaryEmbedding_0"): RotaryEmbedding rotary_embedding_dim 8 does not match caches of width 2 and head size 8

// RUN: %onnx-text %t/rope-types.txt -o %t/rope-types.onnx
// RUN: not wafer-translate --import-onnx %t/rope-types.onnx 2>&1 | FileCheck %s --check-prefix=ROPE-TYPES
// ROPE-TYPES: error: loc("RotaryEmbedding_0"): RotaryEmbedding caches and input differ in type

// RUN: %onnx-text %t/rope-3d-heads.txt -o %t/rope-3d-heads.onnx
// RUN: not wafer-translate --import-onnx %t/rope-3d-heads.onnx 2>&1 | FileCheck %s --check-prefix=ROPE-3D-HEADS
// ROPE-3D-HEADS: error: loc("RotaryEmbedding_0"): input is 3-D 'tensor<2x5x32xf32>' but the head count (0) does not divide its hidden size

//--- attn-qk-output.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] q) => (float[1, 2, 3, 4] y) {
  y, pk, pv, qk = Attention(q, q, q)
}

//--- attn-nonpad.txt
<ir_version: 10, opset_import: ["" : 24]>
g (float[1, 2, 3, 4] q, int64[2] n) => (float[1, 2, 3, 4] y) {
  y = Attention(q, q, q, , , , n)
}

//--- attn-nonpad-past.txt
<ir_version: 10, opset_import: ["" : 24]>
g (float[1, 2, 3, 4] q, float[1, 2, 5, 4] pk, int64[1] n) => (float[1, 2, 3, 4] y) {
  y = Attention(q, q, q, , pk, pk, n)
}

//--- attn-window-24.txt
<ir_version: 10, opset_import: ["" : 24]>
g (float[1, 2, 4, 8] q) => (float[1, 2, 4, 8] y) {
  y = Attention <left_window_size = 2> (q, q, q)
}

//--- attn-window-bad.txt
<ir_version: 10, opset_import: ["" : 25]>
g (float[1, 2, 4, 8] q) => (float[1, 2, 4, 8] y) {
  y = Attention <right_window_size = -2> (q, q, q)
}

//--- attn-rank.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[3, 4] q) => (float[3, 4] y) {
  y = Attention(q, q, q)
}

//--- attn-heads-divide.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 10] q) => (float[1, 2, 10] y) {
  y = Attention <q_num_heads = 3, kv_num_heads = 2> (q, q, q)
}

//--- attn-no-heads.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 8] q, float[1, 2, 3, 4] k) => (float[1, 2, 8] y) {
  y = Attention <q_num_heads = 2> (q, k, q)
}

//--- attn-past-key-only.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] q, float[1, 2, 5, 4] pk) => (float[1, 2, 3, 4] y) {
  y = Attention(q, q, q, , pk)
}

//--- attn-past-shape.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] q, float[1, 3, 5, 4] pk, float[1, 2, 5, 4] pv) => (float[1, 2, 3, 4] y) {
  y = Attention(q, q, q, , pk, pv)
}

//--- attn-past-value-shape.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] q, float[1, 2, 5, 4] pk, float[1, 2, 5, 8] pv) => (float[1, 2, 3, 4] y) {
  y = Attention(q, q, q, , pk, pv)
}

//--- attn-gqa.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 3, 4, 8] q, float[1, 2, 4, 8] k) => (float[1, 3, 4, 8] y) {
  y = Attention(q, k, k)
}

//--- attn-head-dim.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 4, 8] q, float[1, 2, 4, 16] k) => (float[1, 2, 4, 16] y) {
  y = Attention(q, k, k)
}

//--- attn-value-length.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 4, 8] q, float[1, 2, 5, 8] v) => (float[1, 2, 4, 8] y) {
  y = Attention(q, q, v)
}

//--- attn-mask.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 4, 3, 8] q, bool[3, 5] m) => (float[1, 4, 3, 8] y) {
  y = Attention(q, q, q, m)
}

//--- attn-softmax-precision.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] q) => (float[1, 2, 3, 4] y) {
  y = Attention <softmax_precision = 10> (q, q, q)
}

//--- rope-position-caches.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 5, 8] x, float[2, 5, 4] c, int64[2, 5] pos) => (float[2, 4, 5, 8] y) {
  y = RotaryEmbedding(x, c, c, pos)
}

//--- rope-position-rank.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 5, 8] x, float[16, 4] c, int64[10] pos) => (float[2, 4, 5, 8] y) {
  y = RotaryEmbedding(x, c, c, pos)
}

//--- rope-cache-shape.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 6, 8] x, float[2, 5, 4] c) => (float[2, 4, 6, 8] y) {
  y = RotaryEmbedding(x, c, c)
}

//--- rope-sin-shape.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 5, 8] x, float[2, 5, 4] c, float[2, 5, 2] s) => (float[2, 4, 5, 8] y) {
  y = RotaryEmbedding(x, c, s)
}

//--- rope-dim.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 5, 8] x, float[2, 5, 2] c) => (float[2, 4, 5, 8] y) {
  y = RotaryEmbedding <rotary_embedding_dim = 6> (x, c, c)
}

//--- rope-dim-default.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 5, 8] x, float[2, 5, 2] c) => (float[2, 4, 5, 8] y) {
  y = RotaryEmbedding(x, c, c)
}

//--- rope-types.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 4, 5, 8] x, float16[2, 5, 4] c) => (float[2, 4, 5, 8] y) {
  y = RotaryEmbedding(x, c, c)
}

//--- rope-3d-heads.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 5, 32] x, float[2, 5, 4] c) => (float[2, 5, 32] y) {
  y = RotaryEmbedding(x, c, c)
}
