
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
