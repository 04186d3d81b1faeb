// Importer errors of Constant, ConstantOfShape, Reshape, Flatten, Squeeze,
// Unsqueeze, Expand and Range: shapes and axes that must be compile-time
// constants, invalid targets, element counts, and ranges.

// RUN: rm -rf %t && split-file %s %t

// RUN: %onnx-text %t/constant-string.txt -o %t/constant-string.onnx
// RUN: not wafer-translate --import-onnx %t/constant-string.onnx 2>&1 | FileCheck %s --check-prefix=CONSTANT-STRING
// CONSTANT-STRING: error: loc("Constant_0"): Constant node has no supported value attribute (value, value_float(s), value_int(s))

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
// UNSQUEEZE-NO-AXES: error: loc("Unsqueeze_0"): Unsqueeze needs axes

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

//--- constant-string.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  y = Constant <value_string = "hello"> ()
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
