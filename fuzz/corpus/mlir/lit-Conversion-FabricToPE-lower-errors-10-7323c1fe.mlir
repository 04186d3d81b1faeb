
module {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 8, height = 8, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x8xf32> {graph.name = "x"}) -> (tensor<1x4xf32> {graph.name = "y"}) {
      %0 = fabric.kernel @g mesh_gemv(%arg0) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 8 : i64, cycles = 2 : i64, origin = array<i64: 0, 0>, region = array<i64: 4, 4>, slot = 0 : i64, weight_bytes = 8 : i64} : (tensor<1x8xf32>) -> tensor<1x4xf32> {
      ^bb0(%a: tensor<1x8xf32>):
        %w = graph.constant dense<0.5> : tensor<8x4xf32>
        %1 = graph.matmul %a, %w : (tensor<1x8xf32>, tensor<8x4xf32>) -> tensor<1x4xf32>
        %2 = graph.exp %1 : tensor<1x4xf32>
        fabric.yield %2 : tensor<1x4xf32>
      }
      return %0 : tensor<1x4xf32>
    }
  }
}

