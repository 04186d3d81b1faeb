// A dialect resource blob encodes its alignment in its first 4 bytes. MLIR's
// parser accepts an alignment of 0 and then aborts allocating the blob, so
// wafer-opt and wafer-translate refuse it before parsing, with exit code 1;
// other alignments reach MLIR, which refuses a non-power of 2 itself.

// RUN: not wafer-opt %s 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not wafer-translate --mlir-to-wfb %s -o %t.wfb 2>&1 | FileCheck %s --check-prefix=ZERO
// ZERO: resource-blob-alignment.mlir:21:13: error: resource blob encodes an alignment of 0 in its first 4 bytes; expected a power of 2

// RUN: sed 's/0x00000000/0x04000000/' %s > %t.four.mlir
// RUN: wafer-opt %t.four.mlir | FileCheck %s --check-prefix=FOUR
// FOUR: dense_resource<blob> : tensor<2xf32>
// RUN: sed 's/0x00000000/0x03000000/' %s > %t.three.mlir
// RUN: not wafer-opt %t.three.mlir 2>&1 | FileCheck %s --check-prefix=THREE
// THREE: error: expected hex string blob for key 'blob' to encode alignment in first 4 bytes, but got non-power-of-2 value: 3

module attributes {graph.w = dense_resource<blob> : tensor<2xf32>} {}
{-#
  dialect_resources: {
    builtin: {
      blob: "0x000000000000803F00000040"
    }
  }
#-}
