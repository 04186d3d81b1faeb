
func.func @gelu_erf_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %sqrt2 = graph.constant dense<1.4140625> : tensor<f16>
  %one = graph.constant dense<1.0> : tensor<f16>
  %half = graph.constant dense<0.5> : tensor<f16>
  %d = graph.div %x, %sqrt2 : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  %e = graph.erf %d : tensor<4xf16>
  %a = graph.add %e, %one : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  %m = graph.mul %x, %a : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %y = graph.mul %m, %half : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}

