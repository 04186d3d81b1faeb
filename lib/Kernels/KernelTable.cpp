#include "KernelTable.h"

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

namespace detail {

const VectorKernels &vectorKernels(Isa isa) {
  switch (isa) {
  case Isa::Avx512:
    return avx512::vectorKernels();
  case Isa::Avx2:
    return avx2::vectorKernels();
  case Isa::Portable:
    break;
  }
  return portable::vectorKernels();
}

const Microkernel &gemmMicrokernelF32(Isa isa) {
  switch (isa) {
  case Isa::Avx512:
    return avx512::microkernelF32();
  case Isa::Avx2:
    return avx2::microkernelF32();
  case Isa::Portable:
    break;
  }
  return portable::microkernelF32();
}

const Microkernel &gemmMicrokernelBf16(Isa isa) {
  switch (isa) {
  case Isa::Avx512:
    return avx512::microkernelBf16();
  case Isa::Avx2:
    return avx2::microkernelBf16();
  case Isa::Portable:
    break;
  }
  return portable::microkernelBf16();
}

} // namespace detail
} // namespace wafer::kernels
