module attributes {graph.onnx_opset = 23 : i64, graph.producer = "wafer.models 0.1"} {
  func.func @main(%arg0: tensor<1x2xi64> {graph.name = "input_ids"}, %arg1: tensor<1x2xi64> {graph.name = "attention_mask"}) -> (tensor<1x2x8xf32> {graph.name = "last_hidden_state"}) {
    %0 = graph.constant dense<[[[0.102610424, -0.0595168062, -0.106001683, -0.0472309254, 0.363295197, -0.00996019411, 0.0173238534, -0.297414571], [0.102610424, -0.0595168062, -0.106001683, -0.0472309254, 0.363295197, -0.00996019411, 0.0173238534, -0.297414571]]]> : tensor<1x2x8xf32>
    %1 = graph.constant dense<[[0, 1]]> : tensor<1x2xi64>
    %2 = graph.constant dense<-3.40282347E+38> : tensor<f32>
    %3 = graph.constant dense<1.000000e+00> : tensor<f32>
    %4 = graph.constant dense_resource<embeddings.word_embeddings.weight> : tensor<16x8xf32>
    %5 = graph.constant dense_resource<embeddings.position_embeddings.weight> : tensor<4x8xf32>
    %6 = graph.constant dense<[0.852611184, 1.10288548, 8.065040e-01, 0.976006329, 0.979547739, 0.895713984, 1.06131232, 0.979967057]> : tensor<8xf32>
    %7 = graph.constant dense<[-0.0436868332, 0.0519841723, -0.0476579033, 1.388980e-01, 0.0351455063, -0.0474332981, -0.194426492, -0.130775318]> : tensor<8xf32>
    %8 = graph.constant dense_resource<encoder.layer.0.attention.self.query.weight> : tensor<8x8xf32>
    %9 = graph.constant dense<[-0.0333843641, 8.162200e-03, -0.0415375978, 0.1172904, -0.0352069773, -0.0226537213, -0.0532919019, -0.0173060633]> : tensor<8xf32>
    %10 = graph.constant dense_resource<encoder.layer.0.attention.self.key.weight> : tensor<8x8xf32>
    %11 = graph.constant dense<[0.00337846042, -0.0145641454, 0.0147021068, -0.075488627, 0.0322095267, -0.011496624, 0.0179304034, -0.0170155056]> : tensor<8xf32>
    %12 = graph.constant dense_resource<encoder.layer.0.attention.self.value.weight> : tensor<8x8xf32>
    %13 = graph.constant dense<[-0.0180220082, 0.0291767064, -0.0719261318, 0.105940148, -0.0671022236, 0.0459903628, -0.0560561344, 0.0575441532]> : tensor<8xf32>
    %14 = graph.constant dense_resource<encoder.layer.0.attention.output.dense.weight> : tensor<8x8xf32>
    %15 = graph.constant dense<[-0.00950544421, 0.0758213922, 0.0080371527, 0.0700444132, -0.0196853448, -0.0126344291, -0.194971085, 0.0231665168]> : tensor<8xf32>
    %16 = graph.constant dense<[1.05470955, 1.17637587, 0.951323866, 1.00941539, 0.929447233, 0.882374286, 0.928689181, 0.965500175]> : tensor<8xf32>
    %17 = graph.constant dense<[0.135543808, 2.21160255E-4, -0.0790544822, 0.014187783, 0.0217571352, -0.0676232055, 0.114323363, -0.188834891]> : tensor<8xf32>
    %18 = graph.constant dense_resource<encoder.layer.0.intermediate.dense.weight> : tensor<8x16xf32>
    %19 = graph.constant dense<[-0.0346129574, -0.0848969891, 0.00154436601, -0.088110052, -0.0159964804, 0.0304058548, -0.0710034743, 0.00161476922, 0.0620009042, 0.0180756245, 0.0261160843, 0.0453370214, 0.0866481513, 0.00757115427, 0.0614750423, -0.00320846075]> : tensor<16xf32>
    %20 = graph.constant dense_resource<encoder.layer.0.output.dense.weight> : tensor<16x8xf32>
    %21 = graph.constant dense<[-0.0377835445, 0.0265636202, 0.0369204804, 0.0177186262, -0.118028916, 0.0503998511, -0.0175119173, -0.0608161688]> : tensor<8xf32>
    %22 = graph.constant dense<[1.06032813, 1.0562849, 0.895692646, 1.24724352, 0.87903732, 0.826699733, 0.884582877, 1.142080e+00]> : tensor<8xf32>
    %23 = graph.constant dense<[-0.0175856724, -0.03720567, -0.00621577213, -0.0596613921, -0.0690263435, -0.0641215518, 0.0707955509, 0.102045588]> : tensor<8xf32>
    %24 = graph.reshape %arg1 : tensor<1x2xi64> -> tensor<1x1x1x2xi64>
    %25 = graph.cast %24 : tensor<1x1x1x2xi64> -> tensor<1x1x1x2xf32>
    %26 = graph.sub %3, %25 : (tensor<f32>, tensor<1x1x1x2xf32>) -> tensor<1x1x1x2xf32>
    %27 = graph.mul %26, %2 : (tensor<1x1x1x2xf32>, tensor<f32>) -> tensor<1x1x1x2xf32>
    %28 = graph.expand %27 : tensor<1x1x1x2xf32> -> tensor<1x1x2x2xf32>
    %29 = graph.gather %4[%arg0] {axis = 0 : i64} : (tensor<16x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
    %30 = graph.add %29, %0 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %31 = graph.gather %5[%1] {axis = 0 : i64} : (tensor<4x8xf32>, tensor<1x2xi64>) -> tensor<1x2x8xf32>
    %32 = graph.add %30, %31 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %33 = graph.layer_norm %32, %6, %7 {axis = 2 : i64, epsilon = 9.99999996E-13 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %34 = graph.matmul %33, %8 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %35 = graph.add %34, %9 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %36 = graph.matmul %33, %10 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %37 = graph.add %36, %11 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %38 = graph.matmul %33, %12 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %39 = graph.add %38, %13 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %40 = graph.reshape %35 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %41 = graph.transpose %40, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %42 = graph.reshape %37 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %43 = graph.transpose %42, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %44 = graph.reshape %39 : tensor<1x2x8xf32> -> tensor<1x2x2x4xf32>
    %45 = graph.transpose %44, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %46 = graph.attention %41, %43, %45, %28 {scale = 5.000000e-01 : f32} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x2x2x4xf32>
    %47 = graph.transpose %46, [0, 2, 1, 3] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
    %48 = graph.reshape %47 : tensor<1x2x2x4xf32> -> tensor<1x2x8xf32>
    %49 = graph.matmul %48, %14 : (tensor<1x2x8xf32>, tensor<8x8xf32>) -> tensor<1x2x8xf32>
    %50 = graph.add %49, %15 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %51 = graph.add %50, %33 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %52 = graph.layer_norm %51, %16, %17 {axis = 2 : i64, epsilon = 9.99999996E-13 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %53 = graph.matmul %52, %18 : (tensor<1x2x8xf32>, tensor<8x16xf32>) -> tensor<1x2x16xf32>
    %54 = graph.add %53, %19 : (tensor<1x2x16xf32>, tensor<16xf32>) -> tensor<1x2x16xf32>
    %55 = graph.gelu %54 : tensor<1x2x16xf32>
    %56 = graph.matmul %55, %20 : (tensor<1x2x16xf32>, tensor<16x8xf32>) -> tensor<1x2x8xf32>
    %57 = graph.add %56, %21 : (tensor<1x2x8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    %58 = graph.add %57, %52 : (tensor<1x2x8xf32>, tensor<1x2x8xf32>) -> tensor<1x2x8xf32>
    %59 = graph.layer_norm %58, %22, %23 {axis = 2 : i64, epsilon = 9.99999996E-13 : f32} : (tensor<1x2x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x2x8xf32>
    return %59 : tensor<1x2x8xf32>
  }
}

{-#

#-}

