// Portable GEMM microkernels: plain C++ the compiler may vectorize for the
// baseline target. Correct everywhere, fast nowhere in particular.
#include "KernelTable.h"

#include <cstring>

namespace wafer::kernels::detail::portable {
namespace {

constexpr size_t kMR = 4;
constexpr size_t kNR = 16;

void storeTile(const float (&acc)[kMR][kNR], float *c, size_t ldc,
               bool accumulate) {
  for (size_t r = 0; r < kMR; ++r)
    for (size_t j = 0; j < kNR; ++j)
      c[r * ldc + j] = accumulate ? c[r * ldc + j] + acc[r][j] : acc[r][j];
}

void microkernelF32Impl(size_t kSteps, const void *aPanel, const void *bPanel,
                        float *c, size_t ldc, bool accumulate,
                        const void * /*prefetchB*/) {
  const float *a = static_cast<const float *>(aPanel);
  const float *b = static_cast<const float *>(bPanel);
  float acc[kMR][kNR] = {};
  for (size_t k = 0; k < kSteps; ++k, a += kMR, b += kNR)
    for (size_t r = 0; r < kMR; ++r)
      for (size_t j = 0; j < kNR; ++j)
        acc[r][j] += a[r] * b[j];
  storeTile(acc, c, ldc, accumulate);
}

float lowHalf(uint32_t pair) {
  const uint32_t bits = pair << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}
float highHalf(uint32_t pair) {
  const uint32_t bits = pair & 0xffff0000u;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

void microkernelBf16Impl(size_t kSteps, const void *aPanel, const void *bPanel,
                         float *c, size_t ldc, bool accumulate,
                        const void * /*prefetchB*/) {
  const uint32_t *a = static_cast<const uint32_t *>(aPanel);
  const uint32_t *b = static_cast<const uint32_t *>(bPanel);
  float acc[kMR][kNR] = {};
  for (size_t k = 0; k < kSteps; ++k, a += kMR, b += kNR)
    for (size_t r = 0; r < kMR; ++r) {
      const float alo = lowHalf(a[r]), ahi = highHalf(a[r]);
      for (size_t j = 0; j < kNR; ++j)
        acc[r][j] += alo * lowHalf(b[j]) + ahi * highHalf(b[j]);
    }
  storeTile(acc, c, ldc, accumulate);
}

} // namespace

const Microkernel &microkernelF32() {
  static const Microkernel kernel{kMR, kNR, microkernelF32Impl};
  return kernel;
}

const Microkernel &microkernelBf16() {
  static const Microkernel kernel{kMR, kNR, microkernelBf16Impl};
  return kernel;
}

} // namespace wafer::kernels::detail::portable
