// RUN: wafer-opt %s --fabric-tile="mesh=16x16 strategy=pipeline" | FileCheck %s --check-prefix=PIPE
// RUN: wafer-opt %s --fabric-tile="mesh=16x16 strategy=shared" | FileCheck %s --check-prefix=SHARED
// RUN: wafer-opt %s --fabric-tile="mesh=16x16" | FileCheck %s --check-prefix=AUTO
// RUN: wafer-opt %s --fabric-tile="mesh=16x16 strategy=pipeline" | wafer-opt | FileCheck %s --check-prefix=PIPE
// RUN: wafer-opt %s --fabric-tile="target=wse2" | FileCheck %s --check-prefix=WSE2
// RUN: wafer-opt %s --fabric-tile="mesh=16x16 strategy=shared" -o %t1.mlir
// RUN: wafer-opt %s --fabric-tile="mesh=16x16 strategy=shared" -o %t2.mlir
// RUN: diff %t1.mlir %t2.mlir

// One kernel per anchor (embedding gather, layer_norm, linear/matmul,
// attention, softmax), each with the scheme its op and shape call for;
// elementwise and layout ops ride along with their producer; kernel-to-kernel
// edges become streams.

// PIPE: fabric.design pipeline target = #fabric.target<name = "custom", width = 16, height = 16, sram_bytes = 49152, code_bytes = 8192
// PIPE-LABEL: func.func @main
// PIPE: %[[EMB:.*]] = fabric.kernel @embed gather(%arg0) {{{.*}}slot = 0 : i64
// PIPE-NOT: origin
// PIPE: graph.constant dense_resource<emb> : tensor<100x64xf32>
// PIPE: graph.gather
// PIPE: %[[S0:.*]] = fabric.stream %[[EMB]] {bytes = 2048 : i64
// PIPE: %[[LN:.*]] = fabric.kernel @ln row_reduce(%[[S0]]) {{{.*}}slot = 0
// PIPE: %[[S1:.*]] = fabric.stream %[[LN]]
// PIPE: fabric.kernel @fc mesh_gemm(%[[S1]]) {{{.*}}
// PIPE: graph.linear
// The reshape into heads joins the producing kernel.
// PIPE-NEXT: graph.reshape
// PIPE: fabric.kernel @v_proj mesh_gemm(%[[S1]]) {{{.*}}
// The embedding output feeds both the norm and the residual: one stream.
// PIPE: %[[ATT:.*]]:2 = fabric.kernel @attn attention({{.*}}, %arg1, %[[S0]]) {{{.*}}
// PIPE: graph.attention
// The residual add and the slice fold into the attention kernel.
// PIPE: graph.add
// PIPE: graph.slice
// PIPE: fabric.kernel @head mesh_gemv({{.*}}) {{{.*}}
// PIPE: fabric.kernel @probs row_reduce({{.*}}) {{{.*}}
// PIPE: return %[[ATT]]#0, %{{.*}} :
// PIPE-NOT: graph.

// Shared: one slot after another, every region anchored at the corner.
// SHARED: fabric.design shared target
// SHARED: fabric.kernel @embed{{.*}}origin = array<i64: 0, 0>{{.*}}slot = 0 : i64
// SHARED: fabric.kernel @ln{{.*}}origin = array<i64: 0, 0>{{.*}}slot = 1 : i64
// SHARED: fabric.kernel @fc{{.*}}slot = 2 : i64
// SHARED: fabric.kernel @v_proj{{.*}}slot = 3 : i64
// SHARED: fabric.kernel @attn{{.*}}slot = 4 : i64
// SHARED: fabric.kernel @head{{.*}}slot = 5 : i64
// SHARED: fabric.kernel @probs{{.*}}slot = 6 : i64

// AUTO: fabric.design {{pipeline|shared}} target
// WSE2: target = #fabric.target<name = "wse2", width = 757, height = 996, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 850000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4>

func.func @main(%ids: tensor<1x8xi64>, %mask: tensor<1x1x8x8xf32>) -> (tensor<1x8x64xf32>, tensor<1x1x64xf32>) {
  %emb = graph.constant dense_resource<emb> : tensor<100x64xf32>
  %g = graph.constant dense_resource<g> : tensor<64xf32>
  %b = graph.constant dense_resource<b> : tensor<64xf32>
  %w = graph.constant dense_resource<w> : tensor<64x64xf32>
  %wv = graph.constant dense_resource<wv> : tensor<64x64xf32>
  %x = graph.gather %emb[%ids] {axis = 0 : i64} : (tensor<100x64xf32>, tensor<1x8xi64>) -> tensor<1x8x64xf32> loc("embed")
  %n = graph.layer_norm %x, %g, %b {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<1x8x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32> loc("ln")
  %q = graph.linear %n, %w, %b activation(gelu) : (tensor<1x8x64xf32>, tensor<64x64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32> loc("fc")
  %v = graph.matmul %n, %wv : (tensor<1x8x64xf32>, tensor<64x64xf32>) -> tensor<1x8x64xf32> loc("v_proj")
  %q4 = graph.reshape %q : tensor<1x8x64xf32> -> tensor<1x1x8x64xf32> loc("q_heads")
  %v4 = graph.reshape %v : tensor<1x8x64xf32> -> tensor<1x1x8x64xf32> loc("v_heads")
  %a = graph.attention %q4, %q4, %v4, %mask {scale = 0.125 : f32} : (tensor<1x1x8x64xf32>, tensor<1x1x8x64xf32>, tensor<1x1x8x64xf32>, tensor<1x1x8x8xf32>) -> tensor<1x1x8x64xf32> loc("attn")
  %a3 = graph.reshape %a : tensor<1x1x8x64xf32> -> tensor<1x8x64xf32> loc("merge")
  %r = graph.add %a3, %x : (tensor<1x8x64xf32>, tensor<1x8x64xf32>) -> tensor<1x8x64xf32> loc("residual")
  %last = graph.slice %r {starts = array<i64: 0, 7, 0>, steps = array<i64: 1, 1, 1>} : tensor<1x8x64xf32> -> tensor<1x1x64xf32> loc("last")
  %y = graph.linear %last, %w : (tensor<1x1x64xf32>, tensor<64x64xf32>) -> tensor<1x1x64xf32> loc("head")
  %sm = graph.softmax %y {axis = 2 : i64} : tensor<1x1x64xf32> loc("probs")
  return %r, %sm : tensor<1x8x64xf32>, tensor<1x1x64xf32>
}
