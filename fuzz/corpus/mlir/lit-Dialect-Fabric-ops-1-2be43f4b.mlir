
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
