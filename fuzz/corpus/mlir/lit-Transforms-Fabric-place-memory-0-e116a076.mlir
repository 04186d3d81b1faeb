
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

