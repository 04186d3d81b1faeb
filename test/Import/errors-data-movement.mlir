// Importer errors of Transpose, Concat, Split, Slice, Gather and Trilu:
// permutations, axes, mismatched shapes and types, split sizes, slice
// parameters, out-of-range constant indices, and parameters that must be
// compile-time constants.

// RUN: rm -rf %t && split-file %s %t

// RUN: %onnx-text %t/transpose-repeated.txt -o %t/transpose-repeated.onnx
// RUN: not wafer-translate --import-onnx %t/transpose-repeated.onnx 2>&1 | FileCheck %s --check-prefix=TRANSPOSE-REPEATED
// TRANSPOSE-REPEATED: error: loc("Transpose_0"): invalid permutation [0, 0]

// RUN: %onnx-text %t/transpose-out-of-range.txt -o %t/transpose-out-of-range.onnx
// RUN: not wafer-translate --import-onnx %t/transpose-out-of-range.onnx 2>&1 | FileCheck %s --check-prefix=TRANSPOSE-OUT-OF-RANGE
// TRANSPOSE-OUT-OF-RANGE: error: loc("Transpose_0"): invalid permutation [0, 2]

// RUN: %onnx-text %t/transpose-length.txt -o %t/transpose-length.onnx
// RUN: not wafer-translate --import-onnx %t/transpose-length.onnx 2>&1 | FileCheck %s --check-prefix=TRANSPOSE-LENGTH
// TRANSPOSE-LENGTH: error: loc("Transpose_0"): permutation of 1 entries for a rank-2 tensor

// RUN: %onnx-text %t/concat-types.txt -o %t/concat-types.onnx
// RUN: not wafer-translate --import-onnx %t/concat-types.onnx 2>&1 | FileCheck %s --check-prefix=CONCAT-TYPES
// CONCAT-TYPES: error: loc("Concat_0"): Concat inputs differ in element type

// RUN: %onnx-text %t/concat-axis.txt -o %t/concat-axis.onnx
// RUN: not wafer-translate --import-onnx %t/concat-axis.onnx 2>&1 | FileCheck %s --check-prefix=CONCAT-AXIS
// CONCAT-AXIS: error: loc("Concat_0"): Concat axis out of range

// RUN: %onnx-text %t/concat-shape.txt -o %t/concat-shape.onnx
// RUN: not wafer-translate --import-onnx %t/concat-shape.onnx 2>&1 | FileCheck %s --check-prefix=CONCAT-SHAPE
// CONCAT-SHAPE: error: loc("cat"): concat operands [2, 3] and [3, 3] differ in dimension 0

// RUN: %onnx-text %t/concat-rank.txt -o %t/concat-rank.onnx
// RUN: not wafer-translate --import-onnx %t/concat-rank.onnx 2>&1 | FileCheck %s --check-prefix=CONCAT-RANK
// CONCAT-RANK: error: loc("Concat_0"): concat operands differ in rank: [2, 3] and [3]

// RUN: %onnx-text %t/split-axis.txt -o %t/split-axis.onnx
// RUN: not wafer-translate --import-onnx %t/split-axis.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-AXIS
// SPLIT-AXIS: error: loc("Split_0"): Split axis out of range

// A scalar has no axis 0 (found by wafer-fuzz-onnx: it read a dim of a rank-0 tensor).
// RUN: %onnx-text %t/split-scalar.txt -o %t/split-scalar.onnx
// RUN: not wafer-translate --import-onnx %t/split-scalar.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-SCALAR
// SPLIT-SCALAR: error: loc("Split_1"): Split axis out of range

// RUN: %onnx-text %t/split-cover.txt -o %t/split-cover.onnx
// RUN: not wafer-translate --import-onnx %t/split-cover.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-COVER
// SPLIT-COVER: error: loc("Split_1"): Split sizes [1, 1] do not cover dimension 0 of size 3 in 2 outputs

// RUN: %onnx-text %t/split-count.txt -o %t/split-count.onnx
// RUN: not wafer-translate --import-onnx %t/split-count.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-COUNT
// SPLIT-COUNT: error: loc("Split_1"): Split sizes [1, 1, 1] do not cover dimension 0 of size 3 in 2 outputs

// RUN: %onnx-text %t/split-negative.txt -o %t/split-negative.onnx
// RUN: not wafer-translate --import-onnx %t/split-negative.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-NEGATIVE
// SPLIT-NEGATIVE: error: loc("Split_1"): Split sizes [-1, 4] include a negative size

// RUN: %onnx-text %t/split-zero-outputs.txt -o %t/split-zero-outputs.onnx
// RUN: not wafer-translate --import-onnx %t/split-zero-outputs.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-ZERO-OUTPUTS
// SPLIT-ZERO-OUTPUTS: error: loc("Split_0"): Split node 'Split_0': num_outputs is 0 but the node has 1 outputs

// RUN: %onnx-text %t/split-num-outputs.txt -o %t/split-num-outputs.onnx
// RUN: not wafer-translate --import-onnx %t/split-num-outputs.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-NUM-OUTPUTS
// SPLIT-NUM-OUTPUTS: error: loc("Split_0"): Split node 'Split_0': num_outputs is 3 but the node has 2 outputs

// Pieces of size 0: empty tensors, refused like empty inputs.
// RUN: %onnx-text %t/split-empty-piece.txt -o %t/split-empty-piece.onnx
// RUN: not wafer-translate --import-onnx %t/split-empty-piece.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-EMPTY-PIECE
// SPLIT-EMPTY-PIECE: error: loc("Split_1"): Split node 'Split_1': output 1: the result [0, 2] would be empty (dimension 0 is 0); empty tensors are not supported
// Four equal pieces of 3 rows: 1, 1, 1 and 0.
// RUN: %onnx-text %t/split-empty-equal.txt -o %t/split-empty-equal.onnx
// RUN: not wafer-translate --import-onnx %t/split-empty-equal.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-EMPTY-EQUAL
// SPLIT-EMPTY-EQUAL: error: loc("Split_0"): Split node 'Split_0': output 3: the result [0] would be empty (dimension 0 is 0); empty tensors are not supported

// RUN: %onnx-text %t/split-runtime.txt -o %t/split-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/split-runtime.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-RUNTIME
// SPLIT-RUNTIME: error: loc("Split_0"): the split sizes of Split must be known at compile time, but it is computed from runtime values

// RUN: %onnx-text %t/slice-runtime.txt -o %t/slice-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/slice-runtime.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-RUNTIME
// SLICE-RUNTIME: error: loc("Slice_1"): the starts of Slice must be known at compile time, but it is computed from runtime values

// RUN: %onnx-text %t/slice-runtime-steps.txt -o %t/slice-runtime-steps.onnx
// RUN: not wafer-translate --import-onnx %t/slice-runtime-steps.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-RUNTIME-STEPS
// SLICE-RUNTIME-STEPS: error: loc("Slice_3"): the steps of Slice must be known at compile time, but it is computed from runtime values

// RUN: %onnx-text %t/slice-lengths.txt -o %t/slice-lengths.onnx
// RUN: not wafer-translate --import-onnx %t/slice-lengths.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-LENGTHS
// SLICE-LENGTHS: error: loc("Slice_2"): Slice starts, ends, axes and steps differ in length

// RUN: %onnx-text %t/slice-axis.txt -o %t/slice-axis.onnx
// RUN: not wafer-translate --import-onnx %t/slice-axis.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-AXIS
// SLICE-AXIS: error: loc("Slice_3"): Slice axis 2 is out of range or repeated

// RUN: %onnx-text %t/slice-axis-repeated.txt -o %t/slice-axis-repeated.onnx
// RUN: not wafer-translate --import-onnx %t/slice-axis-repeated.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-AXIS-REPEATED
// SLICE-AXIS-REPEATED: error: loc("Slice_3"): Slice axis -2 is out of range or repeated

// RUN: %onnx-text %t/slice-step-zero.txt -o %t/slice-step-zero.onnx
// RUN: not wafer-translate --import-onnx %t/slice-step-zero.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-STEP-ZERO
// SLICE-STEP-ZERO: error: loc("Slice_4"): Slice step is zero

// An empty window (start 2, end 1, step 1), as empty as a zero-size input.
// RUN: %onnx-text %t/slice-empty.txt -o %t/slice-empty.onnx
// RUN: not wafer-translate --import-onnx %t/slice-empty.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-EMPTY
// SLICE-EMPTY: error: loc("Slice_3"): Slice node 'Slice_3': slice of dimension 1 (size 3) from 2 to 1 by 1 takes no elements; empty tensors are not supported
// The largest steps do not overflow the length computation: one element.
// RUN: %onnx-text %t/slice-huge-steps.txt -o %t/slice-huge-steps.onnx
// RUN: wafer-translate --import-onnx %t/slice-huge-steps.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-HUGE-STEPS
// SLICE-HUGE-STEPS: graph.slice %arg0 {starts = array<i64: 0, 2>, steps = array<i64: 9223372036854775807, -9223372036854775808>} : tensor<2x3xf32> -> tensor<1x1xf32>

// A Concat of empty tensors only would be empty too.
// RUN: %onnx-text %t/concat-all-empty.txt -o %t/concat-all-empty.onnx
// RUN: not wafer-translate --import-onnx %t/concat-all-empty.onnx 2>&1 | FileCheck %s --check-prefix=CONCAT-ALL-EMPTY
// CONCAT-ALL-EMPTY: error: loc("Concat_1"): Concat node 'Concat_1': every input is empty, and so would the result be; empty tensors are not supported

// RUN: %onnx-text %t/gather-axis.txt -o %t/gather-axis.onnx
// RUN: not wafer-translate --import-onnx %t/gather-axis.onnx 2>&1 | FileCheck %s --check-prefix=GATHER-AXIS
// GATHER-AXIS: error: loc("Gather_0"): Gather axis out of range for 'tensor<2x3xf32>'

// RUN: %onnx-text %t/gather-scalar.txt -o %t/gather-scalar.onnx
// RUN: not wafer-translate --import-onnx %t/gather-scalar.onnx 2>&1 | FileCheck %s --check-prefix=GATHER-SCALAR
// GATHER-SCALAR: error: loc("Gather_0"): Gather axis out of range for 'tensor<f32>'

// RUN: %onnx-text %t/gather-index-type.txt -o %t/gather-index-type.onnx
// RUN: not wafer-translate --import-onnx %t/gather-index-type.onnx 2>&1 | FileCheck %s --check-prefix=GATHER-INDEX-TYPE
// GATHER-INDEX-TYPE: error: loc("Gather_0"): Gather indices must be int64 or int32

// RUN: %onnx-text %t/gather-index-high.txt -o %t/gather-index-high.onnx
// RUN: not wafer-translate --import-onnx %t/gather-index-high.onnx 2>&1 | FileCheck %s --check-prefix=GATHER-INDEX-HIGH
// GATHER-INDEX-HIGH: error: loc("embed"): Gather index 3 out of range for dimension 0 of size 3

// RUN: %onnx-text %t/gather-index-low.txt -o %t/gather-index-low.onnx
// RUN: not wafer-translate --import-onnx %t/gather-index-low.onnx 2>&1 | FileCheck %s --check-prefix=GATHER-INDEX-LOW
// GATHER-INDEX-LOW: error: loc("Gather_1"): Gather index -4 out of range for dimension 1 of size 3

// RUN: %onnx-text %t/trilu-rank.txt -o %t/trilu-rank.onnx
// RUN: not wafer-translate --import-onnx %t/trilu-rank.onnx 2>&1 | FileCheck %s --check-prefix=TRILU-RANK
// TRILU-RANK: error: loc("Trilu_0"): Trilu needs rank >= 2

// RUN: %onnx-text %t/trilu-k-shape.txt -o %t/trilu-k-shape.onnx
// RUN: not wafer-translate --import-onnx %t/trilu-k-shape.onnx 2>&1 | FileCheck %s --check-prefix=TRILU-K-SHAPE
// TRILU-K-SHAPE: error: loc("Trilu_1"): Trilu k must be a scalar

// RUN: %onnx-text %t/trilu-k-runtime.txt -o %t/trilu-k-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/trilu-k-runtime.onnx 2>&1 | FileCheck %s --check-prefix=TRILU-K-RUNTIME
// TRILU-K-RUNTIME: error: loc("Trilu_0"): the k of Trilu must be known at compile time, but it is computed from runtime values

//--- transpose-repeated.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x) => (float[2, 3] y) {
  y = Transpose <perm = [0, 0]> (x)
}

//--- transpose-out-of-range.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x) => (float[2, 3] y) {
  y = Transpose <perm = [0, 2]> (x)
}

//--- transpose-length.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x) => (float[2, 3] y) {
  y = Transpose <perm = [0]> (x)
}

//--- concat-types.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2] a, float16[2] b) => (float[4] y) {
  y = Concat <axis = 0> (a, b)
}

//--- concat-axis.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] a) => (float[2, 6] y) {
  y = Concat <axis = 2> (a, a)
}

//--- concat-shape.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] a, float[3, 3] b) => (float[2, 6] y) {
  [cat] y = Concat <axis = 1> (a, b)
}

//--- concat-rank.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] a, float[3] b) => (float[2, 6] y) {
  y = Concat <axis = 1> (a, b)
}

//--- split-axis.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 4] x) => (float[2, 2] a, float[2, 2] b) {
  a, b = Split <axis = 2> (x)
}

//--- split-scalar.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float x) => (float a, float b) {
  s = Constant <value = int64[2] {-1, 4}> ()
  a, b = Split(x, s)
}

//--- split-cover.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3, 2] x) => (float[1, 2] a, float[1, 2] b) {
  s = Constant <value = int64[2] {1, 1}> ()
  a, b = Split(x, s)
}

//--- split-count.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3, 2] x) => (float[1, 2] a, float[2, 2] b) {
  s = Constant <value = int64[3] {1, 1, 1}> ()
  a, b = Split(x, s)
}

//--- split-negative.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3] x) => (float[3] y, float[3] z) {
  s = Constant <value = int64[2] {-1, 4}> ()
  y, z = Split(x, s)
}

//--- split-zero-outputs.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[3] x) => (float[3] y) {
  y = Split <num_outputs = 0> (x)
}

//--- split-empty-piece.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3, 2] x) => (float[3, 2] y, float[0, 2] z) {
  s = Constant <value = int64[2] {3, 0}> ()
  y, z = Split(x, s)
}

//--- split-empty-equal.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[3] x) => (float[1] a, float[1] b, float[1] c, float[0] d) {
  a, b, c, d = Split <num_outputs = 4> (x)
}

//--- split-num-outputs.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[4] x) => (float[2] y, float[2] z) {
  y, z = Split <num_outputs = 3> (x)
}

//--- split-runtime.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3] x, int64[2] s) => (float[1] y, float[2] z) {
  y, z = Split(x, s)
}

//--- slice-empty.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3, 4] x) => (float[2, 0, 4] y) {
  st = Constant <value = int64[1] {2}> ()
  en = Constant <value = int64[1] {1}> ()
  ax = Constant <value = int64[1] {-2}> ()
  y = Slice(x, st, en, ax)
}

//--- slice-huge-steps.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x) => (float[1, 1] y) {
  st = Constant <value = int64[2] {0, -1}> ()
  en = Constant <value = int64[2] {9223372036854775807, -9223372036854775807}> ()
  ax = Constant <value = int64[2] {0, 1}> ()
  sp = Constant <value = int64[2] {9223372036854775807, -9223372036854775808}> ()
  y = Slice(x, st, en, ax, sp)
}

//--- concat-all-empty.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2] x) => (float[4, 0] y) {
  e = Constant <value = float[2, 0] {}> ()
  y = Concat <axis = 0> (e, e)
}

//--- slice-runtime.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4] x, int64[1] st) => (float[2] y) {
  en = Constant <value = int64[1] {3}> ()
  y = Slice(x, st, en)
}

//--- slice-runtime-steps.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4] x, int64[1] sp) => (float[2] y) {
  st = Constant <value = int64[1] {0}> ()
  en = Constant <value = int64[1] {3}> ()
  ax = Constant <value = int64[1] {0}> ()
  y = Slice(x, st, en, ax, sp)
}

//--- slice-lengths.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4, 4] x) => (float[2, 4] y) {
  st = Constant <value = int64[2] {0, 0}> ()
  en = Constant <value = int64[1] {2}> ()
  y = Slice(x, st, en)
}

//--- slice-axis.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4, 4] x) => (float[2, 4] y) {
  st = Constant <value = int64[1] {0}> ()
  en = Constant <value = int64[1] {2}> ()
  ax = Constant <value = int64[1] {2}> ()
  y = Slice(x, st, en, ax)
}

//--- slice-axis-repeated.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4, 4] x) => (float[2, 4] y) {
  st = Constant <value = int64[2] {0, 1}> ()
  en = Constant <value = int64[2] {2, 3}> ()
  ax = Constant <value = int64[2] {0, -2}> ()
  y = Slice(x, st, en, ax)
}

//--- slice-step-zero.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4] x) => (float[2] y) {
  st = Constant <value = int64[1] {0}> ()
  en = Constant <value = int64[1] {2}> ()
  ax = Constant <value = int64[1] {0}> ()
  sp = Constant <value = int64[1] {0}> ()
  y = Slice(x, st, en, ax, sp)
}

//--- gather-axis.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x, int64[2] i) => (float[2, 2] y) {
  y = Gather <axis = 2> (x, i)
}

//--- gather-scalar.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float x, int64[2] i) => (float[2] y) {
  y = Gather (x, i)
}

//--- gather-index-type.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x, float[2] i) => (float[2, 3] y) {
  y = Gather(x, i)
}

//--- gather-index-high.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3, 2] x) => (float[2, 2] y) {
  i = Constant <value = int64[2] {0, 3}> ()
  [embed] y = Gather(x, i)
}

//--- gather-index-low.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x) => (float[2] y) {
  i = Constant <value = int32 {-4}> ()
  y = Gather <axis = 1> (x, i)
}

//--- trilu-rank.txt
<ir_version: 8, opset_import: ["" : 14]>
g (float[3] x) => (float[3] y) {
  y = Trilu(x)
}

//--- trilu-k-shape.txt
<ir_version: 8, opset_import: ["" : 14]>
g (float[3, 3] x) => (float[3, 3] y) {
  k = Constant <value = int64[2] {0, 1}> ()
  y = Trilu(x, k)
}

//--- trilu-k-runtime.txt
<ir_version: 8, opset_import: ["" : 14]>
g (float[3, 3] x, int64 k) => (float[3, 3] y) {
  y = Trilu(x, k)
}
