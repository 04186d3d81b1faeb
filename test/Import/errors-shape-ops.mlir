// Importer errors of Constant, ConstantOfShape, Reshape, Flatten, Squeeze,
// Unsqueeze, Expand and Range: shapes and axes that must be compile-time
// constants, invalid targets, element counts, and ranges.

// RUN: rm -rf %t && split-file %s %t

// RUN: %onnx-text %t/constant-string.txt -o %t/constant-string.onnx
// RUN: not wafer-translate --import-onnx %t/constant-string.onnx 2>&1 | FileCheck %s --check-prefix=CONSTANT-STRING
// CONSTANT-STRING: error: loc("Constant_0"): Constant node 'Constant_0': a Constant value_string is not supported (strings and sparse tensors)

// RUN: %onnx-text %t/constant-two.txt -o %t/constant-two.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/constant-two.onnx 2>&1 | FileCheck %s --check-prefix=CONSTANT-TWO
// CONSTANT-TWO: error: loc("Constant_0"): Constant node 'Constant_0' has several value attributes (value_float, value_int); it takes exactly one of value, value_float(s), value_int(s)

// RUN: %onnx-text %t/constant-uint8.txt -o %t/constant-uint8.onnx
// RUN: not wafer-translate --import-onnx %t/constant-uint8.onnx 2>&1 | FileCheck %s --check-prefix=CONSTANT-UINT8
// CONSTANT-UINT8: error: loc("Constant_0"): tensor 'y' has element type UINT8, which Wafer does not support

// RUN: %onnx-text %t/cos-negative.txt -o %t/cos-negative.onnx
// RUN: not wafer-translate --import-onnx %t/cos-negative.onnx 2>&1 | FileCheck %s --check-prefix=COS-NEGATIVE
// COS-NEGATIVE: error: loc("ConstantOfShape_1"): ConstantOfShape shape has negative dimension -1

// RUN: %onnx-text %t/cos-value.txt -o %t/cos-value.onnx
// RUN: not wafer-translate --import-onnx %t/cos-value.onnx 2>&1 | FileCheck %s --check-prefix=COS-VALUE
// COS-VALUE: error: loc("ConstantOfShape_1"): ConstantOfShape value must hold one element

// RUN: %onnx-text %t/cos-runtime.txt -o %t/cos-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/cos-runtime.onnx 2>&1 | FileCheck %s --check-prefix=COS-RUNTIME
// COS-RUNTIME: error: loc("ConstantOfShape_0"): the shape of ConstantOfShape must be known at compile time, but it is computed from runtime values; bind every symbolic dimension with --dim so that shape arithmetic folds

// RUN: %onnx-text %t/reshape-runtime.txt -o %t/reshape-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/reshape-runtime.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE-RUNTIME
// RESHAPE-RUNTIME: error: loc("Reshape_0"): the target shape of Reshape must be known at compile time, but it is computed from runtime values; bind every symbolic dimension with --dim so that shape arithmetic folds

// RUN: %onnx-text %t/reshape-count.txt -o %t/reshape-count.onnx
// RUN: not wafer-translate --import-onnx %t/reshape-count.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE-COUNT
// RESHAPE-COUNT: error: loc("view"): Reshape cannot turn [2, 3] (6 elements) into [4, 2] (8 elements)

// RUN: %onnx-text %t/reshape-copy-rank.txt -o %t/reshape-copy-rank.onnx
// RUN: not wafer-translate --import-onnx %t/reshape-copy-rank.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE-COPY-RANK
// RESHAPE-COPY-RANK: error: loc("Reshape_1"): Reshape copies dimension 1 (0) but the input has rank 1

// RUN: %onnx-text %t/reshape-two-inferred.txt -o %t/reshape-two-inferred.onnx
// RUN: not wafer-translate --import-onnx %t/reshape-two-inferred.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE-TWO-INFERRED
// RESHAPE-TWO-INFERRED: error: loc("Reshape_1"): Reshape target [-1, -1] has more than one -1

// RUN: %onnx-text %t/reshape-negative.txt -o %t/reshape-negative.onnx
// RUN: not wafer-translate --import-onnx %t/reshape-negative.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE-NEGATIVE
// RESHAPE-NEGATIVE: error: loc("Reshape_1"): Reshape target [-2, 3] has invalid dimension -2

// RUN: %onnx-text %t/reshape-infer.txt -o %t/reshape-infer.onnx
// RUN: not wafer-translate --import-onnx %t/reshape-infer.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE-INFER
// RESHAPE-INFER: error: loc("Reshape_1"): Reshape cannot infer -1 in [4, -1] from [6]

// RUN: %onnx-text %t/reshape-allowzero-infer.txt -o %t/reshape-allowzero-infer.onnx
// RUN: not wafer-translate --import-onnx %t/reshape-allowzero-infer.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE-ALLOWZERO-INFER
// RESHAPE-ALLOWZERO-INFER: error: loc("Reshape_1"): Reshape cannot infer -1 in [0, -1] from [6]

// RUN: %onnx-text %t/flatten-axis.txt -o %t/flatten-axis.onnx
// RUN: not wafer-translate --import-onnx %t/flatten-axis.onnx 2>&1 | FileCheck %s --check-prefix=FLATTEN-AXIS
// FLATTEN-AXIS: error: loc("Flatten_0"): Flatten axis out of range

// RUN: %onnx-text %t/flatten-negative-axis.txt -o %t/flatten-negative-axis.onnx
// RUN: not wafer-translate --import-onnx %t/flatten-negative-axis.onnx 2>&1 | FileCheck %s --check-prefix=FLATTEN-NEGATIVE-AXIS
// FLATTEN-NEGATIVE-AXIS: error: loc("Flatten_0"): Flatten axis out of range

// RUN: %onnx-text %t/squeeze-not-one.txt -o %t/squeeze-not-one.onnx
// RUN: not wafer-translate --import-onnx %t/squeeze-not-one.onnx 2>&1 | FileCheck %s --check-prefix=SQUEEZE-NOT-ONE
// SQUEEZE-NOT-ONE: error: loc("Squeeze_1"): Squeeze axis 0 has size 2, not 1

// RUN: %onnx-text %t/squeeze-range.txt -o %t/squeeze-range.onnx
// RUN: not wafer-translate --import-onnx %t/squeeze-range.onnx 2>&1 | FileCheck %s --check-prefix=SQUEEZE-RANGE
// SQUEEZE-RANGE: error: loc("Squeeze_1"): Squeeze axis 2 out of range for rank 2

// RUN: %onnx-text %t/squeeze-runtime.txt -o %t/squeeze-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/squeeze-runtime.onnx 2>&1 | FileCheck %s --check-prefix=SQUEEZE-RUNTIME
// SQUEEZE-RUNTIME: error: loc("Squeeze_0"): the axes of Squeeze must be known at compile time, but it is computed from runtime values; bind every symbolic dimension with --dim so that shape arithmetic folds

// RUN: %onnx-text %t/unsqueeze-no-axes.txt -o %t/unsqueeze-no-axes.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/unsqueeze-no-axes.onnx 2>&1 | FileCheck %s --check-prefix=UNSQUEEZE-NO-AXES
// UNSQUEEZE-NO-AXES: error: loc("Unsqueeze_0"): Unsqueeze node 'Unsqueeze_0' takes 2 inputs, got 1

// RUN: %onnx-text %t/unsqueeze-range.txt -o %t/unsqueeze-range.onnx
// RUN: not wafer-translate --import-onnx %t/unsqueeze-range.onnx 2>&1 | FileCheck %s --check-prefix=UNSQUEEZE-RANGE
// UNSQUEEZE-RANGE: error: loc("Unsqueeze_1"): Unsqueeze axis 2 out of range for rank 2

// RUN: %onnx-text %t/unsqueeze-repeated.txt -o %t/unsqueeze-repeated.onnx
// RUN: not wafer-translate --import-onnx %t/unsqueeze-repeated.onnx 2>&1 | FileCheck %s --check-prefix=UNSQUEEZE-REPEATED
// UNSQUEEZE-REPEATED: error: loc("Unsqueeze_1"): Unsqueeze axes [0, -3] repeat an axis

// RUN: %onnx-text %t/unsqueeze-runtime.txt -o %t/unsqueeze-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/unsqueeze-runtime.onnx 2>&1 | FileCheck %s --check-prefix=UNSQUEEZE-RUNTIME
// UNSQUEEZE-RUNTIME: error: loc("Unsqueeze_0"): the axes of Unsqueeze must be known at compile time, but it is computed from runtime values; bind every symbolic dimension with --dim so that shape arithmetic folds

// RUN: %onnx-text %t/expand-broadcast.txt -o %t/expand-broadcast.onnx
// RUN: not wafer-translate --import-onnx %t/expand-broadcast.onnx 2>&1 | FileCheck %s --check-prefix=EXPAND-BROADCAST
// EXPAND-BROADCAST: error: loc("Expand_1"): shapes [3] and [2] do not broadcast (dimension 0: 3 vs 2)

// RUN: %onnx-text %t/expand-negative.txt -o %t/expand-negative.onnx
// RUN: not wafer-translate --import-onnx %t/expand-negative.onnx 2>&1 | FileCheck %s --check-prefix=EXPAND-NEGATIVE
// EXPAND-NEGATIVE: error: loc("Expand_1"): Expand target shape [-2] has a negative dimension

// RUN: %onnx-text %t/expand-runtime.txt -o %t/expand-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/expand-runtime.onnx 2>&1 | FileCheck %s --check-prefix=EXPAND-RUNTIME
// EXPAND-RUNTIME: error: loc("Expand_0"): the target shape of Expand must be known at compile time, but it is computed from runtime values; bind every symbolic dimension with --dim so that shape arithmetic folds

// RUN: %onnx-text %t/range-runtime.txt -o %t/range-runtime.onnx
// RUN: not wafer-translate --import-onnx %t/range-runtime.onnx 2>&1 | FileCheck %s --check-prefix=RANGE-RUNTIME
// RANGE-RUNTIME: error: loc("Range_2"): Range start, limit and delta must be scalars known at compile time; bind every symbolic dimension with --dim

// RUN: %onnx-text %t/range-not-scalar.txt -o %t/range-not-scalar.onnx
// RUN: not wafer-translate --import-onnx %t/range-not-scalar.onnx 2>&1 | FileCheck %s --check-prefix=RANGE-NOT-SCALAR
// RANGE-NOT-SCALAR: error: loc("Range_2"): Range start, limit and delta must be scalars known at compile time

// RUN: %onnx-text %t/range-zero-delta.txt -o %t/range-zero-delta.onnx
// RUN: not wafer-translate --import-onnx %t/range-zero-delta.onnx 2>&1 | FileCheck %s --check-prefix=RANGE-ZERO-DELTA
// RANGE-ZERO-DELTA: error: loc("Range_3"): Range delta is zero

// RUN: %onnx-text %t/range-zero-float-delta.txt -o %t/range-zero-float-delta.onnx
// RUN: not wafer-translate --import-onnx %t/range-zero-float-delta.onnx 2>&1 | FileCheck %s --check-prefix=RANGE-ZERO-FLOAT-DELTA
// RANGE-ZERO-FLOAT-DELTA: error: loc("Range_3"): Range delta is zero

// --- Empty results: the graph dialect has no empty tensors, so neither
// may a node produce one.
// RUN: %onnx-text %t/shape-empty.txt -o %t/shape-empty.onnx
// RUN: not wafer-translate --import-onnx %t/shape-empty.onnx 2>&1 | FileCheck %s --check-prefix=SHAPE-EMPTY
// SHAPE-EMPTY: error: loc("Shape_0"): Shape node 'Shape_0': start 3 and end 1 select no dimension of a rank-4 tensor; empty tensors are not supported
// RUN: %onnx-text %t/cos-zero.txt -o %t/cos-zero.onnx
// RUN: not wafer-translate --import-onnx %t/cos-zero.onnx 2>&1 | FileCheck %s --check-prefix=COS-ZERO
// COS-ZERO: error: loc("ConstantOfShape_1"): ConstantOfShape node 'ConstantOfShape_1': the result [2, 0] would be empty (dimension 1 is 0); empty tensors are not supported
// RUN: %onnx-text %t/expand-zero.txt -o %t/expand-zero.onnx
// RUN: not wafer-translate --import-onnx %t/expand-zero.onnx 2>&1 | FileCheck %s --check-prefix=EXPAND-ZERO
// EXPAND-ZERO: error: loc("Expand_1"): the result [0] would be empty (dimension 0 is 0); empty tensors are not supported
// RUN: %onnx-text %t/range-empty.txt -o %t/range-empty.onnx
// RUN: not wafer-translate --import-onnx %t/range-empty.onnx 2>&1 | FileCheck %s --check-prefix=RANGE-EMPTY
// RANGE-EMPTY: error: loc("Range_3"): Range node 'Range_3': from 12 to 2 by 2 is empty; empty tensors are not supported

// Empty constants may feed shapes and axes (exporters write them), never
// data: the driver refuses them before the importer computes with them.
// RUN: %onnx-text %t/empty-data.txt -o %t/empty-data.onnx
// RUN: not wafer-translate --import-onnx %t/empty-data.onnx 2>&1 | FileCheck %s --check-prefix=EMPTY-DATA
// EMPTY-DATA: error: loc("Add_1"): Add node 'Add_1': input 1 'e' is empty ('tensor<0xf32>'); empty tensors are not supported
// RUN: %onnx-text %t/empty-flatten.txt -o %t/empty-flatten.onnx
// RUN: not wafer-translate --import-onnx %t/empty-flatten.onnx 2>&1 | FileCheck %s --check-prefix=EMPTY-FLATTEN
// EMPTY-FLATTEN: error: loc("Flatten_1"): Flatten node 'Flatten_1': input 0 'e' is empty ('tensor<0x4xf32>'); empty tensors are not supported
// RUN: %onnx-text %t/empty-shapes.txt -o %t/empty-shapes.onnx
// RUN: wafer-translate --import-onnx %t/empty-shapes.onnx | FileCheck %s --check-prefix=EMPTY-SHAPES
// EMPTY-SHAPES: graph.reshape %arg0 : tensor<1x1xf32> -> tensor<f32>
// EMPTY-SHAPES: graph.constant dense<3.000000e+00> : tensor<f32>
// EMPTY-SHAPES-NOT: tensor<0x

// --- Counts past int64_t: refused, never wrapped.
// 2^96 elements; a splat would cost one, but no count holds them.
// RUN: %onnx-text %t/cos-overflow.txt -o %t/cos-overflow.onnx
// RUN: not wafer-translate --import-onnx %t/cos-overflow.onnx 2>&1 | FileCheck %s --check-prefix=COS-OVERFLOW
// COS-OVERFLOW: error: loc("ConstantOfShape_1"): ConstantOfShape node 'ConstantOfShape_1': the result [4294967296, 4294967296, 4294967296] has more elements than a 64-bit count holds (2^63 - 1)
// 2^62 floats: a count that fits, 2^64 bytes that do not.
// RUN: %onnx-text %t/cos-bytes.txt -o %t/cos-bytes.onnx
// RUN: not wafer-translate --import-onnx %t/cos-bytes.onnx 2>&1 | FileCheck %s --check-prefix=COS-BYTES
// COS-BYTES: error: loc("ConstantOfShape_1"): ConstantOfShape node 'ConstantOfShape_1': the result [4611686018427387904] of 32-bit elements takes more bytes than a 64-bit count holds (2^63 - 1)
// RUN: %onnx-text %t/reshape-overflow.txt -o %t/reshape-overflow.onnx
// RUN: not wafer-translate --import-onnx %t/reshape-overflow.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE-OVERFLOW
// RESHAPE-OVERFLOW: error: loc("Reshape_1"): Reshape node 'Reshape_1': the target [4294967296, 4294967296, -1] has more elements than a 64-bit count holds
// RUN: %onnx-text %t/expand-overflow.txt -o %t/expand-overflow.onnx
// RUN: not wafer-translate --import-onnx %t/expand-overflow.onnx 2>&1 | FileCheck %s --check-prefix=EXPAND-OVERFLOW
// EXPAND-OVERFLOW: error: loc("Expand_1"): the result [4294967296, 4294967296] has more elements than a 64-bit count holds (2^63 - 1)
// RUN: %onnx-text %t/range-overflow.txt -o %t/range-overflow.onnx
// RUN: not wafer-translate --import-onnx %t/range-overflow.onnx 2>&1 | FileCheck %s --check-prefix=RANGE-OVERFLOW
// RANGE-OVERFLOW: error: loc("Range_3"): Range node 'Range_3': from -9223372036854775808 to 9223372036854775807 by 1 is more elements than a 64-bit count holds
// RUN: %onnx-text %t/range-float-overflow.txt -o %t/range-float-overflow.onnx
// RUN: not wafer-translate --import-onnx %t/range-float-overflow.onnx 2>&1 | FileCheck %s --check-prefix=RANGE-FLOAT-OVERFLOW
// RANGE-FLOAT-OVERFLOW: error: loc("Range_3"): Range node 'Range_3': from 0.000000e+00 to 1.000000e+30 by 1.000000e+00 is more elements than a 64-bit count holds
// RUN: %onnx-text %t/range-types.txt -o %t/range-types.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/range-types.onnx 2>&1 | FileCheck %s --check-prefix=RANGE-TYPES
// RANGE-TYPES: error: loc("Range_3"): Range node 'Range_3': start, limit and delta differ in type ('i64' and 'i32')

// --- A shape too big to fold: the error says where folding stopped.
// A Range of 2^21 positions stays unfolded (the limit is 2^20 elements),
// so a Slice of it, used as a Reshape target, is not known.
// RUN: %onnx-text %t/fold-limit.txt -o %t/fold-limit.onnx
// RUN: not wafer-translate --import-onnx %t/fold-limit.onnx 2>&1 | FileCheck %s --check-prefix=FOLD-LIMIT
// FOLD-LIMIT: error: loc("Reshape_9"): the target shape of Reshape must be known at compile time, but it is computed from runtime values; bind every symbolic dimension with --dim so that shape arithmetic folds
// FOLD-LIMIT-NEXT: note: loc("Range_3"): constant folding stopped at this 'graph.range': its result 'tensor<2097152xi64>' has more than 1048576 elements, the most a fold materializes
// The same for a Range limit computed from such a Range.
// RUN: %onnx-text %t/fold-limit-range.txt -o %t/fold-limit-range.onnx
// RUN: not wafer-translate --import-onnx %t/fold-limit-range.onnx 2>&1 | FileCheck %s --check-prefix=FOLD-LIMIT-RANGE
// FOLD-LIMIT-RANGE: error: loc("Range_5"): Range start, limit and delta must be scalars known at compile time; bind every symbolic dimension with --dim
// FOLD-LIMIT-RANGE-NEXT: note: loc("Range_3"): constant folding stopped at this 'graph.range': its result 'tensor<2097152xi64>' has more than 1048576 elements

//--- constant-string.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  y = Constant <value_string = "hello"> ()
}

//--- constant-two.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float y) {
  y = Constant <value_float = 1.0, value_int = 1> ()
}

//--- empty-data.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[1] x) => (float[1] y) {
  e = Constant <value = float[0] {}> ()
  y = Add(x, e)
}

//--- empty-flatten.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[1] x) => (float[1, 0] y) {
  e = Constant <value = float[0, 4] {}> ()
  y = Flatten <axis = 1> (e)
}

//--- empty-shapes.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[1, 1] x) => (float y, float c) {
  s = Constant <value = int64[0] {}> ()
  y = Reshape(x, s)
  c = ConstantOfShape <value = float[1] {3.0}> (s)
}

//--- shape-empty.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3, 4, 5] x) => (int64[0] y) {
  y = Shape <start = 3, end = 1> (x)
}

//--- cos-zero.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2, 0] y) {
  s = Constant <value = int64[2] {2, 0}> ()
  y = ConstantOfShape(s)
}

//--- expand-zero.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[1] x) => (float[0] y) {
  s = Constant <value = int64[1] {0}> ()
  y = Expand(x, s)
}

//--- range-empty.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (int64[0] y) {
  a = Constant <value = int64 {12}> ()
  b = Constant <value = int64 {2}> ()
  c = Constant <value = int64 {2}> ()
  y = Range(a, b, c)
}

//--- cos-overflow.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[4294967296, 4294967296, 4294967296] y) {
  s = Constant <value = int64[3] {4294967296, 4294967296, 4294967296}> ()
  y = ConstantOfShape(s)
}

//--- cos-bytes.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[4611686018427387904] y) {
  s = Constant <value = int64[1] {4611686018427387904}> ()
  y = ConstantOfShape(s)
}

//--- reshape-overflow.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  s = Constant <value = int64[3] {4294967296, 4294967296, -1}> ()
  y = Reshape(x, s)
}

//--- expand-overflow.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[1, 1] x) => (float[4294967296, 4294967296] y) {
  s = Constant <value = int64[2] {4294967296, 4294967296}> ()
  y = Expand(x, s)
}

//--- range-overflow.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (int64[2] y) {
  a = Constant <value = int64 {-9223372036854775808}> ()
  b = Constant <value = int64 {9223372036854775807}> ()
  c = Constant <value = int64 {1}> ()
  y = Range(a, b, c)
}

//--- range-float-overflow.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (float[2] y) {
  a = Constant <value = float {0.0}> ()
  b = Constant <value = float {1e30}> ()
  c = Constant <value = float {1.0}> ()
  y = Range(a, b, c)
}

//--- range-types.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (int64[2] y) {
  a = Constant <value = int64 {0}> ()
  b = Constant <value = int32 {2}> ()
  c = Constant <value = int64 {1}> ()
  y = Range(a, b, c)
}

//--- fold-limit.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4] x) => (float[2, 2] y) {
  a = Constant <value = int64 {0}> ()
  b = Constant <value = int64 {2097152}> ()
  c = Constant <value = int64 {1}> ()
  r = Range(a, b, c)
  st = Constant <value = int64[1] {0}> ()
  en = Constant <value = int64[1] {2}> ()
  s = Slice(r, st, en)
  two = Constant <value = int64[2] {2, 2}> ()
  y = Reshape(x, two)
  z = Reshape(x, s)
}

//--- fold-limit-range.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[4] x) => (int64[2] y) {
  a = Constant <value = int64 {0}> ()
  b = Constant <value = int64 {2097152}> ()
  c = Constant <value = int64 {1}> ()
  r = Range(a, b, c)
  m = ReduceMax <keepdims = 0> (r)
  y = Range(a, m, c)
}

//--- constant-uint8.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (uint8[2] y) {
  y = Constant <value = uint8[2] {1, 2}> ()
}

//--- cos-negative.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2, 3] y) {
  s = Constant <value = int64[2] {2, -1}> ()
  y = ConstantOfShape(s)
}

//--- cos-value.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  s = Constant <value = int64[1] {2}> ()
  y = ConstantOfShape <value = float[2] {1.0, 2.0}> (s)
}

//--- cos-runtime.txt
<ir_version: 8, opset_import: ["" : 17]>
g (int64[2] s) => (float[2, 3] y) {
  y = ConstantOfShape(s)
}

//--- reshape-runtime.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, int64[2] s) => (float[3, 2] y) {
  y = Reshape(x, s)
}

//--- reshape-count.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[4, 2] y) {
  s = Constant <value = int64[2] {4, 2}> ()
  [view] y = Reshape(x, s)
}

//--- reshape-copy-rank.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[6] x) => (float[6, 1] y) {
  s = Constant <value = int64[2] {0, 0}> ()
  y = Reshape(x, s)
}

//--- reshape-two-inferred.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[6] x) => (float[2, 3] y) {
  s = Constant <value = int64[2] {-1, -1}> ()
  y = Reshape(x, s)
}

//--- reshape-negative.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[6] x) => (float[2, 3] y) {
  s = Constant <value = int64[2] {-2, 3}> ()
  y = Reshape(x, s)
}

//--- reshape-infer.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[6] x) => (float[4, 2] y) {
  s = Constant <value = int64[2] {4, -1}> ()
  y = Reshape(x, s)
}

//--- reshape-allowzero-infer.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[6] x) => (float[6] y) {
  s = Constant <value = int64[2] {0, -1}> ()
  y = Reshape <allowzero = 1> (x, s)
}

//--- flatten-axis.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[6, 1] y) {
  y = Flatten <axis = 3> (x)
}

//--- flatten-negative-axis.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[6, 1] y) {
  y = Flatten <axis = -3> (x)
}

//--- squeeze-not-one.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x) => (float[3] y) {
  ax = Constant <value = int64[1] {0}> ()
  y = Squeeze(x, ax)
}

//--- squeeze-range.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1, 3] x) => (float[3] y) {
  ax = Constant <value = int64[1] {2}> ()
  y = Squeeze(x, ax)
}

//--- squeeze-runtime.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1, 3] x, int64[1] ax) => (float[3] y) {
  y = Squeeze(x, ax)
}

//--- unsqueeze-no-axes.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3] x) => (float[1, 3] y) {
  y = Unsqueeze(x)
}

//--- unsqueeze-range.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3] x) => (float[1, 3] y) {
  ax = Constant <value = int64[1] {2}> ()
  y = Unsqueeze(x, ax)
}

//--- unsqueeze-repeated.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3] x) => (float[1, 1, 3] y) {
  ax = Constant <value = int64[2] {0, -3}> ()
  y = Unsqueeze(x, ax)
}

//--- unsqueeze-runtime.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3] x, int64[1] ax) => (float[1, 3] y) {
  y = Unsqueeze(x, ax)
}

//--- expand-broadcast.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[3] x) => (float[2] y) {
  s = Constant <value = int64[1] {2}> ()
  y = Expand(x, s)
}

//--- expand-negative.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (float[2] y) {
  s = Constant <value = int64[1] {-2}> ()
  y = Expand(x, s)
}

//--- expand-runtime.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x, int64[1] s) => (float[2] y) {
  y = Expand(x, s)
}

//--- range-runtime.txt
<ir_version: 8, opset_import: ["" : 13]>
g (int64 n) => (int64[4] y) {
  zero = Constant <value = int64 {0}> ()
  one = Constant <value = int64 {1}> ()
  y = Range(zero, n, one)
}

//--- range-not-scalar.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (int64[4] y) {
  a = Constant <value = int64[2] {0, 1}> ()
  b = Constant <value = int64 {4}> ()
  y = Range(a, b, b)
}

//--- range-zero-delta.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (int64[4] y) {
  a = Constant <value = int64 {0}> ()
  b = Constant <value = int64 {4}> ()
  z = Constant <value = int64 {0}> ()
  y = Range(a, b, z)
}

//--- range-zero-float-delta.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (float[4] y) {
  a = Constant <value = float {0.0}> ()
  b = Constant <value = float {4.0}> ()
  z = Constant <value = float {0.0}> ()
  y = Range(a, b, z)
}
