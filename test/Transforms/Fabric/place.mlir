// RUN: wafer-opt %s --fabric-place | FileCheck %s
// RUN: wafer-opt %s --fabric-place="effort=0" | FileCheck %s --check-prefix=SERPENTINE
// RUN: wafer-opt %s --fabric-place="seed=7" -o %t.a.mlir
// RUN: wafer-opt %s --fabric-place="seed=7" -o %t.b.mlir
// RUN: diff %t.a.mlir %t.b.mlir
// RUN: wafer-opt %s --fabric-place="pin=c=6:6 band=d=5-5" | FileCheck %s --check-prefix=PINNED

// Every kernel gets an origin inside the 8x8 mesh, regions disjoint (the
// verifier proves it when the result is printed).
// CHECK: fabric.kernel @a{{.*}}origin = array<i64: {{[0-9]}}, {{[0-9]}}>
// CHECK: fabric.kernel @b{{.*}}origin =
// CHECK: fabric.kernel @c{{.*}}origin =
// CHECK: fabric.kernel @d{{.*}}origin =

// Without annealing: tallest first on serpentine shelves, program order
// among equals; the second shelf runs right to left.
// SERPENTINE: fabric.kernel @a{{.*}}origin = array<i64: 0, 0>
// SERPENTINE: fabric.kernel @b{{.*}}origin = array<i64: 4, 0>
// SERPENTINE: fabric.kernel @c{{.*}}origin = array<i64: 6, 2>
// SERPENTINE: fabric.kernel @d{{.*}}origin = array<i64: 0, 4>

// PINNED: fabric.kernel @c{{.*}}origin = array<i64: 6, 6>
// PINNED: fabric.kernel @d{{.*}}origin = array<i64: 0, 5>

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
