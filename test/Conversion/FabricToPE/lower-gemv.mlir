// RUN: wafer-opt %s --pe-lower | FileCheck %s
// RUN: wafer-opt %s --pe-lower --pe-allocate --pe-verify -o %t.mlir
// RUN: wafer-translate --mlir-to-wfb %t.mlir -o %t.wfb
// RUN: %python -c "import numpy as np; np.save('%t.x.npy', (np.arange(10, dtype=np.float32) - 4.5).reshape(1, 10))"
// RUN: %python -c "import numpy as np, os; os.makedirs('%t.ref', exist_ok=True); x = (np.arange(10, dtype=np.float32) - 4.5).reshape(1, 10); w = (np.arange(60, dtype=np.float32).reshape(10, 6) % 7 - 3) / 4; b = np.array([1, -2, 0.5, -40, 3, 0], np.float32); np.save('%t.ref/y.npy', np.maximum(x @ w + b, 0).astype(np.float32))"
// RUN: wafer-run %t.wfb --mode=sim --input x=%t.x.npy --check %t.ref | FileCheck %s --check-prefix=SIM
// SIM: check 'y': {{.*}}: ok

// y = relu(x W + b), x: [1, 10], W: [10, 6], on a 3 x 5 region at (1, 2):
// K in blocks of 2 over the 5 rows, N in blocks of 2 over the 3 columns.
// One program per row; row 0 takes the partials of rows 1 (level 0),
// 2 (level 1) and 4 (level 2), adds the bias, applies relu and gives y.
// CHECK: pe.design target
// CHECK-NEXT: pe.program @fc.row0 for @fc at [1, 2] size [3, 1] slot 0 {
// CHECK-NEXT: pe.buffer @x f32[2]{{$}}
// CHECK-NEXT: pe.buffer @w f32[4]{{$}}
// CHECK-NEXT: pe.buffer @acc f32[2]{{$}}
// CHECK-NEXT: pe.buffer @zero f32[2]{{$}}
// CHECK-NEXT: pe.buffer @part f32[2]{{$}}
// CHECK-NEXT: pe.buffer @bias f32[2]{{$}}
// CHECK-NEXT: pe.input "x" into @x as #pe.blocks<rows = 1, grid = [3, 5], at = [0, 0]>
// CHECK-NEXT: pe.output "y" from @acc as #pe.blocks<columns = 1, grid = [3, 5], at = [0, 0]>
// CHECK-NEXT: pe.weight 0 into @w as #pe.blocks<columns = 1, rows = 0, grid = [3, 5], at = [0, 0]>
// CHECK-NEXT: pe.weight 1 into @bias as #pe.blocks<columns = 0, grid = [3, 5], at = [0, 0]>
// CHECK-NEXT: pe.task @main local entry {
// CHECK-NEXT: pe.fmac #pe.mem<@acc[0 : 2]>, #pe.mem<@zero[0 : 2]>, #pe.mem<@w[0 : 2]>, #pe.mem<@x[0 : 1]>
// CHECK-NEXT: pe.fmac #pe.mem<@acc[0 : 2]>, #pe.mem<@acc[0 : 2]>, #pe.mem<@w[2 : 2]>, #pe.mem<@x[1 : 1]>
// CHECK-NEXT: pe.recv color 0 into #pe.mem<@part[0 : 2]>
// CHECK-NEXT: pe.fadd #pe.mem<@acc[0 : 2]>, #pe.mem<@acc[0 : 2]>, #pe.mem<@part[0 : 2]>
// CHECK-NEXT: pe.recv color 1 into #pe.mem<@part[0 : 2]>
// CHECK-NEXT: pe.fadd
// CHECK-NEXT: pe.recv color 2 into #pe.mem<@part[0 : 2]>
// CHECK-NEXT: pe.fadd
// CHECK-NEXT: pe.fadd #pe.mem<@acc[0 : 2]>, #pe.mem<@acc[0 : 2]>, #pe.mem<@bias[0 : 2]>
// CHECK-NEXT: pe.fmax #pe.mem<@acc[0 : 2]>, #pe.mem<@acc[0 : 2]>, #pe.mem<@zero[0 : 2]>
// CHECK-NEXT: }
// The zeros the first fmac starts from and relu compares with, once at
// load.
// CHECK-NEXT: pe.task @constants load {
// CHECK-NEXT: pe.fill #pe.mem<@zero[0 : 2]>, 0.000000e+00
// CHECK-NEXT: }
// CHECK-NEXT: }
// Row 1 sends at level 0 only.
// CHECK-NEXT: pe.program @fc.row1 for @fc at [1, 3] size [3, 1] slot 0 {
// CHECK-NOT: pe.buffer @part
// CHECK: pe.input "x" into @x as #pe.blocks<rows = 1, grid = [3, 5], at = [0, 1]>
// CHECK-NEXT: pe.weight 0 into @w as #pe.blocks<columns = 1, rows = 0, grid = [3, 5], at = [0, 1]>
// CHECK: pe.fmac #pe.mem<@acc[0 : 2]>, #pe.mem<@acc[0 : 2]>, #pe.mem<@w[2 : 2]>, #pe.mem<@x[1 : 1]>
// CHECK-NEXT: pe.send #pe.mem<@acc[0 : 2]> on color 0
// CHECK-NEXT: }
// Row 2 takes row 3's partial, then sends at level 1.
// CHECK: pe.program @fc.row2 for @fc at [1, 4] size [3, 1] slot 0 {
// CHECK: pe.recv color 0 into #pe.mem<@part[0 : 2]>
// CHECK-NEXT: pe.fadd
// CHECK-NEXT: pe.send #pe.mem<@acc[0 : 2]> on color 1
// CHECK: pe.program @fc.row3 for @fc at [1, 5] size [3, 1] slot 0 {
// CHECK: pe.send #pe.mem<@acc[0 : 2]> on color 0
// Row 4 has no partner at levels 0 and 1 and sends at level 2.
// CHECK: pe.program @fc.row4 for @fc at [1, 6] size [3, 1] slot 0 {
// CHECK-NOT: pe.recv
// CHECK: pe.send #pe.mem<@acc[0 : 2]> on color 2
// The routes: each level's flows from the sender's ramp north into the
// receiver's ramp, the rows between passing it on, the region wide.
// CHECK: pe.route color 0 slot 0 at [1, 3] size [3, 1] from ramp to north
// CHECK-NEXT: pe.route color 0 slot 0 at [1, 2] size [3, 1] from south to ramp
// CHECK-NEXT: pe.route color 0 slot 0 at [1, 5] size [3, 1] from ramp to north
// CHECK-NEXT: pe.route color 0 slot 0 at [1, 4] size [3, 1] from south to ramp
// CHECK-NEXT: pe.route color 1 slot 0 at [1, 4] size [3, 1] from ramp to north
// CHECK-NEXT: pe.route color 1 slot 0 at [1, 3] size [3, 1] from south to north
// CHECK-NEXT: pe.route color 1 slot 0 at [1, 2] size [3, 1] from south to ramp
// CHECK-NEXT: pe.route color 2 slot 0 at [1, 6] size [3, 1] from ramp to north
// CHECK-NEXT: pe.route color 2 slot 0 at [1, 3] size [3, 3] from south to north
// CHECK-NEXT: pe.route color 2 slot 0 at [1, 2] size [3, 1] from south to ramp
// CHECK-NOT: pe.route
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x10xf32> {graph.name = "x"}) -> (tensor<1x6xf32> {graph.name = "y"}) {
      %0 = fabric.kernel @fc mesh_gemv(%arg0) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 30 : i64, origin = array<i64: 1, 2>, region = array<i64: 3, 5>, slot = 0 : i64, weight_bytes = 24 : i64} : (tensor<1x10xf32>) -> tensor<1x6xf32> {
      ^bb0(%x: tensor<1x10xf32>):
        %w = graph.constant dense<[[-0.75, -0.5, -0.25, 0.0, 0.25, 0.5], [0.75, -0.75, -0.5, -0.25, 0.0, 0.25], [0.5, 0.75, -0.75, -0.5, -0.25, 0.0], [0.25, 0.5, 0.75, -0.75, -0.5, -0.25], [0.0, 0.25, 0.5, 0.75, -0.75, -0.5], [-0.25, 0.0, 0.25, 0.5, 0.75, -0.75], [-0.5, -0.25, 0.0, 0.25, 0.5, 0.75], [-0.75, -0.5, -0.25, 0.0, 0.25, 0.5], [0.75, -0.75, -0.5, -0.25, 0.0, 0.25], [0.5, 0.75, -0.75, -0.5, -0.25, 0.0]]> : tensor<10x6xf32>
        %b = graph.constant dense<[1.0, -2.0, 0.5, -40.0, 3.0, 0.0]> : tensor<6xf32>
        %y = graph.linear %x, %w, %b activation(relu) : (tensor<1x10xf32>, tensor<10x6xf32>, tensor<6xf32>) -> tensor<1x6xf32>
        fabric.yield %y : tensor<1x6xf32>
      }
      return %0 : tensor<1x6xf32>
    }
  }
}
