// Kernels of different time slots may share PEs, but a PE keeps the weights
// of all of them (found by wafer-fuzz-mlir: fabric-place overlapped @b with
// @a and left a PE holding 4200 bytes of its 3072).
// RUN: not wafer-opt %s -split-input-file --fabric-place 2>/dev/null | FileCheck %s --check-prefix=FITS
// RUN: not wafer-opt %s -split-input-file --fabric-place --mlir-print-op-on-diagnostic=false 2>&1 >/dev/null | FileCheck %s --check-prefix=FULL

// Together they fit: @b shares the whole 4x4 mesh with @a.
// FITS: fabric.kernel @b {{.*}}origin = array<i64: 0, 0>
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 4, height = 4, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1000, buffer_bytes = 100, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
        fabric.yield %in : tensor<4xf32>
      }
      %b = fabric.kernel @b elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1400, buffer_bytes = 100, cycles = 1, slot = 1} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
        fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}

// -----

// They do not.
// FULL: error: cannot place: 1 kernel(s) do not fit the 4x4 mesh: 'b' (4x4); they need 16 PEs and 16 of 16 are free in time slot 1, where a PE that kernels of other slots use must also hold their weights (3072 bytes for data per PE)
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 4, height = 4, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<4xf32>) {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 2800, buffer_bytes = 100, cycles = 1, slot = 0, origin = array<i64: 0, 0>} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
        fabric.yield %in : tensor<4xf32>
      }
      %b = fabric.kernel @b elementwise(%x) {region = array<i64: 4, 4>, blocks = array<i64: 1>, weight_bytes = 1400, buffer_bytes = 100, cycles = 1, slot = 1} : (tensor<4xf32>) -> tensor<4xf32> {
      ^bb0(%in: tensor<4xf32>):
        fabric.yield %in : tensor<4xf32>
      }
      return
    }
  }
}
