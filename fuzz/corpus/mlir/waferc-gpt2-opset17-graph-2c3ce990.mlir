module attributes {graph.onnx_opset = 17 : i64, graph.producer = "wafer.models 0.1"} {
  func.func @main(%arg0: tensor<1x2xi64> {graph.name = "input_ids"}) -> (tensor<1x2x16xf32> {graph.name = "logits"}) {
    %0 = graph.constant dense<1.000000e+00> : tensor<f32>
    %1 = graph.constant dense<0.797884583> : tensor<f32>
    %2 = graph.constant dense<4.471500e-02> : tensor<f32>
    %3 = graph.constant dense<3.000000e+00> : tensor<f32>
    %4 = graph.constant dense<5.000000e-01> : tensor<f32>
    %5 = graph.constant dense<-3.40282347E+38> : tensor<f32>
    %6 = graph.constant dense<[[[[true, false], [true, true]]]]> : tensor<1x1x2x2xi1>
    %7 = graph.constant dense<9.99999974E-6> : tensor<f32>
    %8 = graph.constant dense<2.000000e+00> : tensor<f32>
    %9 = graph.constant dense_resource<wte.weight> : tensor<16x8xf32>
    %10 = graph.constant dense_resource<wpe.weight> : tensor<4x8xf32>
    %11 = graph.constant dense<[1.05130517, 0.970241606, 0.946999132, 0.97638452, 1.18164754, 0.995019912, 1.00866199, 0.851292729]> : tensor<8xf32>
    %12 = graph.constant dense<[0.164733902, 0.0917487964, 0.106693484, 0.00476727309, 0.0916654765, 0.0370946825, 0.0613189079, -0.0152192954]> : tensor<8xf32>
    %13 = graph.constant dense_resource<h.0.attn.c_attn.weight> : tensor<8x24xf32>
    %14 = graph.constant dense_resource<h.0.attn.c_attn.bias> : tensor<24xf32>
    %15 = graph.constant dense_resource<h.0.attn.c_proj.weight> : tensor<8x8xf32>
    %16 = graph.constant dense<[-0.0445866175, 0.0586225614, -0.00422607455, 0.0393472202, -0.0648681894, -0.0969084054, -0.052454561, 0.0573313497]> : tensor<8xf32>
    %17 = graph.constant dense<[1.10680771, 1.03320384, 0.919782996, 0.98691976, 0.970223963, 0.965502679, 0.749393045, 0.914207339]> : tensor<8xf32>
    %18 = graph.constant dense<[-0.0190108884, 0.151642784, 0.0160743054, 0.140088826, -0.0393706895, -0.0252688583, -0.389942169, 0.0463330336]> : tensor<8xf32>
    %19 = graph.constant dense_resource<h.0.mlp.c_fc.weight> : tensor<8x16xf32>
    %20 = graph.constant dense<[-0.0671544299, -0.0215255991, 0.0130675426, -8.95840814E-4, -0.00959966145, -0.0332938023, -0.0129191549, -0.0387098901, -0.121091649, -0.0597254224, 0.0237826463, 0.0778538957, 0.0906790122, 0.00483758701, 0.0446691811, 0.0453988947]> : tensor<16xf32>
    %21 = graph.constant dense_resource<h.0.mlp.c_proj.weight> : tensor<16x8xf32>
    %22 = graph.constant dense<[0.0687722638, -0.0907436162, 8.693010e-02, 0.0634407625, 2.865330e-02, 0.119179614, 0.0102489302, 0.0410739444]> : tensor<8xf32>
    %23 = graph.constant dense<[0.926158607, 1.11343575, 1.01678264, 0.954879999, 1.21169388, 0.969520032, 1.00088608, 0.980271995]> : tensor<8xf32>
    %24 = graph.constant dense<[-0.075567089, 0.0531272404, 0.0738409609, 0.0354372524, -0.236057833, 0.100799702, -0.0350238346, -0.121632338]> : tensor<8xf32>
    %25 = graph.constant dense_resource<lm_head.weight> : tensor<8x16xf32>
    %26 = graph.constant dense<[[0, 1]]> : tensor<1x2xi64>
    %27 = graph.gather %9[%arg0] {axis = 0 : i64} : (tensor<16x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
    %28 = graph.gather %10[%26] {axis = 0 : i64} : (tensor<4x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
    %29 = graph.add %27, %28 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %30 = graph.reduce_mean %29, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %31 = graph.sub %29, %30 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %32 = graph.pow %31, %8 : (tensor<1x2x8xf32>, tensor<f32>) -> tensor<1x2x8xf32>
    %33 = graph.reduce_mean %32, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %34 = graph.add %33, %7 : (tensor<1x2x1xf32>, tensor<f32>) -> tensor<1x2x1xf32>
    %35 = graph.sqrt %34 : tensor<1x2x1xf32>
    %36 = graph.div %31, %35 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %37 = graph.mul %36, %11 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %38 = graph.add %37, %12 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %39 = graph.matmul %38, %13 : (tensor<1x2x8xf32>, tensor<8x24xf32>) -> tensor<1x2x24xf32>
    %40 = graph.add %39, %14 : (tensor<1x2x24xf32>, tensor<24xf32>) -> tensor<1x2x24xf32>
    %41:3 = graph.split %40 {axis = 2 : i64} : tensor<1x2x24xf32> -> tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>
    %42 = graph.reshape %41#0 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %43 = graph.transpose %42, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %44 = graph.reshape %41#1 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %45 = graph.transpose %44, [0, 2, 3, 1] : tensor<1x2x2x4xf32> -> tensor<1x2x4x2xf32>
    %46 = graph.reshape %41#2 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %47 = graph.transpose %46, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %48 = graph.matmul %43, %45 : (tensor<1x2x2x4xf32>, tensor<1x2x4x2xf32>) -> tensor<1x2x2x2xf32>
    %49 = graph.div %48, %8 : (tensor<1x2x2x2xf32>, tensor<f32>) -> tensor<1x2x2x2xf32>
    %50 = graph.where %6, %49, %5 : (tensor<1x1x2x2xi1>, tensor<1x2x2x2xf32>, tensor<f32>) -> tensor<1x2x2x2xf32>
    %51 = graph.softmax %50 {axis = 3 : i64} : tensor<1x2x2x2xf32>
    %52 = graph.matmul %51, %47 : (tensor<1x2x2x2xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
    %53 = graph.transpose %52, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %54 = graph.reshape %53 : tensor<1x2x2x4xf32> -> tensor<1x2x8xf32>
    %55 = graph.matmul %54, %15 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %56 = graph.add %55, %16 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %57 = graph.add %56, %29 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %58 = graph.reduce_mean %57, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %59 = graph.sub %57, %58 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %60 = graph.pow %59, %8 : (tensor<1x2x8xf32>, tensor<f32>) -> tensor<1x2x8xf32>
    %61 = graph.reduce_mean %60, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %62 = graph.add %61, %7 : (tensor<1x2x1xf32>, tensor<f32>) -> tensor<1x2x1xf32>
    %63 = graph.sqrt %62 : tensor<1x2x1xf32>
    %64 = graph.div %59, %63 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %65 = graph.mul %64, %17 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %66 = graph.add %65, %18 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %67 = graph.matmul %66, %19 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    %68 = graph.add %67, %20 : (tensor<1x2x16xf32>, tensor<16xf32>) -> tensor<1x2x16xf32>
    %69 = graph.mul %68, %4 : (tensor<1x2x16xf32>, tensor<f32>) -> tensor<1x2x16xf32>
    %70 = graph.pow %68, %3 : (tensor<1x2x16xf32>, tensor<f32>) -> tensor<1x2x16xf32>
    %71 = graph.mul %70, %2 : (tensor<1x2x16xf32>, tensor<f32>) -> tensor<1x2x16xf32>
    %72 = graph.add %68, %71 : (tensor<1x2x16xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32>
    %73 = graph.mul %72, %1 : (tensor<1x2x16xf32>, tensor<f32>) -> tensor<1x2x16xf32>
    %74 = graph.tanh %73 : tensor<1x2x16xf32>
    %75 = graph.add %74, %0 : (tensor<1x2x16xf32>, tensor<f32>) -> tensor<1x2x16xf32>
    %76 = graph.mul %69, %75 : (tensor<1x2x16xf32>, tensor<1x2x16xf32>) -> tensor<1x2x16xf32>
    %77 = graph.matmul %76, %21 : (tensor<1x2x16xf32>, tensor<16x8xf32>) -> tensor<1x2x8xf32>
    %78 = graph.add %77, %22 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %79 = graph.add %57, %78 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %80 = graph.reduce_mean %79, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %81 = graph.sub %79, %80 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %82 = graph.pow %81, %8 : (tensor<1x2x8xf32>, tensor<f32>) -> tensor<1x2x8xf32>
    %83 = graph.reduce_mean %82, [2] : tensor<1x2x8xf32> -> tensor<1x2x1xf32>
    %84 = graph.add %83, %7 : (tensor<1x2x1xf32>, tensor<f32>) -> tensor<1x2x1xf32>
    %85 = graph.sqrt %84 : tensor<1x2x1xf32>
    %86 = graph.div %81, %85 : (tensor<1x2x8xf32>, tensor<1x2x1xf32>) -> tensor<1x2x8xf32>
    %87 = graph.mul %86, %23 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %88 = graph.add %87, %24 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %89 = graph.matmul %88, %25 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    return %89 : tensor<1x2x16xf32>
  }
}

{-#

#-}

