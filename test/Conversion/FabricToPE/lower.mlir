// RUN: wafer-opt %s --pe-lower | FileCheck %s
// RUN: wafer-opt %s --pe-lower --pe-allocate --pe-verify | FileCheck %s --check-prefix=ALLOCATED

// An elementwise kernel on its 8x4 region: the 15 elements of [3, 5] in
// chunks of 1 over its 32 PEs (the last 17 padding only); a buffer per
// input and per op, one entry task.
// CHECK: fabric.design
// CHECK: pe.design target = #fabric.target<name = "custom", width = 8, height = 8,
// CHECK-NEXT: pe.program @square for @square at [0, 0] size [8, 4] slot 0 {
// CHECK-NEXT: pe.buffer @in0 f32[1]{{$}}
// CHECK-NEXT: pe.buffer @t1 f32[1]{{$}}
// CHECK-NEXT: pe.buffer @t2 f32[1]{{$}}
// CHECK-NEXT: pe.input "x" into @in0 as #pe.blocks<flat = true>
// CHECK-NEXT: pe.output "y" from @t2 as #pe.blocks<flat = true>
// CHECK-NEXT: pe.task @main local entry {
// CHECK-NEXT: pe.fmul #pe.mem<@t1[0 : 1]>, #pe.mem<@in0[0 : 1]>, #pe.mem<@in0[0 : 1]>
// CHECK-NEXT: pe.exp #pe.mem<@t2[0 : 1]>, #pe.mem<@t1[0 : 1]>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// ALLOCATED: pe.buffer @in0 f32[1] at 0
// ALLOCATED: pe.buffer @t2 f32[1] at 8

// On a 2x2 region: chunks of 4, the last PE's holding 3 and a pad.
// RUN: sed 's/region = array<i64: 8, 4>/region = array<i64: 2, 2>/' %s | wafer-opt --pe-lower | FileCheck %s --check-prefix=SMALL
// SMALL: pe.program @square for @square at [0, 0] size [2, 2] slot 0 {
// SMALL-NEXT: pe.buffer @in0 f32[4]{{$}}
// SMALL: pe.fmul #pe.mem<@t1[0 : 4]>, #pe.mem<@in0[0 : 4]>, #pe.mem<@in0[0 : 4]>
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<3x5xf32> {graph.name = "x"}) -> (tensor<3x5xf32> {graph.name = "y"}) {
      %0 = fabric.kernel @square elementwise(%arg0) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 8, 4>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<3x5xf32>) -> tensor<3x5xf32> {
      ^bb0(%a: tensor<3x5xf32>):
        %1 = graph.mul %a, %a : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
        %2 = graph.exp %1 : tensor<3x5xf32>
        fabric.yield %2 : tensor<3x5xf32>
      }
      return %0 : tensor<3x5xf32>
    }
  }
}
