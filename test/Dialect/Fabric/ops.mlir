// RUN: wafer-opt %s | FileCheck %s
// RUN: wafer-opt %s | wafer-opt | FileCheck %s
// RUN: wafer-opt %s --mlir-print-op-generic | wafer-opt | FileCheck %s

// A design with its strategy and target, a kernel with its symbol name,
// scheme, body and attributes, and a stream; every form round-trips.

// CHECK: fabric.design shared target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000,
// CHECK-LABEL: func.func @main
// CHECK: %[[K:.*]] = fabric.kernel @a elementwise(%arg0) {blocks = array<i64: 1>, buffer_bytes = 16 : i64, cycles = 4 : i64, origin = array<i64: 0, 0>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 100 : i64} : (tensor<1x4xf32>) -> tensor<1x4xf32> {
// CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<1x4xf32>):
// CHECK-NEXT:   %[[R:.*]] = graph.relu %[[A]] : tensor<1x4xf32>
// CHECK-NEXT:   fabric.yield %[[R]] : tensor<1x4xf32>
// CHECK-NEXT: }
// CHECK: %[[S:.*]] = fabric.stream %[[K]] {bytes = 16 : i64, cycles = 5 : i64} : tensor<1x4xf32>
// The empty yield of a sink kernel is implicit.
// CHECK: fabric.kernel @b elementwise(%[[S]]) {{.*}}slot = 1
// CHECK-NEXT: ^bb0
// CHECK-NEXT: }

module {
  fabric.design shared target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
      %0 = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 4, slot = 0, origin = array<i64: 0, 0>} : (tensor<1x4xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x4xf32>):
        %r = graph.relu %a : tensor<1x4xf32>
        fabric.yield %r : tensor<1x4xf32>
      }
      %s = fabric.stream %0 {bytes = 16, cycles = 5} : tensor<1x4xf32>
      // A kernel that yields nothing (a sink) in the next slot on the same PEs.
      fabric.kernel @b elementwise(%s) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 100, buffer_bytes = 16, cycles = 4, slot = 1, origin = array<i64: 0, 0>} : (tensor<1x4xf32>) -> () {
      ^bb0(%b: tensor<1x4xf32>):
        fabric.yield
      }
      return %s : tensor<1x4xf32>
    }
  }
}

// Names that are not bare identifiers (ONNX node paths) print quoted, and
// every scheme parses.
// RUN: wafer-opt %s --split-input-file | FileCheck %s --check-prefix=NAMES
// NAMES-DAG: fabric.kernel @"/h.0/attn/MatMul" mesh_gemm(
// NAMES-DAG: fabric.kernel @"/h.0/mlp/fc" mesh_gemv(
// NAMES-DAG: fabric.kernel @attn attention(
// NAMES-DAG: fabric.kernel @norm row_reduce(
// NAMES-DAG: fabric.kernel @embed gather(

// -----

module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 4096, code_bytes = 1024, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<1x4xf32>) {
      fabric.kernel @"/h.0/attn/MatMul" mesh_gemm(%x) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 0, buffer_bytes = 0, cycles = 1, slot = 0} : (tensor<1x4xf32>) -> () {
      ^bb0(%a: tensor<1x4xf32>):
        fabric.yield
      }
      fabric.kernel @"/h.0/mlp/fc" mesh_gemv(%x) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 0, buffer_bytes = 0, cycles = 1, slot = 1} : (tensor<1x4xf32>) -> () {
      ^bb0(%a: tensor<1x4xf32>):
        fabric.yield
      }
      fabric.kernel @attn attention(%x) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 0, buffer_bytes = 0, cycles = 1, slot = 2} : (tensor<1x4xf32>) -> () {
      ^bb0(%a: tensor<1x4xf32>):
        fabric.yield
      }
      fabric.kernel @norm row_reduce(%x) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 0, buffer_bytes = 0, cycles = 1, slot = 3} : (tensor<1x4xf32>) -> () {
      ^bb0(%a: tensor<1x4xf32>):
        fabric.yield
      }
      fabric.kernel @embed gather(%x) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 0, buffer_bytes = 0, cycles = 1, slot = 4} : (tensor<1x4xf32>) -> () {
      ^bb0(%a: tensor<1x4xf32>):
        fabric.yield
      }
      return
    }
  }
}
