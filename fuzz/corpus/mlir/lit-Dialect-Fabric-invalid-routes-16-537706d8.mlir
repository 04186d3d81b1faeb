
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1000000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 4, fmac_f16_f32 = 2, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%x: tensor<16xf32>) -> tensor<16xf32> {
      %a = fabric.kernel @a elementwise(%x) {region = array<i64: 2, 2>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0, origin = array<i64: 0, 0>} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      %s = fabric.stream %a {bytes = 64, cycles = 20, color = 5, route = array<i64: 1, 1, 2, 1>} : tensor<16xf32>
      %b = fabric.kernel @b elementwise(%s) {region = array<i64: 1, 1>, blocks = array<i64: 1>, weight_bytes = 64, buffer_bytes = 64, cycles = 10, slot = 0} : (tensor<16xf32>) -> (tensor<16xf32>) {
      ^bb0(%in0: tensor<16xf32>):
        fabric.yield %in0 : tensor<16xf32>
      }
      return %x : tensor<16xf32>
    }
  }
}

