// RUN: not wafer-opt %s --fabric-tile="target=wse9" 2>&1 | FileCheck %s --check-prefix=TARGET
// TARGET: error: unknown target 'wse9' (presets: wse2, wse3)

// RUN: not wafer-opt %s --fabric-tile="mesh=16by16" 2>&1 | FileCheck %s --check-prefix=MESH
// MESH: error: mesh must be WIDTHxHEIGHT with positive sizes, got '16by16'
// RUN: not wafer-opt %s --fabric-tile="mesh=0x4" 2>&1 | FileCheck %s --check-prefix=MESH0
// MESH0: error: mesh must be WIDTHxHEIGHT with positive sizes, got '0x4'
// RUN: not wafer-opt %s --fabric-tile="mesh=100000x100000" 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: error: a 100000x100000 mesh exceeds what Wafer models (sides up to 16384, 16777216 PEs)

// RUN: not wafer-opt %s --fabric-tile="strategy=fastest" 2>&1 | FileCheck %s --check-prefix=STRATEGY
// STRATEGY: error: unknown strategy 'fastest' (pipeline, shared or auto)

// Option values are bounded by what Wafer models; a value near 2^63 is
// refused before it is multiplied.
// RUN: not wafer-opt %s --fabric-tile="sram-kb=-4" 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// NEGATIVE: error: sram-kb must be between 1 and 1048576 KiB, got -4
// RUN: not wafer-opt %s --fabric-tile="sram-kb=9007199254740991" 2>&1 | FileCheck %s --check-prefix=SRAM-HUGE
// SRAM-HUGE: error: sram-kb must be between 1 and 1048576 KiB, got 9007199254740991
// RUN: not wafer-opt %s --fabric-tile="colors=65" 2>&1 | FileCheck %s --check-prefix=COLORS
// COLORS: error: colors must be between 1 and 64, got 65
// RUN: not wafer-opt %s --fabric-tile="colors=-1" 2>&1 | FileCheck %s --check-prefix=COLORS-NEG
// COLORS-NEG: error: colors must be between 1 and 64, got -1
// RUN: not wafer-opt %s --fabric-tile="clock-mhz=1000000000" 2>&1 | FileCheck %s --check-prefix=CLOCK
// CLOCK: error: clock-mhz must be between 1 and 100000, got 1000000000

// A 4x4 mesh of 8 KiB PEs (6 KiB for data) cannot hold 2 x 64 KiB of
// weights: the error gives what is needed, what the target has, why each
// strategy fails, and the largest kernels.
// RUN: not wafer-opt %s --fabric-tile="mesh=4x4 sram-kb=8" --mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=FIT
// FIT: error: the model does not fit the custom target (4x4 = 16 PEs, 6.00 KiB of data SRAM each, 96.00 KiB in all): its 2 kernels hold 128.00 KiB of weights and need at least 22 PEs for them alone
// FIT: note: pipeline: the kernels need 32 PEs on regions of their own; the mesh has 16
// FIT: note: shared: spread over all 16 PEs, every kernel's shard together needs 8576 bytes per PE; a PE has 6144 for data
// FIT: note: loc("up"): largest kernel #1: 'up' (mesh_gemv) holds 64.00 KiB of weights
// FIT: note: loc("down"): largest kernel #2: 'down' (mesh_gemv) holds 64.00 KiB of weights

// One kernel alone too big for the whole mesh.
// RUN: not wafer-opt %s --fabric-tile="mesh=2x2 sram-kb=8 strategy=pipeline" --mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=ALONE
// ALONE: note: pipeline: a kernel does not fit even on the whole mesh

// Asking for one strategy reports only that one.
// RUN: not wafer-opt %s --fabric-tile="mesh=4x2 sram-kb=16 strategy=pipeline" 2>&1 | FileCheck %s --check-prefix=ONLY-PIPE
// ONLY-PIPE: note: pipeline: the kernels need 16 PEs on regions of their own; the mesh has 8
// ONLY-PIPE-NOT: note: shared

func.func @main(%x: tensor<1x1x128xf32>) -> tensor<1x1x128xf32> {
  %w1 = graph.constant dense_resource<w1> : tensor<128x128xf32>
  %w2 = graph.constant dense_resource<w2> : tensor<128x128xf32>
  %h = graph.linear %x, %w1 activation(relu) : (tensor<1x1x128xf32>, tensor<128x128xf32>) -> tensor<1x1x128xf32> loc("up")
  %y = graph.linear %h, %w2 : (tensor<1x1x128xf32>, tensor<128x128xf32>) -> tensor<1x1x128xf32> loc("down")
  return %y : tensor<1x1x128xf32>
}
