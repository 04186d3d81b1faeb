// Activation functions shared by the GEMM epilogue and the elementwise kernels.
#pragma once

namespace wafer::kernels {

enum class Activation {
  None,
  Gelu,     // x * Phi(x), the exact (erf) form
  GeluTanh, // the tanh approximation used by GPT-2-style models
  Silu,     // x * sigmoid(x)
};

const char *activationName(Activation activation);

} // namespace wafer::kernels
