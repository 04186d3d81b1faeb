module attributes {graph.onnx_opset = 23 : i64, graph.producer = "wafer.models 0.1"} {
  func.func @main(%arg0: tensor<1x2xi64> {graph.name = "input_ids"}) -> (tensor<1x2x16xf32> {graph.name = "logits"}) {
    %0 = graph.constant dense_resource<wte.weight> : tensor<16x8xf32>
    %1 = graph.constant dense_resource<wpe.weight> : tensor<4x8xf32>
    %2 = graph.constant dense<[1.05130517, 0.970241606, 0.946999132, 0.97638452, 1.18164754, 0.995019912, 1.00866199, 0.851292729]> : tensor<8xf32>
    %3 = graph.constant dense<[0.164733902, 0.0917487964, 0.106693484, 0.00476727309, 0.0916654765, 0.0370946825, 0.0613189079, -0.0152192954]> : tensor<8xf32>
    %4 = graph.constant dense_resource<h.0.attn.c_attn.weight> : tensor<8x24xf32>
    %5 = graph.constant dense_resource<h.0.attn.c_attn.bias> : tensor<24xf32>
    %6 = graph.constant dense_resource<h.0.attn.c_proj.weight> : tensor<8x8xf32>
    %7 = graph.constant dense<[-0.0445866175, 0.0586225614, -0.00422607455, 0.0393472202, -0.0648681894, -0.0969084054, -0.052454561, 0.0573313497]> : tensor<8xf32>
    %8 = graph.constant dense<[1.10680771, 1.03320384, 0.919782996, 0.98691976, 0.970223963, 0.965502679, 0.749393045, 0.914207339]> : tensor<8xf32>
    %9 = graph.constant dense<[-0.0190108884, 0.151642784, 0.0160743054, 0.140088826, -0.0393706895, -0.0252688583, -0.389942169, 0.0463330336]> : tensor<8xf32>
    %10 = graph.constant dense_resource<h.0.mlp.c_fc.weight> : tensor<8x16xf32>
    %11 = graph.constant dense<[-0.0671544299, -0.0215255991, 0.0130675426, -8.95840814E-4, -0.00959966145, -0.0332938023, -0.0129191549, -0.0387098901, -0.121091649, -0.0597254224, 0.0237826463, 0.0778538957, 0.0906790122, 0.00483758701, 0.0446691811, 0.0453988947]> : tensor<16xf32>
    %12 = graph.constant dense_resource<h.0.mlp.c_proj.weight> : tensor<16x8xf32>
    %13 = graph.constant dense<[0.0687722638, -0.0907436162, 8.693010e-02, 0.0634407625, 2.865330e-02, 0.119179614, 0.0102489302, 0.0410739444]> : tensor<8xf32>
    %14 = graph.constant dense<[0.926158607, 1.11343575, 1.01678264, 0.954879999, 1.21169388, 0.969520032, 1.00088608, 0.980271995]> : tensor<8xf32>
    %15 = graph.constant dense<[-0.075567089, 0.0531272404, 0.0738409609, 0.0354372524, -0.236057833, 0.100799702, -0.0350238346, -0.121632338]> : tensor<8xf32>
    %16 = graph.constant dense_resource<lm_head.weight> : tensor<8x16xf32>
    %17 = graph.constant dense<[[0, 1]]> : tensor<1x2xi64>
    %18 = graph.gather %0[%arg0] {axis = 0 : i64} : (tensor<16x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
    %19 = graph.gather %1[%17] {axis = 0 : i64} : (tensor<4x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
    %20 = graph.add %18, %19 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %21 = graph.layer_norm %20, %2, %3 {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %22 = graph.matmul %21, %4 : (tensor<1x2x8xf32>, tensor<8x24xf32>) -> tensor<1x2x24xf32>
    %23 = graph.add %22, %5 : (tensor<1x2x24xf32>, tensor<24xf32>) -> tensor<1x2x24xf32>
    %24:3 = graph.split %23 {axis = 2 : i64} : tensor<1x2x24xf32> -> tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>
    %25 = graph.reshape %24#0 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %26 = graph.transpose %25, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %27 = graph.reshape %24#1 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %28 = graph.transpose %27, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %29 = graph.reshape %24#2 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %30 = graph.transpose %29, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %31 = graph.attention %26, %28, %30 {is_causal = true, scale = 5.000000e-01 : f32} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
    %32 = graph.transpose %31, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %33 = graph.reshape %32 : tensor<1x2x2x4xf32> -> tensor<1x2x8xf32>
    %34 = graph.matmul %33, %6 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %35 = graph.add %34, %7 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %36 = graph.add %35, %20 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %37 = graph.layer_norm %36, %8, %9 {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %38 = graph.matmul %37, %10 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    %39 = graph.add %38, %11 : (tensor<1x2x16xf32>, tensor<16xf32>) -> tensor<1x2x16xf32>
    %40 = graph.gelu %39 approximate(tanh) : tensor<1x2x16xf32>
    %41 = graph.matmul %40, %12 : (tensor<1x2x16xf32>, tensor<16x8xf32>) -> tensor<1x2x8xf32>
    %42 = graph.add %41, %13 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %43 = graph.add %36, %42 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %44 = graph.layer_norm %43, %14, %15 {axis = 2 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %45 = graph.matmul %44, %16 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    return %45 : tensor<1x2x16xf32>
  }
}

{-#

#-}

