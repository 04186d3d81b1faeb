// AVX2 + FMA GEMM microkernels (compiled with -mavx2 -mfma).
//
// fp32: 6 x 16 = 12 ymm accumulators + 2 B + 1 broadcast of the 16 registers.
// bf16: 4 x 16, since each pair widens into two registers (no native bf16
// arithmetic before AVX-512 BF16).
#include "KernelTable.h"

#include <immintrin.h>

namespace wafer::kernels::detail::avx2 {
namespace {

constexpr size_t kNR = 16;

template <int MR>
inline void storeTile(__m256 (&acc)[MR][2], float *c, size_t ldc,
                      bool accumulate) {
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
    float *row = c + r * ldc;
    if (accumulate) {
      acc[r][0] = _mm256_add_ps(acc[r][0], _mm256_loadu_ps(row));
      acc[r][1] = _mm256_add_ps(acc[r][1], _mm256_loadu_ps(row + 8));
    }
    _mm256_storeu_ps(row, acc[r][0]);
    _mm256_storeu_ps(row + 8, acc[r][1]);
  }
}

void microkernelF32Impl(size_t kSteps, const void *aPanel, const void *bPanel,
                        float *c, size_t ldc, bool accumulate,
                        const void * /*prefetchB*/) {
  constexpr int MR = 6;
  const float *a = static_cast<const float *>(aPanel);
  const float *b = static_cast<const float *>(bPanel);
  __m256 acc[MR][2];
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
    acc[r][0] = _mm256_setzero_ps();
    acc[r][1] = _mm256_setzero_ps();
  }
#pragma GCC unroll 4
  for (size_t k = 0; k < kSteps; ++k) {
    const __m256 b0 = _mm256_load_ps(b);
    const __m256 b1 = _mm256_load_ps(b + 8);
#pragma GCC unroll 8
    for (int r = 0; r < MR; ++r) {
      const __m256 av = _mm256_broadcast_ss(a + r);
      acc[r][0] = _mm256_fmadd_ps(av, b0, acc[r][0]);
      acc[r][1] = _mm256_fmadd_ps(av, b1, acc[r][1]);
    }
    a += MR;
    b += kNR;
  }
  storeTile<MR>(acc, c, ldc, accumulate);
}

void microkernelBf16Impl(size_t kSteps, const void *aPanel, const void *bPanel,
                         float *c, size_t ldc, bool accumulate,
                        const void * /*prefetchB*/) {
  constexpr int MR = 4;
  const uint32_t *a = static_cast<const uint32_t *>(aPanel);
  const uint32_t *b = static_cast<const uint32_t *>(bPanel);
  const __m256i highMask = _mm256_set1_epi32(static_cast<int>(0xffff0000u));
  __m256 acc[MR][2];
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
    acc[r][0] = _mm256_setzero_ps();
    acc[r][1] = _mm256_setzero_ps();
  }
  for (size_t k = 0; k < kSteps; ++k) {
    const __m256i w0 = _mm256_load_si256(reinterpret_cast<const __m256i *>(b));
    const __m256i w1 =
        _mm256_load_si256(reinterpret_cast<const __m256i *>(b + 8));
    const __m256 b0lo = _mm256_castsi256_ps(_mm256_slli_epi32(w0, 16));
    const __m256 b0hi = _mm256_castsi256_ps(_mm256_and_si256(w0, highMask));
    const __m256 b1lo = _mm256_castsi256_ps(_mm256_slli_epi32(w1, 16));
    const __m256 b1hi = _mm256_castsi256_ps(_mm256_and_si256(w1, highMask));
#pragma GCC unroll 8
    for (int r = 0; r < MR; ++r) {
      const __m256i aw = _mm256_set1_epi32(static_cast<int>(a[r]));
      const __m256 alo = _mm256_castsi256_ps(_mm256_slli_epi32(aw, 16));
      const __m256 ahi = _mm256_castsi256_ps(_mm256_and_si256(aw, highMask));
      acc[r][0] = _mm256_fmadd_ps(alo, b0lo, acc[r][0]);
      acc[r][1] = _mm256_fmadd_ps(alo, b1lo, acc[r][1]);
      acc[r][0] = _mm256_fmadd_ps(ahi, b0hi, acc[r][0]);
      acc[r][1] = _mm256_fmadd_ps(ahi, b1hi, acc[r][1]);
    }
    a += MR;
    b += kNR;
  }
  storeTile<MR>(acc, c, ldc, accumulate);
}

} // namespace

const Microkernel &microkernelF32() {
  static const Microkernel kernel{6, kNR, microkernelF32Impl};
  return kernel;
}

const Microkernel &microkernelBf16() {
  static const Microkernel kernel{4, kNR, microkernelBf16Impl};
  return kernel;
}

} // namespace wafer::kernels::detail::avx2
