module attributes {graph.onnx_opset = 23 : i64, graph.producer = "wafer.models 0.1"} {
  func.func @main(%arg0: tensor<1x2xi64> {graph.name = "input_ids"}) -> (tensor<1x2x16xf32> {graph.name = "logits"}) {
    %0 = graph.constant dense<[[[0.000000e+00, 0.000000e+00], [8.414710e-01, 0.00999983306]]]> : tensor<1x2x2xf32>
    %1 = graph.constant dense<[[[1.000000e+00, 1.000000e+00], [0.540302277, 0.999949991]]]> : tensor<1x2x2xf32>
    %2 = graph.constant dense_resource<model.embed_tokens.weight> : tensor<16x8xf32>
    %3 = graph.constant dense<[0.943145037, 0.897019565, 0.895699918, 1.02684176, 1.03586721, 1.13224578, 0.998608529, 1.10418403]> : tensor<8xf32>
    %4 = graph.constant dense_resource<model.layers.0.self_attn.q_proj.weight> : tensor<8x8xf32>
    %5 = graph.constant dense_resource<model.layers.0.self_attn.k_proj.weight> : tensor<8x8xf32>
    %6 = graph.constant dense_resource<model.layers.0.self_attn.v_proj.weight> : tensor<8x8xf32>
    %7 = graph.constant dense_resource<model.layers.0.self_attn.o_proj.weight> : tensor<8x8xf32>
    %8 = graph.constant dense<[0.979273438, 0.941896736, 1.05312514, 1.00890565, 1.15941572, 0.890452802, 1.03625023, 1.04439914]> : tensor<8xf32>
    %9 = graph.constant dense_resource<model.layers.0.mlp.gate_proj.weight> : tensor<8x16xf32>
    %10 = graph.constant dense_resource<model.layers.0.mlp.up_proj.weight> : tensor<8x16xf32>
    %11 = graph.constant dense_resource<model.layers.0.mlp.down_proj.weight> : tensor<16x8xf32>
    %12 = graph.constant dense<[0.982414305, 0.962794303, 0.993784248, 0.940338611, 0.930973649, 0.935878455, 1.07079554, 1.10204554]> : tensor<8xf32>
    %13 = graph.constant dense_resource<lm_head.weight> : tensor<8x16xf32>
    %14 = graph.gather %2[%arg0] {axis = 0 : i64} : (tensor<16x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
    %15 = graph.rms_norm %14, %3 {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %16 = graph.matmul %15, %4 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %17 = graph.matmul %15, %5 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %18 = graph.matmul %15, %6 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %19 = graph.reshape %16 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %20 = graph.transpose %19, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %21 = graph.reshape %17 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %22 = graph.transpose %21, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %23 = graph.reshape %18 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %24 = graph.transpose %23, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %25 = graph.rotary_embedding %20, %1, %0 : (tensor<1x2x2x4xf32>, tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2x4xf32>
    %26 = graph.rotary_embedding %22, %1, %0 : (tensor<1x2x2x4xf32>, tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2x4xf32>
    %27 = graph.attention %25, %26, %24 {is_causal = true, scale = 5.000000e-01 : f32} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
    %28 = graph.transpose %27, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %29 = graph.reshape %28 : tensor<1x2x2x4xf32> -> tensor<1x2x8xf32>
    %30 = graph.matmul %29, %7 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %31 = graph.add %14, %30 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %32 = graph.rms_norm %31, %8 {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %33 = graph.matmul %32, %9 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    %34 = graph.sigmoid %33 : tensor<1x2x16xf32>
    %35 = graph.mul %33, %34 : (tensor<1x2x16xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32>
    %36 = graph.matmul %32, %10 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    %37 = graph.mul %35, %36 : (tensor<1x2x16xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32>
    %38 = graph.matmul %37, %11 : (tensor<1x2x16xf32>, tensor<16x8xf32>) -> tensor<1x2x8xf32>
    %39 = graph.add %31, %38 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %40 = graph.rms_norm %39, %12 {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %41 = graph.matmul %40, %13 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    return %41 : tensor<1x2x16xf32>
  }
}

{-#

#-}

