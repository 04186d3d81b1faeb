module attributes {graph.onnx_opset = 23 : i64, graph.producer = "wafer.models 0.1"} {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 16, height = 16, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x2xi64> {graph.name = "input_ids"}, %arg1: tensor<1x2xi64> {graph.name = "attention_mask"}) -> (tensor<1x2x8xf32> {graph.name = "last_hidden_state"}) {
      %0 = fabric.kernel @"/Unsqueeze" elementwise(%arg1) {blocks = array<i64: 1>, buffer_bytes = 8 : i64, cycles = 5 : i64, origin = array<i64: 0, 0>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2xi64>) -> tensor<1x1x2x2xf32> {
      ^bb0(%arg2: tensor<1x2xi64>):
        %25 = graph.constant dense<1.000000e+00> : tensor<f32>
        %26 = graph.constant dense<-3.40282347E+38> : tensor<f32>
        %27 = graph.reshape %arg2 : tensor<1x2xi64> -> tensor<1x1x1x2xi64>
        %28 = graph.cast %27 : tensor<1x1x1x2xi64> -> tensor<1x1x1x2xf32>
        %29 = graph.sub %25, %28 : (tensor<f32>, tensor<1x1x1x2xf32>) -> tensor<1x1x1x2xf32>
        %30 = graph.mul %29, %26 : (tensor<1x1x1x2xf32>, tensor<f32>) -> tensor<1x1x1x2xf32>
        %31 = graph.expand %30 : tensor<1x1x1x2xf32> -> tensor<1x1x2x2xf32>
        fabric.yield %31 : tensor<1x1x2x2xf32>
      }
      %1 = fabric.kernel @"/embeddings/word_embeddings/Gather" gather(%arg0) {blocks = array<i64: 64>, buffer_bytes = 64 : i64, cycles = 17 : i64, origin = array<i64: 2, 0>, region = array<i64: 1, 2>, slot = 0 : i64, weight_bytes = 256 : i64} : (tensor<1x2xi64>) -> tensor<1x2x8xf32> {
      ^bb0(%arg2: tensor<1x2xi64>):
        %25 = graph.constant dense_resource<embeddings.word_embeddings.weight> : tensor<16x8xf32>
        %26 = graph.constant dense<[[[0.102610424, -0.0595168062, -0.106001683, -0.0472309254, 0.363295197, -0.00996019411, 0.0173238534, -0.297414571], [0.102610424, -0.0595168062, -0.106001683, -0.0472309254, 0.363295197, -0.00996019411, 0.0173238534, -0.297414571]]]> : tensor<1x2x8xf32>
        %27 = graph.gather %25[%arg2] {axis = 0 : i64} : (tensor<16x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
        %28 = graph.add %27, %26 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %28 : tensor<1x2x8xf32>
      }
      %2 = fabric.stream %1 {bytes = 64 : i64, color = 1 : i64, cycles = 21 : i64, route = array<i64: 2, 0, 3, 0>} : tensor<1x2x8xf32>
      %3 = fabric.kernel @"/embeddings/position_embeddings/Gather" gather(%2) {blocks = array<i64: 16>, buffer_bytes = 64 : i64, cycles = 17 : i64, origin = array<i64: 3, 0>, region = array<i64: 1, 2>, slot = 0 : i64, weight_bytes = 64 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<embeddings.position_embeddings.weight> : tensor<4x8xf32>
        %26 = graph.constant dense<[[0, 1]]> : tensor<1x2xi64>
        %27 = graph.gather %25[%26] {axis = 0 : i64} : (tensor<4x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
        %28 = graph.add %arg2, %27 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %28 : tensor<1x2x8xf32>
      }
      %4 = fabric.stream %3 {bytes = 64 : i64, color = 4 : i64, cycles = 21 : i64, route = array<i64: 3, 0, 4, 0>} : tensor<1x2x8xf32>
      %5 = fabric.kernel @"/embeddings/LayerNorm/LayerNormalization" row_reduce(%4) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 30 : i64, origin = array<i64: 4, 0>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense<[0.852611184, 1.10288548, 8.065040e-01, 0.976006329, 0.979547739, 0.895713984, 1.06131232, 0.979967057]> : tensor<8xf32>
        %26 = graph.constant dense<[-0.0436868332, 0.0519841723, -0.0476579033, 1.388980e-01, 0.0351455063, -0.0474332981, -0.194426492, -0.130775318]> : tensor<8xf32>
        %27 = graph.layer_norm %arg2, %25, %26 {axis = 2 : i64, epsilon = 9.99999996E-13 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %27 : tensor<1x2x8xf32>
      }
      %6 = fabric.stream %5 {bytes = 64 : i64, color = 2 : i64, cycles = 47 : i64, route = array<i64: 4, 0, 5, 0, 5, 0, 6, 0, 6, 0, 7, 0, 7, 0, 7, 1, 7, 1, 7, 2, 7, 0, 8, 0, 8, 0, 9, 0, 9, 0, 10, 0, 10, 0, 11, 0, 11, 0, 12, 0, 12, 0, 13, 0, 13, 0, 13, 1, 13, 1, 13, 2>} : tensor<1x2x8xf32>
      %7 = fabric.kernel @"/encoder/layer.0/attention/self/query/MatMul" mesh_gemm(%6) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 29 : i64, origin = array<i64: 6, 0>, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 40 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x2x4xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<encoder.layer.0.attention.self.query.weight> : tensor<8x8xf32>
        %26 = graph.constant dense<[-0.0333843641, 8.162200e-03, -0.0415375978, 0.1172904, -0.0352069773, -0.0226537213, -0.0532919019, -0.0173060633]> : tensor<8xf32>
        %27 = graph.linear %arg2, %25, %26 : (tensor<1x2x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        %28 = graph.reshape %27 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %29 = graph.transpose %28, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        fabric.yield %29 : tensor<1x2x2x4xf32>
      }
      %8 = fabric.kernel @"/encoder/layer.0/attention/self/key/MatMul" mesh_gemm(%6) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 29 : i64, origin = array<i64: 10, 0>, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 40 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x2x4xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<encoder.layer.0.attention.self.key.weight> : tensor<8x8xf32>
        %26 = graph.constant dense<[0.00337846042, -0.0145641454, 0.0147021068, -0.075488627, 0.0322095267, -0.011496624, 0.0179304034, -0.0170155056]> : tensor<8xf32>
        %27 = graph.linear %arg2, %25, %26 : (tensor<1x2x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        %28 = graph.reshape %27 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %29 = graph.transpose %28, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        fabric.yield %29 : tensor<1x2x2x4xf32>
      }
      %9 = fabric.kernel @"/encoder/layer.0/attention/self/value/MatMul" mesh_gemm(%6) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 29 : i64, origin = array<i64: 12, 2>, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 40 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x2x4xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<encoder.layer.0.attention.self.value.weight> : tensor<8x8xf32>
        %26 = graph.constant dense<[-0.0180220082, 0.0291767064, -0.0719261318, 0.105940148, -0.0671022236, 0.0459903628, -0.0560561344, 0.0575441532]> : tensor<8xf32>
        %27 = graph.linear %arg2, %25, %26 : (tensor<1x2x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        %28 = graph.reshape %27 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %29 = graph.transpose %28, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        fabric.yield %29 : tensor<1x2x2x4xf32>
      }
      %10 = fabric.stream %7 {bytes = 64 : i64, color = 4 : i64, cycles = 41 : i64, route = array<i64: 7, 0, 8, 0, 8, 0, 9, 0, 9, 0, 10, 0, 10, 0, 10, 1, 10, 1, 10, 2>} : tensor<1x2x2x4xf32>
      %11 = fabric.stream %8 {bytes = 64 : i64, color = 5 : i64, cycles = 39 : i64, route = array<i64: 11, 0, 10, 0, 10, 0, 10, 1, 10, 1, 10, 2>} : tensor<1x2x2x4xf32>
      %12 = fabric.stream %9 {bytes = 64 : i64, color = 6 : i64, cycles = 19 : i64, route = array<i64: 13, 2, 12, 2, 12, 2, 11, 2, 11, 2, 10, 2>} : tensor<1x2x2x4xf32>
      %13 = fabric.stream %0 {bytes = 16 : i64, color = 3 : i64, cycles = 48 : i64, route = array<i64: 0, 0, 1, 0, 1, 0, 2, 0, 2, 0, 3, 0, 3, 0, 4, 0, 4, 0, 5, 0, 5, 0, 6, 0, 6, 0, 7, 0, 7, 0, 8, 0, 8, 0, 9, 0, 9, 0, 10, 0, 10, 0, 10, 1, 10, 1, 10, 2>} : tensor<1x1x2x2xf32>
      %14 = fabric.kernel @"/encoder/layer.0/attention/self/Attention" attention(%10, %11, %12, %13) {blocks = array<i64: 1, 1, 2, 4>, buffer_bytes = 64 : i64, cycles = 74 : i64, origin = array<i64: 10, 2>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg2: tensor<1x2x2x4xf32>, %arg3: tensor<1x2x2x4xf32>, %arg4: tensor<1x2x2x4xf32>, %arg5: tensor<1x1x2x2xf32>):
        %25 = graph.attention %arg2, %arg3, %arg4, %arg5 {scale = 5.000000e-01 : f32} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x2x2x4xf32>
        %26 = graph.transpose %25, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        %27 = graph.reshape %26 : tensor<1x2x2x4xf32> -> tensor<1x2x8xf32>
        fabric.yield %27 : tensor<1x2x8xf32>
      }
      %15 = fabric.stream %14 {bytes = 64 : i64, color = 7 : i64, cycles = 19 : i64, route = array<i64: 10, 2, 9, 2, 9, 2, 8, 2, 8, 2, 7, 2>} : tensor<1x2x8xf32>
      %16 = fabric.kernel @"/encoder/layer.0/attention/output/dense/MatMul" mesh_gemm(%15, %6) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 29 : i64, origin = array<i64: 6, 2>, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 40 : i64} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>, %arg3: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<encoder.layer.0.attention.output.dense.weight> : tensor<8x8xf32>
        %26 = graph.constant dense<[-0.00950544421, 0.0758213922, 0.0080371527, 0.0700444132, -0.0196853448, -0.0126344291, -0.194971085, 0.0231665168]> : tensor<8xf32>
        %27 = graph.linear %arg2, %25, %26 : (tensor<1x2x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        %28 = graph.add %27, %arg3 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %28 : tensor<1x2x8xf32>
      }
      %17 = fabric.stream %16 {bytes = 64 : i64, color = 3 : i64, cycles = 19 : i64, route = array<i64: 7, 2, 6, 2, 6, 2, 5, 2, 5, 2, 4, 2>} : tensor<1x2x8xf32>
      %18 = fabric.kernel @"/encoder/layer.0/attention/output/LayerNorm/LayerNormalization" row_reduce(%17) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 30 : i64, origin = array<i64: 4, 2>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense<[1.05470955, 1.17637587, 0.951323866, 1.00941539, 0.929447233, 0.882374286, 0.928689181, 0.965500175]> : tensor<8xf32>
        %26 = graph.constant dense<[0.135543808, 2.21160255E-4, -0.0790544822, 0.014187783, 0.0217571352, -0.0676232055, 0.114323363, -0.188834891]> : tensor<8xf32>
        %27 = graph.layer_norm %arg2, %25, %26 {axis = 2 : i64, epsilon = 9.99999996E-13 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %27 : tensor<1x2x8xf32>
      }
      %19 = fabric.stream %18 {bytes = 64 : i64, color = 2 : i64, cycles = 59 : i64, route = array<i64: 4, 2, 3, 2, 3, 2, 3, 3, 3, 3, 3, 4, 3, 4, 4, 4, 4, 4, 5, 4, 5, 4, 6, 4, 6, 4, 7, 4, 7, 4, 8, 4, 8, 4, 9, 4, 9, 4, 10, 4, 10, 4, 11, 4>} : tensor<1x2x8xf32>
      %20 = fabric.kernel @"/encoder/layer.0/intermediate/dense/MatMul" mesh_gemm(%19) {blocks = array<i64: 1, 1, 2>, buffer_bytes = 16 : i64, cycles = 36 : i64, origin = array<i64: 0, 4>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 40 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x16xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<encoder.layer.0.intermediate.dense.weight> : tensor<8x16xf32>
        %26 = graph.constant dense<[-0.0346129574, -0.0848969891, 0.00154436601, -0.088110052, -0.0159964804, 0.0304058548, -0.0710034743, 0.00161476922, 0.0620009042, 0.0180756245, 0.0261160843, 0.0453370214, 0.0866481513, 0.00757115427, 0.0614750423, -0.00320846075]> : tensor<16xf32>
        %27 = graph.linear %arg2, %25, %26 activation(gelu) : (tensor<1x2x8xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<1x2x16xf32>
        fabric.yield %27 : tensor<1x2x16xf32>
      }
      %21 = fabric.stream %20 {bytes = 128 : i64, color = 3 : i64, cycles = 56 : i64, route = array<i64: 3, 4, 4, 4, 4, 4, 5, 4, 5, 4, 6, 4, 6, 4, 7, 4, 7, 4, 8, 4, 8, 4, 9, 4, 9, 4, 10, 4, 10, 4, 11, 4>} : tensor<1x2x16xf32>
      %22 = fabric.kernel @"/encoder/layer.0/output/dense/MatMul" mesh_gemm(%21, %19) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 20 : i64, cycles = 44 : i64, origin = array<i64: 8, 4>, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 36 : i64} : (tensor<1x2x16xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg2: tensor<1x2x16xf32>, %arg3: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<encoder.layer.0.output.dense.weight> : tensor<16x8xf32>
        %26 = graph.constant dense<[-0.0377835445, 0.0265636202, 0.0369204804, 0.0177186262, -0.118028916, 0.0503998511, -0.0175119173, -0.0608161688]> : tensor<8xf32>
        %27 = graph.linear %arg2, %25, %26 : (tensor<1x2x16xf32>, tensor<16x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        %28 = graph.add %27, %arg3 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %28 : tensor<1x2x8xf32>
      }
      %23 = fabric.stream %22 {bytes = 64 : i64, color = 4 : i64, cycles = 21 : i64, route = array<i64: 11, 4, 12, 4, 12, 4, 13, 4, 13, 4, 14, 4, 14, 4, 14, 5, 14, 5, 14, 6>} : tensor<1x2x8xf32>
      %24 = fabric.kernel @"/encoder/layer.0/output/LayerNorm/LayerNormalization" row_reduce(%23) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 30 : i64, origin = array<i64: 14, 6>, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense<[1.06032813, 1.0562849, 0.895692646, 1.24724352, 0.87903732, 0.826699733, 0.884582877, 1.142080e+00]> : tensor<8xf32>
        %26 = graph.constant dense<[-0.0175856724, -0.03720567, -0.00621577213, -0.0596613921, -0.0690263435, -0.0641215518, 0.0707955509, 0.102045588]> : tensor<8xf32>
        %27 = graph.layer_norm %arg2, %25, %26 {axis = 2 : i64, epsilon = 9.99999996E-13 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %27 : tensor<1x2x8xf32>
      }
      return %24 : tensor<1x2x8xf32>
    }
  }
}

{-#

#-}

