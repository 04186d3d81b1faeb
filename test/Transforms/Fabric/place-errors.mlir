// RUN: not wafer-opt %s --fabric-place="pin=zz=1:1" 2>&1 | FileCheck %s --check-prefix=NAME
// NAME: error: pin 'zz=1:1' names no kernel
// RUN: not wafer-opt %s --fabric-place="effort=-5" 2>&1 | FileCheck %s --check-prefix=EFFORT
// EFFORT: error: effort must be between 0 and 10000 moves per kernel, got -5
// RUN: not wafer-opt %s --fabric-place="pin=a=1" 2>&1 | FileCheck %s --check-prefix=PIN
// PIN: error: pin 'a=1' must be NAME=X:Y
// RUN: not wafer-opt %s --fabric-place="band=a=x-2" 2>&1 | FileCheck %s --check-prefix=BAND
// BAND: error: band 'a=x-2' must be NAME=Y0-Y1
// A pin that puts a region over the mesh's edge.
// RUN: not wafer-opt %s --fabric-place="pin=a=6:0" --mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=PIN-EDGE
// PIN-EDGE: error: cannot place: kernel 'a' (4x2) cannot be placed where its pin or band puts it
// Two pins on one spot.
// RUN: not wafer-opt %s --fabric-place="pin=a=0:0 pin=b=2:0" --mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=PIN-CLASH
// PIN-CLASH: error: cannot place: kernel 'b' (4x2) cannot be placed where its pin or band puts it

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 4, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0} : (tensor<16xf32>) -> tensor<16xf32> {
      ^bb0(%in: tensor<16xf32>):
        %r = graph.relu %in : tensor<16xf32>
        fabric.yield %r : tensor<16xf32>
      }
      %a_s = fabric.stream %a {bytes = 64, cycles = 20} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%a_s) {region = array<i64: 4, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0} : (tensor<16xf32>) -> tensor<16xf32> {
      ^bb0(%in: tensor<16xf32>):
        %r = graph.relu %in : tensor<16xf32>
        fabric.yield %r : tensor<16xf32>
      }
      %b_s = fabric.stream %b {bytes = 64, cycles = 20} : tensor<16xf32>
      %c = fabric.kernel @c elementwise(%b_s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0} : (tensor<16xf32>) -> tensor<16xf32> {
      ^bb0(%in: tensor<16xf32>):
        %r = graph.relu %in : tensor<16xf32>
        fabric.yield %r : tensor<16xf32>
      }
      %c_s = fabric.stream %c {bytes = 64, cycles = 20} : tensor<16xf32>
      %d = fabric.kernel @d elementwise(%c_s) {region = array<i64: 8, 1>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0} : (tensor<16xf32>) -> tensor<16xf32> {
      ^bb0(%in: tensor<16xf32>):
        %r = graph.relu %in : tensor<16xf32>
        fabric.yield %r : tensor<16xf32>
      }
      %d_s = fabric.stream %d {bytes = 64, cycles = 20} : tensor<16xf32>
      return %d_s : tensor<16xf32>
    }
  }
}
