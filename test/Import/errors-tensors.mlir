// Errors in initializers and external data: unsupported element types,
// negative dimensions, counts past int64_t, data shorter than the shape or
// stored in two places, and external data that is missing, truncated,
// outside the model's folder, unnamed or at a malformed offset. The happy
// path (a model saved with onnx.save(save_as_external_data=True)) imports
// with its weight mapped from the .data file.

// RUN: rm -rf %t && mkdir -p %t/sub
// RUN: %python %S/Inputs/bad_models.py external %t/sub/ext.onnx
// RUN: wafer-translate --import-onnx %t/sub/ext.onnx | FileCheck %s --check-prefix=EXT
// EXT: %[[W:.*]] = graph.constant dense_resource<w> : tensor<32x32xf32>
// EXT: return %[[W]] : tensor<32x32xf32>
// The first weights, 0.0, 1.0, 2.0, 3.0, ..., read from the .data file.
// EXT: w: "0x04000000000000000000803F0000004000004040

// The data file deleted.
// RUN: %python %S/Inputs/bad_models.py external %t/sub/gone.onnx
// RUN: rm %t/sub/gone.onnx.data
// RUN: not wafer-translate --import-onnx %t/sub/gone.onnx 2>&1 | FileCheck %s --check-prefix=GONE
// GONE: error: loc("w"): tensor 'w': cannot open external data file '{{.*}}sub{{/|\\}}gone.onnx.data': No such file or directory

// The data file truncated.
// RUN: %python %S/Inputs/bad_models.py external %t/sub/short.onnx
// RUN: %python -c "import os; os.truncate(r'%t/sub/short.onnx.data', 100)"
// RUN: not wafer-translate --import-onnx %t/sub/short.onnx 2>&1 | FileCheck %s --check-prefix=SHORT
// SHORT: error: loc("w"): tensor 'w' needs bytes [0, 4096) of 'short.onnx.data', which has only 100 bytes (truncated?)

// An offset past the end of the file.
// RUN: %python %S/Inputs/bad_models.py external-offset %t/sub/offset.onnx
// RUN: not wafer-translate --import-onnx %t/sub/offset.onnx 2>&1 | FileCheck %s --check-prefix=OFFSET
// OFFSET: error: loc("w"): tensor 'w' needs bytes [4096, 8192) of 'offset.onnx.data', which has only 4096 bytes (truncated?)

// A length that does not fit the tensor's type.
// RUN: %python %S/Inputs/bad_models.py external-length %t/sub/length.onnx
// RUN: not wafer-translate --import-onnx %t/sub/length.onnx 2>&1 | FileCheck %s --check-prefix=LENGTH
// LENGTH: error: loc("w"): tensor 'w' of type 'tensor<32x32xf32>' needs 4096 bytes of data but has 8

// Locations must stay inside the model's folder, and exist.
// RUN: %python %S/Inputs/bad_models.py external-parent %t/sub/parent.onnx
// RUN: not wafer-translate --import-onnx %t/sub/parent.onnx 2>&1 | FileCheck %s --check-prefix=PARENT
// PARENT: error: loc("w"): tensor 'w': external data location '../w.data' must be a relative path inside the model's folder
// RUN: %python %S/Inputs/bad_models.py external-absolute %t/sub/absolute.onnx
// RUN: not wafer-translate --import-onnx %t/sub/absolute.onnx 2>&1 | FileCheck %s --check-prefix=ABSOLUTE
// ABSOLUTE: error: loc("w"): tensor 'w': external data location '/tmp/w.data' must be a relative path inside the model's folder
// RUN: %python %S/Inputs/bad_models.py external-no-location %t/sub/noloc.onnx
// RUN: not wafer-translate --import-onnx %t/sub/noloc.onnx 2>&1 | FileCheck %s --check-prefix=NOLOC
// NOLOC: error: loc("w"): tensor 'w' is stored externally but names no location

// Inline tensors.
// RUN: %python %S/Inputs/bad_models.py uint8-initializer %t/uint8.onnx
// RUN: not wafer-translate --import-onnx %t/uint8.onnx 2>&1 | FileCheck %s --check-prefix=UINT8
// UINT8: error: loc("w"): tensor 'w' has element type UINT8, which Wafer does not support (supported: FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT64, INT32, BOOL)
// RUN: %python %S/Inputs/bad_models.py negative-dim %t/negative.onnx
// RUN: not wafer-translate --import-onnx %t/negative.onnx 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// NEGATIVE: error: loc("w"): tensor 'w' has a negative dimension -2
// RUN: %python %S/Inputs/bad_models.py short-raw-data %t/short-raw.onnx
// RUN: not wafer-translate --import-onnx %t/short-raw.onnx 2>&1 | FileCheck %s --check-prefix=SHORT-RAW
// SHORT-RAW: error: loc("w"): tensor 'w' of type 'tensor<2xf32>' needs 8 bytes of data but has 4
// RUN: %python %S/Inputs/bad_models.py short-typed-data %t/short-typed.onnx
// RUN: not wafer-translate --import-onnx %t/short-typed.onnx 2>&1 | FileCheck %s --check-prefix=SHORT-TYPED
// SHORT-TYPED: error: loc("w"): tensor 'w' of type 'tensor<3xi64>' needs 24 bytes of data but has 16

// Values in more than one place, or in the wrong typed field: ambiguous,
// so refused (initializers and Constant tensors alike).
// RUN: %python %S/Inputs/bad_models.py raw-and-typed %t/raw-and-typed.onnx
// RUN: not wafer-translate --import-onnx %t/raw-and-typed.onnx 2>&1 | FileCheck %s --check-prefix=RAW-AND-TYPED
// RAW-AND-TYPED: error: loc("w"): tensor 'w' has both raw_data and float_data; ONNX stores a tensor's values in one place
// RUN: %python %S/Inputs/bad_models.py constant-raw-and-typed %t/constant-raw-and-typed.onnx
// RUN: not wafer-translate --import-onnx %t/constant-raw-and-typed.onnx 2>&1 | FileCheck %s --check-prefix=CONSTANT-RAW-AND-TYPED
// CONSTANT-RAW-AND-TYPED: error: loc("const"): tensor 't' has both raw_data and int64_data; ONNX stores a tensor's values in one place
// RUN: %python %S/Inputs/bad_models.py wrong-typed-field %t/wrong-typed-field.onnx
// RUN: not wafer-translate --import-onnx %t/wrong-typed-field.onnx 2>&1 | FileCheck %s --check-prefix=WRONG-TYPED-FIELD
// WRONG-TYPED-FIELD: error: loc("w"): tensor 'w' of type FLOAT stores values in int64_data; FLOAT values belong in float_data

// Dims whose product, or whose bytes, overflow int64_t.
// RUN: %python %S/Inputs/bad_models.py overflowing-dims %t/overflowing-dims.onnx
// RUN: not wafer-translate --import-onnx %t/overflowing-dims.onnx 2>&1 | FileCheck %s --check-prefix=OVERFLOWING-DIMS
// OVERFLOWING-DIMS: error: loc("w"): tensor 'w' of shape [4294967296, 4294967296, 4294967296] has more elements or bytes than a 64-bit count holds
// RUN: %python %S/Inputs/bad_models.py overflowing-bytes %t/overflowing-bytes.onnx
// RUN: not wafer-translate --import-onnx %t/overflowing-bytes.onnx 2>&1 | FileCheck %s --check-prefix=OVERFLOWING-BYTES
// OVERFLOWING-BYTES: error: loc("w"): tensor 'w' of shape [2305843009213693952, 4] has more elements or bytes than a 64-bit count holds

// External offsets and lengths are non-negative integers whose sum fits.
// RUN: %python %S/Inputs/bad_models.py external-bad-offset %t/sub/bad-offset.onnx
// RUN: not wafer-translate --import-onnx %t/sub/bad-offset.onnx 2>&1 | FileCheck %s --check-prefix=BAD-OFFSET
// BAD-OFFSET: error: loc("w"): tensor 'w' has external data offset '4k'; expected a non-negative integer
// RUN: %python %S/Inputs/bad_models.py external-negative-length %t/sub/negative-length.onnx
// RUN: not wafer-translate --import-onnx %t/sub/negative-length.onnx 2>&1 | FileCheck %s --check-prefix=NEGATIVE-LENGTH
// NEGATIVE-LENGTH: error: loc("w"): tensor 'w' has external data length '-8'; expected a non-negative integer
// RUN: %python %S/Inputs/bad_models.py external-offset-overflow %t/sub/offset-overflow.onnx
// RUN: not wafer-translate --import-onnx %t/sub/offset-overflow.onnx 2>&1 | FileCheck %s --check-prefix=OFFSET-OVERFLOW
// OFFSET-OVERFLOW: error: loc("w"): tensor 'w' needs bytes [9223372036854775807, past 2^63) of 'offset-overflow.onnx.data', which has only 4096 bytes (truncated?)
