#include "KernelTable.h"

namespace wafer::kernels::detail {

// Without the x86 files only the portable path is linked; isIsaSupported()
// never reports the others there, so these branches are unreachable.
#ifdef WAFER_KERNELS_X86
#define WAFER_X86_OR_PORTABLE(ns, fn) ns::fn()
#else
#define WAFER_X86_OR_PORTABLE(ns, fn) portable::fn()
#endif

const VectorKernels &vectorKernels(Isa isa) {
  switch (isa) {
  case Isa::Avx512:
    return WAFER_X86_OR_PORTABLE(avx512, vectorKernels);
  case Isa::Avx2:
    return WAFER_X86_OR_PORTABLE(avx2, vectorKernels);
  case Isa::Portable:
    break;
  }
  return portable::vectorKernels();
}

const Microkernel &gemmMicrokernelF32(Isa isa) {
  switch (isa) {
  case Isa::Avx512:
    return WAFER_X86_OR_PORTABLE(avx512, microkernelF32);
  case Isa::Avx2:
    return WAFER_X86_OR_PORTABLE(avx2, microkernelF32);
  case Isa::Portable:
    break;
  }
  return portable::microkernelF32();
}

const Microkernel &gemmMicrokernelBf16(Isa isa) {
  switch (isa) {
  case Isa::Avx512:
    return WAFER_X86_OR_PORTABLE(avx512, microkernelBf16);
  case Isa::Avx2:
    return WAFER_X86_OR_PORTABLE(avx2, microkernelBf16);
  case Isa::Portable:
    break;
  }
  return portable::microkernelBf16();
}

} // namespace wafer::kernels::detail
