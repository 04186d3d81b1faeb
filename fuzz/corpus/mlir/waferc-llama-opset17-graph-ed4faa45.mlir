module attributes {graph.onnx_opset = 17 : i64, graph.producer = "wafer.models 0.1"} {
  func.func @main(%arg0: tensor<1x2xi64> {graph.name = "input_ids"}) -> (tensor<1x2x16xf32> {graph.name = "logits"}) {
    %0 = graph.constant dense<5.000000e-01> : tensor<f32>
    %1 = graph.constant dense<9.99999997E-7> : tensor<f32>
    %2 = graph.constant dense<2.000000e+00> : tensor<f32>
    %3 = graph.constant dense<[[[[0.000000e+00, -3.40282347E+38], [0.000000e+00, 0.000000e+00]]]]> : tensor<1x1x2x2xf32>
    %4 = graph.constant dense<[[[[0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [8.414710e-01, 0.00999983306, 8.414710e-01, 0.00999983306]]]]> : tensor<1x1x2x4xf32>
    %5 = graph.constant dense<[[[[1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00], [0.540302277, 0.999949991, 0.540302277, 0.999949991]]]]> : tensor<1x1x2x4xf32>
    %6 = graph.constant dense_resource<model.embed_tokens.weight> : tensor<16x8xf32>
    %7 = graph.constant dense<[0.943145037, 0.897019565, 0.895699918, 1.02684176, 1.03586721, 1.13224578, 0.998608529, 1.10418403]> : tensor<8xf32>
    %8 = graph.constant dense_resource<model.layers.0.self_attn.q_proj.weight> : tensor<8x8xf32>
    %9 = graph.constant dense_resource<model.layers.0.self_attn.k_proj.weight> : tensor<8x8xf32>
    %10 = graph.constant dense_resource<model.layers.0.self_attn.v_proj.weight> : tensor<8x8xf32>
    %11 = graph.constant dense_resource<model.layers.0.self_attn.o_proj.weight> : tensor<8x8xf32>
    %12 = graph.constant dense<[0.979273438, 0.941896736, 1.05312514, 1.00890565, 1.15941572, 0.890452802, 1.03625023, 1.04439914]> : tensor<8xf32>
    %13 = graph.constant dense_resource<model.layers.0.mlp.gate_proj.weight> : tensor<8x16xf32>
    %14 = graph.constant dense_resource<model.layers.0.mlp.up_proj.weight> : tensor<8x16xf32>
    %15 = graph.constant dense_resource<model.layers.0.mlp.down_proj.weight> : tensor<16x8xf32>
    %16 = graph.constant dense<[0.982414305, 0.962794303, 0.993784248, 0.940338611, 0.930973649, 0.935878455, 1.07079554, 1.10204554]> : tensor<8xf32>
    %17 = graph.constant dense_resource<lm_head.weight> : tensor<8x16xf32>
    %18 = graph.gather %6[%arg0] {axis = 0 : i64} : (tensor<16x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
    %19 = graph.pow %18, %2 : (tensor<1x2x8xf32>, tensor<f32>) -> tensor<1x2x8xf32>
    %20 = graph.reduce_mean %19, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %21 = graph.add %20, %1 : (tensor<1x2x1xf32>, tensor<f32>) -> tensor<1x2x1xf32>
    %22 = graph.sqrt %21 : tensor<1x2x1xf32>
    %23 = graph.reciprocal %22 : tensor<1x2x1xf32>
    %24 = graph.mul %18, %23 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %25 = graph.mul %24, %7 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %26 = graph.matmul %25, %8 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %27 = graph.matmul %25, %9 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %28 = graph.matmul %25, %10 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %29 = graph.reshape %26 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %30 = graph.transpose %29, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %31 = graph.reshape %27 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %32 = graph.transpose %31, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %33 = graph.reshape %28 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %34 = graph.transpose %33, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %35 = graph.mul %30, %5 : (tensor<1x2x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x2x2x4xf32>
    %36 = graph.slice %30 {starts = array<i64: 0, 0, 0, 0>, steps = array<i64: 1, 1, 1, 1>} : tensor<1x2x2x4xf32> -> tensor<1x2x2x2xf32>
    %37 = graph.slice %30 {starts = array<i64: 0, 0, 0, 2>, steps = array<i64: 1, 1, 1, 1>} : tensor<1x2x2x4xf32> -> tensor<1x2x2x2xf32>
    %38 = graph.neg %37 : tensor<1x2x2x2xf32>
    %39 = graph.concat %38, %36 {axis = 3 : i64} : (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) -> tensor<1x2x2x4xf32>
    %40 = graph.mul %39, %4 : (tensor<1x2x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x2x2x4xf32>
    %41 = graph.add %35, %40 : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
    %42 = graph.mul %32, %5 : (tensor<1x2x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x2x2x4xf32>
    %43 = graph.slice %32 {starts = array<i64: 0, 0, 0, 0>, steps = array<i64: 1, 1, 1, 1>} : tensor<1x2x2x4xf32> -> tensor<1x2x2x2xf32>
    %44 = graph.slice %32 {starts = array<i64: 0, 0, 0, 2>, steps = array<i64: 1, 1, 1, 1>} : tensor<1x2x2x4xf32> -> tensor<1x2x2x2xf32>
    %45 = graph.neg %44 : tensor<1x2x2x2xf32>
    %46 = graph.concat %45, %43 {axis = 3 : i64} : (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) -> tensor<1x2x2x4xf32>
    %47 = graph.mul %46, %4 : (tensor<1x2x2x4xf32>, tensor<1x1x2x4xf32>) -> tensor<1x2x2x4xf32>
    %48 = graph.add %42, %47 : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
    %49 = graph.transpose %48, [0, 1, 3, 2] : tensor<1x2x2x4xf32> -> tensor<1x2x4x2xf32>
    %50 = graph.matmul %41, %49 : (tensor<1x2x2x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x2x2xf32>
    %51 = graph.mul %50, %0 : (tensor<1x2x2x2xf32>, tensor<f32>) -> tensor<1x2x2x2xf32>
    %52 = graph.add %51, %3 : (tensor<1x2x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x2x2x2xf32>
    %53 = graph.softmax %52 {axis = 3 : i64} : tensor<1x2x2x2xf32>
    %54 = graph.matmul %53, %34 : (tensor<1x2x2x2xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
    %55 = graph.transpose %54, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %56 = graph.reshape %55 : tensor<1x2x2x4xf32> -> tensor<1x2x8xf32>
    %57 = graph.matmul %56, %11 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %58 = graph.add %18, %57 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %59 = graph.pow %58, %2 : (tensor<1x2x8xf32>, tensor<f32>) -> tensor<1x2x8xf32>
    %60 = graph.reduce_mean %59, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %61 = graph.add %60, %1 : (tensor<1x2x1xf32>, tensor<f32>) -> tensor<1x2x1xf32>
    %62 = graph.sqrt %61 : tensor<1x2x1xf32>
    %63 = graph.reciprocal %62 : tensor<1x2x1xf32>
    %64 = graph.mul %58, %63 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %65 = graph.mul %64, %12 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %66 = graph.matmul %65, %13 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    %67 = graph.sigmoid %66 : tensor<1x2x16xf32>
    %68 = graph.mul %66, %67 : (tensor<1x2x16xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32>
    %69 = graph.matmul %65, %14 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    %70 = graph.mul %68, %69 : (tensor<1x2x16xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32>
    %71 = graph.matmul %70, %15 : (tensor<1x2x16xf32>, tensor<16x8xf32>) -> tensor<1x2x8xf32>
    %72 = graph.add %58, %71 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %73 = graph.pow %72, %2 : (tensor<1x2x8xf32>, tensor<f32>) -> tensor<1x2x8xf32>
    %74 = graph.reduce_mean %73, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %75 = graph.add %74, %1 : (tensor<1x2x1xf32>, tensor<f32>) -> tensor<1x2x1xf32>
    %76 = graph.sqrt %75 : tensor<1x2x1xf32>
    %77 = graph.reciprocal %76 : tensor<1x2x1xf32>
    %78 = graph.mul %72, %77 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %79 = graph.mul %78, %16 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %80 = graph.matmul %79, %17 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    return %80 : tensor<1x2x16xf32>
  }
}

{-#

#-}

