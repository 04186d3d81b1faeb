#include "wafer/Kernels/Activation.h"

namespace wafer::kernels {

const char *activationName(Activation activation) {
  switch (activation) {
  case Activation::None:
    return "none";
  case Activation::Gelu:
    return "gelu";
  case Activation::GeluTanh:
    return "gelu_tanh";
  case Activation::Silu:
    return "silu";
  }
  return "unknown";
}

} // namespace wafer::kernels
