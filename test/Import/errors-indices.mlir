// Indices known at compile time must select existing entries: Gather
// indices within [-n, n), RotaryEmbedding position ids within the cos/sin
// cache. "Known" covers constants and also values too big to fold, such as
// the Range of positions of a 2^40-token sequence (knownIntegerBounds).

// RUN: rm -rf %t && split-file %s %t

// Position ids Range(0, seq) into a 64-row position table, as exporters
// write them: 64 positions fit, 65 do not, and 2^40 (too many to fold) are
// still known to end at 2^40 - 1.
// RUN: %onnx-text %t/positions.txt -o %t/positions.onnx
// RUN: wafer-translate --import-onnx %t/positions.onnx --dim seq=64 | FileCheck %s --check-prefix=POSITIONS-64
// POSITIONS-64: graph.gather
// RUN: not wafer-translate --import-onnx %t/positions.onnx --dim seq=65 2>&1 | FileCheck %s --check-prefix=POSITIONS-65
// POSITIONS-65: error: loc("wpe"): Gather index 64 out of range for dimension 0 of size 64
// RUN: not wafer-translate --import-onnx %t/positions.onnx --dim seq=1099511627776 2>&1 | FileCheck %s --check-prefix=POSITIONS-HUGE
// POSITIONS-HUGE: error: loc("wpe"): Gather index 1099511627775 out of range for dimension 0 of size 64

// The builder models (python/wafer/models) have 64-row position tables.
// RUN: %python -m wafer.models --out %t --names gpt2 llama --opset 17 23 > %t/models.txt
// RUN: not waferc %t/gpt2-opset17.onnx --dim batch=1 --dim seq=65 2>&1 | FileCheck %s --check-prefix=GPT2-65
// RUN: not waferc %t/gpt2-opset23.onnx --dim batch=1 --dim seq=65 2>&1 | FileCheck %s --check-prefix=GPT2-65
// GPT2-65: error: loc("/wpe/Gather"): Gather index 64 out of range for dimension 0 of size 64
// RUN: not waferc %t/gpt2-opset17.onnx --dim batch=1 --dim seq=1099511627776 2>&1 | FileCheck %s --check-prefix=GPT2-HUGE
// GPT2-HUGE: error: loc("/wpe/Gather"): Gather index 1099511627775 out of range for dimension 0 of size 64
// RUN: not waferc %t/llama-opset23.onnx --dim batch=1 --dim seq=1099511627776 2>&1 | FileCheck %s --check-prefix=LLAMA-HUGE
// LLAMA-HUGE: error: loc("/model/layers.0/self_attn/RotaryEmbedding"): RotaryEmbedding node '/model/layers.0/self_attn/RotaryEmbedding': position id 1099511627775 is outside the 64-row cos/sin cache (valid: 0 to 63)

// RotaryEmbedding position ids: rows of the caches, never negative.
// RUN: %onnx-text %t/rotary-past.txt -o %t/rotary-past.onnx
// RUN: not wafer-translate --import-onnx %t/rotary-past.onnx 2>&1 | FileCheck %s --check-prefix=ROTARY-PAST
// ROTARY-PAST: error: loc("rope"): RotaryEmbedding node 'rope': position id 70 is outside the 64-row cos/sin cache (valid: 0 to 63)
// RUN: %onnx-text %t/rotary-negative.txt -o %t/rotary-negative.onnx
// RUN: not wafer-translate --import-onnx %t/rotary-negative.onnx 2>&1 | FileCheck %s --check-prefix=ROTARY-NEGATIVE
// ROTARY-NEGATIVE: error: loc("rope"): RotaryEmbedding node 'rope': position id -1 is outside the 64-row cos/sin cache (valid: 0 to 63)
// RUN: %onnx-text %t/rotary-float-ids.txt -o %t/rotary-float-ids.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/rotary-float-ids.onnx 2>&1 | FileCheck %s --check-prefix=ROTARY-FLOAT-IDS
// ROTARY-FLOAT-IDS: error: loc("rope"): RotaryEmbedding node 'rope': position_ids must be int64, got 'f32'

//--- positions.txt
<ir_version: 8, opset_import: ["" : 17]>
g (int64[1, seq] ids, float[64, 4] table) => (float[1, seq, 4] y) {
  shape = Shape(ids)
  one = Constant <value = int64 {1}> ()
  n = Gather(shape, one)
  zero = Constant <value = int64 {0}> ()
  r = Range(zero, n, one)
  axes = Constant <value = int64[1] {0}> ()
  p = Unsqueeze(r, axes)
  [wpe] y = Gather(table, p)
}
//--- rotary-past.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] x, float[64, 2] cos, float[64, 2] sin) => (float[1, 2, 3, 4] y) {
  p = Constant <value = int64[1, 3] {0, 70, 2}> ()
  [rope] y = RotaryEmbedding(x, cos, sin, p)
}
//--- rotary-negative.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] x, float[64, 2] cos, float[64, 2] sin) => (float[1, 2, 3, 4] y) {
  p = Constant <value = int64[1, 3] {0, -1, 2}> ()
  [rope] y = RotaryEmbedding(x, cos, sin, p)
}
//--- rotary-float-ids.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] x, float[64, 2] cos, float[64, 2] sin) => (float[1, 2, 3, 4] y) {
  p = Constant <value = float[1, 3] {0, 1, 2}> ()
  [rope] y = RotaryEmbedding(x, cos, sin, p)
}
