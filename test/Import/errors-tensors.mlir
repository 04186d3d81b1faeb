// Errors in initializers and external data: unsupported element types,
// negative dimensions, data shorter than the shape, and external data that
// is missing, truncated, outside the model's folder or unnamed. The happy
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
