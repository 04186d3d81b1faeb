module attributes {graph.onnx_opset = 23 : i64, graph.producer = "wafer.models 0.1"} {
  fabric.design pipeline target = #fabric.target<name = "custom", width = 16, height = 16, sram_bytes = 49152, code_bytes = 8192, colors = 24, reserved_colors = [21, 22, 23], clock_khz = 1100000, link_bytes_per_cycle = 4, hop_latency_cycles = 1, fmac_f32 = 1, fmac_f16 = 8, fmac_f16_f32 = 4, mem_read_bytes_per_cycle = 8, mem_write_bytes_per_cycle = 4> {
    func.func @main(%arg0: tensor<1x2xi64> {graph.name = "input_ids"}) -> (tensor<1x2x16xf32> {graph.name = "logits"}) {
      %0 = fabric.kernel @"/model/embed_tokens/Gather" gather(%arg0) {blocks = array<i64: 64>, buffer_bytes = 32 : i64, cycles = 17 : i64, region = array<i64: 1, 2>, slot = 0 : i64, weight_bytes = 256 : i64} : (tensor<1x2xi64>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2xi64>):
        %25 = graph.constant dense_resource<model.embed_tokens.weight> : tensor<16x8xf32>
        %26 = graph.gather %25[%arg1] {axis = 0 : i64} : (tensor<16x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
        fabric.yield %26 : tensor<1x2x8xf32>
      }
      %1 = fabric.stream %0 {bytes = 64 : i64, cycles = 9 : i64} : tensor<1x2x8xf32>
      %2 = fabric.kernel @"/model/layers.0/input_layernorm/RMSNormalization" row_reduce(%1) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 15 : i64, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %25 = graph.constant dense<[0.943145037, 0.897019565, 0.895699918, 1.02684176, 1.03586721, 1.13224578, 0.998608529, 1.10418403]> : tensor<8xf32>
        %26 = graph.rms_norm %arg1, %25 {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %26 : tensor<1x2x8xf32>
      }
      %3 = fabric.stream %2 {bytes = 64 : i64, cycles = 11 : i64} : tensor<1x2x8xf32>
      %4 = fabric.kernel @"/model/layers.0/self_attn/q_proj/MatMul" mesh_gemm(%3) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 29 : i64, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x2x4xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<model.layers.0.self_attn.q_proj.weight> : tensor<8x8xf32>
        %26 = graph.constant dense<[[[1.000000e+00, 1.000000e+00], [0.540302277, 0.999949991]]]> : tensor<1x2x2xf32>
        %27 = graph.constant dense<[[[0.000000e+00, 0.000000e+00], [8.414710e-01, 0.00999983306]]]> : tensor<1x2x2xf32>
        %28 = graph.matmul %arg1, %25 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
        %29 = graph.reshape %28 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %30 = graph.transpose %29, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        %31 = graph.rotary_embedding %30, %26, %27 : (tensor<1x2x2x4xf32>, tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2x4xf32>
        fabric.yield %31 : tensor<1x2x2x4xf32>
      }
      %5 = fabric.kernel @"/model/layers.0/self_attn/k_proj/MatMul" mesh_gemm(%3) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 29 : i64, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x2x4xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<model.layers.0.self_attn.k_proj.weight> : tensor<8x8xf32>
        %26 = graph.constant dense<[[[1.000000e+00, 1.000000e+00], [0.540302277, 0.999949991]]]> : tensor<1x2x2xf32>
        %27 = graph.constant dense<[[[0.000000e+00, 0.000000e+00], [8.414710e-01, 0.00999983306]]]> : tensor<1x2x2xf32>
        %28 = graph.matmul %arg1, %25 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
        %29 = graph.reshape %28 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %30 = graph.transpose %29, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        %31 = graph.rotary_embedding %30, %26, %27 : (tensor<1x2x2x4xf32>, tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2x4xf32>
        fabric.yield %31 : tensor<1x2x2x4xf32>
      }
      %6 = fabric.kernel @"/model/layers.0/self_attn/v_proj/MatMul" mesh_gemm(%3) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 27 : i64, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x2x4xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<model.layers.0.self_attn.v_proj.weight> : tensor<8x8xf32>
        %26 = graph.matmul %arg1, %25 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
        %27 = graph.reshape %26 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
        %28 = graph.transpose %27, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        fabric.yield %28 : tensor<1x2x2x4xf32>
      }
      %7 = fabric.stream %4 {bytes = 64 : i64, cycles = 11 : i64} : tensor<1x2x2x4xf32>
      %8 = fabric.stream %5 {bytes = 64 : i64, cycles = 11 : i64} : tensor<1x2x2x4xf32>
      %9 = fabric.stream %6 {bytes = 64 : i64, cycles = 11 : i64} : tensor<1x2x2x4xf32>
      %10 = fabric.kernel @"/model/layers.0/self_attn/Attention" attention(%7, %8, %9) {blocks = array<i64: 1, 1, 2, 4>, buffer_bytes = 64 : i64, cycles = 74 : i64, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x2x4xf32>, %arg2: tensor<1x2x2x4xf32>, %arg3: tensor<1x2x2x4xf32>):
        %25 = graph.attention %arg1, %arg2, %arg3 {is_causal = true, scale = 5.000000e-01 : f32} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
        %26 = graph.transpose %25, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
        %27 = graph.reshape %26 : tensor<1x2x2x4xf32> -> tensor<1x2x8xf32>
        fabric.yield %27 : tensor<1x2x8xf32>
      }
      %11 = fabric.stream %10 {bytes = 64 : i64, cycles = 11 : i64} : tensor<1x2x8xf32>
      %12 = fabric.kernel @"/model/layers.0/self_attn/o_proj/MatMul" mesh_gemm(%11, %1) {blocks = array<i64: 1, 2, 2>, buffer_bytes = 24 : i64, cycles = 27 : i64, region = array<i64: 4, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>, %arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<model.layers.0.self_attn.o_proj.weight> : tensor<8x8xf32>
        %26 = graph.matmul %arg1, %25 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
        %27 = graph.add %arg2, %26 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %27 : tensor<1x2x8xf32>
      }
      %13 = fabric.stream %12 {bytes = 64 : i64, cycles = 11 : i64} : tensor<1x2x8xf32>
      %14 = fabric.kernel @"/model/layers.0/post_attention_layernorm/RMSNormalization" row_reduce(%13) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 15 : i64, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %25 = graph.constant dense<[0.979273438, 0.941896736, 1.05312514, 1.00890565, 1.15941572, 0.890452802, 1.03625023, 1.04439914]> : tensor<8xf32>
        %26 = graph.rms_norm %arg1, %25 {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %26 : tensor<1x2x8xf32>
      }
      %15 = fabric.stream %14 {bytes = 64 : i64, cycles = 13 : i64} : tensor<1x2x8xf32>
      %16 = fabric.kernel @"/model/layers.0/mlp/gate_proj/MatMul" mesh_gemm(%15) {blocks = array<i64: 1, 1, 2>, buffer_bytes = 16 : i64, cycles = 36 : i64, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x16xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<model.layers.0.mlp.gate_proj.weight> : tensor<8x16xf32>
        %26 = graph.linear %arg1, %25 activation(silu) : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
        fabric.yield %26 : tensor<1x2x16xf32>
      }
      %17 = fabric.stream %16 {bytes = 128 : i64, cycles = 24 : i64} : tensor<1x2x16xf32>
      %18 = fabric.kernel @"/model/layers.0/mlp/up_proj/MatMul" mesh_gemm(%15, %17) {blocks = array<i64: 1, 1, 2>, buffer_bytes = 16 : i64, cycles = 36 : i64, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x8xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>, %arg2: tensor<1x2x16xf32>):
        %25 = graph.constant dense_resource<model.layers.0.mlp.up_proj.weight> : tensor<8x16xf32>
        %26 = graph.matmul %arg1, %25 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
        %27 = graph.mul %arg2, %26 : (tensor<1x2x16xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32>
        fabric.yield %27 : tensor<1x2x16xf32>
      }
      %19 = fabric.stream %18 {bytes = 128 : i64, cycles = 24 : i64} : tensor<1x2x16xf32>
      %20 = fabric.kernel @"/model/layers.0/mlp/down_proj/MatMul" mesh_gemm(%19, %13) {blocks = array<i64: 1, 2, 1>, buffer_bytes = 20 : i64, cycles = 44 : i64, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x16xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x16xf32>, %arg2: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<model.layers.0.mlp.down_proj.weight> : tensor<16x8xf32>
        %26 = graph.matmul %arg1, %25 : (tensor<1x2x16xf32>, tensor<16x8xf32>) -> tensor<1x2x8xf32>
        %27 = graph.add %arg2, %26 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %27 : tensor<1x2x8xf32>
      }
      %21 = fabric.stream %20 {bytes = 64 : i64, cycles = 13 : i64} : tensor<1x2x8xf32>
      %22 = fabric.kernel @"/model/norm/RMSNormalization" row_reduce(%21) {blocks = array<i64: 1, 4>, buffer_bytes = 64 : i64, cycles = 15 : i64, region = array<i64: 2, 2>, slot = 0 : i64, weight_bytes = 0 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %25 = graph.constant dense<[0.982414305, 0.962794303, 0.993784248, 0.940338611, 0.930973649, 0.935878455, 1.07079554, 1.10204554]> : tensor<8xf32>
        %26 = graph.rms_norm %arg1, %25 {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
        fabric.yield %26 : tensor<1x2x8xf32>
      }
      %23 = fabric.stream %22 {bytes = 64 : i64, cycles = 13 : i64} : tensor<1x2x8xf32>
      %24 = fabric.kernel @"/lm_head/MatMul" mesh_gemm(%23) {blocks = array<i64: 1, 1, 2>, buffer_bytes = 16 : i64, cycles = 36 : i64, region = array<i64: 8, 2>, slot = 0 : i64, weight_bytes = 32 : i64} : (tensor<1x2x8xf32>) -> tensor<1x2x16xf32> {
      ^bb0(%arg1: tensor<1x2x8xf32>):
        %25 = graph.constant dense_resource<lm_head.weight> : tensor<8x16xf32>
        %26 = graph.matmul %arg1, %25 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
        fabric.yield %26 : tensor<1x2x16xf32>
      }
      return %24 : tensor<1x2x16xf32>
    }
  }
}

{-#

#-}

