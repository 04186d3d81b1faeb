module attributes {graph.onnx_opset = 17 : i64, graph.producer = "wafer.models 0.1"} {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 16, height = 16, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x2xi64> {graph.name = "input_ids"}) -> (tensor<1x2x16xf32> {graph.name = "logits"}) {
      %0 = fabric.kernel @"/wte/Gather" gather(%arg0) {blocks = array<i64: 64>, buffer_bytes = 32 : i64, cycles = 17 : i64, origin = array<i64: 0, 0>, region = array<i64: 1, 2>, slot = 0 : i64, weight_bytes = 256 : i64} : (tensor<1x2xi64>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2xi64>):
        %23 = graph.constant dense_resource<wte.weight> : tensor<16x8xf32>
        %24 = graph.gather %23[%arg1] {axis = 0 : i64} : (tensor<16x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
        fabric.yield %24 : tensor<1x2x8xf32>
      }
      %1 = fabric.stream %0 {bytes = 64 : i64, color = 1 : i64, cycles = 17 : i64, route = array<i64: 0, 0, 1, 0>} : tensor<1x2x8xf32>
      %2 = fabric.kernel @"/wpe/Gather" gather(%1) {blocks = array<i64: 16>, buffer_bytes = 64 : i64, cycles = 17 : i64, origin = array<i64: 1, 0>, region = array<i64: 1, 2>, slot = 0 : i64, weight_bytes = 64 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %23 = graph.constant dense_resource<wpe.weight> : tensor<4x8xf32>
        %24 = graph.constant dense<[[0, 1]]> : tensor<1x2xi64>
        %25 = graph.gather %23[%24] {axis = 0 : i64} : (tensor<4x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
        %26 = graph.add %arg1, %25 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %26 : tensor<1x2x8xf32>
      }
      %3 = fabric.stream %2 {bytes = 64 : i64, color = 3 : i64, cycles = 78 : i64, route = array<i64: 1, 0, 2, 0, 2, 0, 3, 0, 3, 0, 4, 0, 4, 0, 5, 0, 5, 0, 6, 0, 6, 0, 7, 0, 7, 0, 8, 0, 8, 0, 9, 0, 9, 0, 10, 0, 10, 0, 11, 0, 11, 0, 12, 0, 12, 0, 13, 0, 13, 0, 13, 1, 13, 1, 13, 2>} : tensor<1x2x8xf32>
      %4 = fabric.kernel @"/h.0/ln_1/ReduceMean" row_reduce(%3) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 30 : i64, origin = array<i64: 2, 0>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %23 = graph.constant dense<[1.05130517, 0.970241606, 0.946999132, 0.97638452, 1.18164754, 0.995019912, 1.00866199, 0.851292729]> : tensor<8xf32>
        %24 = graph.constant dense<[0.164733902, 0.0917487964, 0.106693484, 0.00476727309, 0.0916654765, 0.0370946825, 0.0613189079, -0.0152192954]> : tensor<8xf32>
        %25 = graph.layer_norm %arg1, %23, %24 {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %25 : tensor<1x2x8xf32>
      }
      %5 = fabric.stream %4 {bytes = 64 : i64, color = 2 : i64, cycles = 37 : i64, route = array<i64: 2, 0, 3, 0, 3, 0, 4, 0, 4, 0, 5, 0, 5, 0, 6, 0, 6, 0, 7, 0>} : tensor<1x2x8xf32>
      %6:3 = fabric.kernel @"/h.0/attn/c_attn/MatMul" mesh_gemm(%5) {blocks = array<i64: 1, 1, 3>, buffer_bytes = 20 : i64, cycles = 44 : i64, origin = array<i64: 4, 0>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 60 : i64} : (tensor<1x2x8xf32>) -> (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %23 = graph.constant dense_resource<h.0.attn.c_attn.weight> : tensor<8x24xf32>
        %24 = graph.constant dense_resource<h.0.attn.c_attn.bias> : tensor<24xf32>
        %25 = graph.linear %arg1, %23, %24 : (tensor<1x2x8xf32>, tensor<8x24xf32>, tensor<24xf32>) -> tensor<1x2x24xf32>
        %26:3 = graph.split %25 {axis = 2 : i64} : tensor<1x2x24xf32> -> tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>
        %27 = graph.reshape %26#0 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %28 = graph.transpose %27, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        %29 = graph.reshape %26#1 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %30 = graph.reshape %26#2 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %31 = graph.transpose %30, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        %32 = graph.transpose %29, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        fabric.yield %28, %31, %32 : tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>
      }
      %7 = fabric.stream %6#0 {bytes = 64 : i64, color = 4 : i64, cycles = 69 : i64, route = array<i64: 7, 0, 8, 0, 8, 0, 9, 0, 9, 0, 10, 0, 10, 0, 11, 0, 11, 0, 12, 0>} : tensor<1x2x2x4xf32>
      %8 = fabric.stream %6#2 {bytes = 64 : i64, color = 5 : i64, cycles = 69 : i64, route = array<i64: 7, 0, 8, 0, 8, 0, 9, 0, 9, 0, 10, 0, 10, 0, 11, 0, 11, 0, 12, 0>} : tensor<1x2x2x4xf32>
      %9 = fabric.stream %6#1 {bytes = 64 : i64, color = 6 : i64, cycles = 69 : i64, route = array<i64: 7, 0, 8, 0, 8, 0, 9, 0, 9, 0, 10, 0, 10, 0, 11, 0, 11, 0, 12, 0>} : tensor<1x2x2x4xf32>
      %10 = fabric.kernel @"/h.0/attn/MatMul" attention(%7, %8, %9) {blocks = array<i64: 1, 1, 2, 4>, buffer_bytes = 64 : i64, cycles = 74 : i64, origin = array<i64: 12, 0>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x2x4xf32>, %arg2: tensor<1x2x2x4xf32>, %arg3: tensor<1x2x2x4xf32>):
        %23 = graph.attention %arg1, %arg2, %arg3 {is_causal = true, scale = 5.000000e-01 : f32} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
        %24 = graph.transpose %23, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        %25 = graph.reshape %24 : tensor<1x2x2x4xf32> -> tensor<1x2x8xf32>
        fabric.yield %25 : tensor<1x2x8xf32>
      }
      %11 = fabric.stream %10 {bytes = 64 : i64, color = 7 : i64, cycles = 35 : i64, route = array<i64: 12, 0, 13, 0, 13, 0, 13, 1, 13, 1, 13, 2>} : tensor<1x2x8xf32>
      %12 = fabric.kernel @"/h.0/attn/c_proj/MatMul" mesh_gemm(%11, %3) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 29 : i64, origin = array<i64: 12, 2>, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 40 : i64} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>, %arg2: tensor<1x2x8xf32>):
        %23 = graph.constant dense_resource<h.0.attn.c_proj.weight> : tensor<8x8xf32>
        %24 = graph.constant dense<[-0.0445866175, 0.0586225614, -0.00422607455, 0.0393472202, -0.0648681894, -0.0969084054, -0.052454561, 0.0573313497]> : tensor<8xf32>
        %25 = graph.linear %arg1, %23, %24 : (tensor<1x2x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        %26 = graph.add %25, %arg2 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %26 : tensor<1x2x8xf32>
      }
      %13 = fabric.stream %12 {bytes = 64 : i64, color = 2 : i64, cycles = 60 : i64, route = array<i64: 13, 2, 12, 2, 12, 2, 11, 2, 11, 2, 10, 2, 10, 2, 9, 2, 9, 2, 8, 2, 8, 2, 7, 2, 7, 2, 6, 2, 6, 2, 5, 2, 5, 2, 4, 2, 4, 2, 3, 2, 3, 2, 3, 3, 3, 3, 3, 4>} : tensor<1x2x8xf32>
      %14 = fabric.kernel @"/h.0/ln_2/ReduceMean" row_reduce(%13) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 30 : i64, origin = array<i64: 10, 2>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %23 = graph.constant dense<[1.10680771, 1.03320384, 0.919782996, 0.98691976, 0.970223963, 0.965502679, 0.749393045, 0.914207339]> : tensor<8xf32>
        %24 = graph.constant dense<[-0.0190108884, 0.151642784, 0.0160743054, 0.140088826, -0.0393706895, -0.0252688583, -0.389942169, 0.0463330336]> : tensor<8xf32>
        %25 = graph.layer_norm %arg1, %23, %24 {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %25 : tensor<1x2x8xf32>
      }
      %15 = fabric.stream %14 {bytes = 64 : i64, color = 3 : i64, cycles = 37 : i64, route = array<i64: 10, 2, 9, 2, 9, 2, 8, 2, 8, 2, 7, 2, 7, 2, 6, 2, 6, 2, 5, 2>} : tensor<1x2x8xf32>
      %16 = fabric.kernel @"/h.0/mlp/c_fc/MatMul" mesh_gemm(%15) {blocks = array<i64: 1, 1, 2>, buffer_bytes = 16 : i64, cycles = 36 : i64, origin = array<i64: 2, 2>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 40 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x16xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %23 = graph.constant dense_resource<h.0.mlp.c_fc.weight> : tensor<8x16xf32>
        %24 = graph.constant dense<[-0.0671544299, -0.0215255991, 0.0130675426, -8.95840814E-4, -0.00959966145, -0.0332938023, -0.0129191549, -0.0387098901, -0.121091649, -0.0597254224, 0.0237826463, 0.0778538957, 0.0906790122, 0.00483758701, 0.0446691811, 0.0453988947]> : tensor<16xf32>
        %25 = graph.linear %arg1, %23, %24 activation(gelu_tanh) : (tensor<1x2x8xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<1x2x16xf32>
        fabric.yield %25 : tensor<1x2x16xf32>
      }
      %17 = fabric.stream %16 {bytes = 128 : i64, color = 4 : i64, cycles = 52 : i64, route = array<i64: 5, 2, 4, 2, 4, 2, 3, 2, 3, 2, 3, 3, 3, 3, 3, 4>} : tensor<1x2x16xf32>
      %18 = fabric.kernel @"/h.0/mlp/c_proj/MatMul" mesh_gemm(%17, %13) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 20 : i64, cycles = 44 : i64, origin = array<i64: 0, 4>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 36 : i64} : (tensor<1x2x16xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x16xf32>, %arg2: tensor<1x2x8xf32>):
        %23 = graph.constant dense_resource<h.0.mlp.c_proj.weight> : tensor<16x8xf32>
        %24 = graph.constant dense<[0.0687722638, -0.0907436162, 8.693010e-02, 0.0634407625, 2.865330e-02, 0.119179614, 0.0102489302, 0.0410739444]> : tensor<8xf32>
        %25 = graph.linear %arg1, %23, %24 : (tensor<1x2x16xf32>, tensor<16x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        %26 = graph.add %arg2, %25 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %26 : tensor<1x2x8xf32>
      }
      %19 = fabric.stream %18 {bytes = 64 : i64, color = 3 : i64, cycles = 21 : i64, route = array<i64: 3, 4, 4, 4, 4, 4, 5, 4, 5, 4, 6, 4, 6, 4, 7, 4, 7, 4, 8, 4>} : tensor<1x2x8xf32>
      %20 = fabric.kernel @"/ln_f/ReduceMean" row_reduce(%19) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 30 : i64, origin = array<i64: 8, 4>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %23 = graph.constant dense<[0.926158607, 1.11343575, 1.01678264, 0.954879999, 1.21169388, 0.969520032, 1.00088608, 0.980271995]> : tensor<8xf32>
        %24 = graph.constant dense<[-0.075567089, 0.0531272404, 0.0738409609, 0.0354372524, -0.236057833, 0.100799702, -0.0350238346, -0.121632338]> : tensor<8xf32>
        %25 = graph.layer_norm %arg1, %23, %24 {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %25 : tensor<1x2x8xf32>
      }
      %21 = fabric.stream %20 {bytes = 64 : i64, color = 2 : i64, cycles = 20 : i64, route = array<i64: 8, 4, 7, 4, 7, 4, 7, 5, 7, 5, 7, 6, 7, 6, 7, 7>} : tensor<1x2x8xf32>
      %22 = fabric.kernel @"/lm_head/MatMul" mesh_gemm(%21) {blocks = array<i64: 1, 1, 2>, buffer_bytes = 16 : i64, cycles = 36 : i64, origin = array<i64: 4, 7>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x16xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %23 = graph.constant dense_resource<lm_head.weight> : tensor<8x16xf32>
        %24 = graph.matmul %arg1, %23 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
        fabric.yield %24 : tensor<1x2x16xf32>
      }
      return %22 : tensor<1x2x16xf32>
    }
  }
}

{-#

#-}

