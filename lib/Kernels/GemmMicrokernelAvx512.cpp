// AVX-512 GEMM microkernels (compiled with -mavx512f -mavx512bw -mavx512vl
// -mavx512dq -mavx512bf16 -mfma; only called after run-time detection).
//
// Register blocking: MR rows x 32 columns = 2*MR zmm accumulators, the B row
// is two zmm loads, each A element one broadcast. MR = 8 leaves enough
// registers for the bf16 fallback's widened operands and matches the common
// transformer M (multiples of 16); see docs/performance.md for the tuning.
#include "KernelTable.h"

// GCC 12 warns about its own _mm512_undefined_* helpers inside intrinsics
// (a warning clang does not have).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>

#include <cstdlib>
#include <cstring>

namespace wafer::kernels::detail::avx512 {
namespace {

constexpr size_t kNR = 32;

// A streams from the L2 (the packed block); on top of the hardware
// prefetchers each k step requests the A line 1 KiB (32 steps of an 8-row
// panel) ahead into L1, which gained 2-9% of the FMA peak on an Intel Xeon
// (single-threaded, interleaved with and without).
constexpr long kAPrefetchBytes = 1024;

inline void prefetchA(const void *a) {
  _mm_prefetch(static_cast<const char *>(a) + kAPrefetchBytes, _MM_HINT_T0);
}

template <int MR>
inline void storeTile(__m512 (&acc)[MR][2], float *c, size_t ldc,
                      bool accumulate) {
#pragma GCC unroll 16
  for (int r = 0; r < MR; ++r) {
    float *row = c + r * ldc;
    if (accumulate) {
      acc[r][0] = _mm512_add_ps(acc[r][0], _mm512_loadu_ps(row));
      acc[r][1] = _mm512_add_ps(acc[r][1], _mm512_loadu_ps(row + 16));
    }
    _mm512_storeu_ps(row, acc[r][0]);
    _mm512_storeu_ps(row + 16, acc[r][1]);
  }
}

template <int MR>
void microkernelF32Impl(size_t kSteps, const void *aPanel, const void *bPanel,
                        float *c, size_t ldc, bool accumulate,
                        const void *prefetchB) {
  const float *a = static_cast<const float *>(aPanel);
  const float *b = static_cast<const float *>(bPanel);
  __m512 acc[MR][2];
#pragma GCC unroll 16
  for (int r = 0; r < MR; ++r) {
    acc[r][0] = _mm512_setzero_ps();
    acc[r][1] = _mm512_setzero_ps();
    _mm_prefetch(reinterpret_cast<const char *>(c + r * ldc), _MM_HINT_T0);
  }
#pragma GCC unroll 4
  for (size_t k = 0; k < kSteps; ++k) {
    const __m512 b0 = _mm512_load_ps(b);
    const __m512 b1 = _mm512_load_ps(b + 16);
    prefetchA(a);
#pragma GCC unroll 16
    for (int r = 0; r < MR; ++r) {
      const __m512 av = _mm512_set1_ps(a[r]);
      acc[r][0] = _mm512_fmadd_ps(av, b0, acc[r][0]);
      acc[r][1] = _mm512_fmadd_ps(av, b1, acc[r][1]);
    }
    a += MR;
    b += kNR;
    if (prefetchB) {
      const char *next = static_cast<const char *>(prefetchB) + k * kNR * 4;
      _mm_prefetch(next, _MM_HINT_T1);
      _mm_prefetch(next + 64, _MM_HINT_T1);
    }
  }
  storeTile<MR>(acc, c, ldc, accumulate);
}

// VDPBF16PS: each 32-bit lane holds a (k, k+1) bf16 pair; one instruction
// does two multiply-adds per lane into fp32, twice the fp32 FMA rate.
template <int MR>
void microkernelBf16DotImpl(size_t kSteps, const void *aPanel,
                            const void *bPanel, float *c, size_t ldc,
                            bool accumulate, const void *prefetchB) {
  const uint32_t *a = static_cast<const uint32_t *>(aPanel);
  const uint32_t *b = static_cast<const uint32_t *>(bPanel);
  __m512 acc[MR][2];
#pragma GCC unroll 16
  for (int r = 0; r < MR; ++r) {
    acc[r][0] = _mm512_setzero_ps();
    acc[r][1] = _mm512_setzero_ps();
    _mm_prefetch(reinterpret_cast<const char *>(c + r * ldc), _MM_HINT_T0);
  }
#pragma GCC unroll 4
  for (size_t k = 0; k < kSteps; ++k) {
    const __m512bh b0 = (__m512bh)_mm512_load_si512(b);
    const __m512bh b1 = (__m512bh)_mm512_load_si512(b + 16);
    prefetchA(a);
#pragma GCC unroll 16
    for (int r = 0; r < MR; ++r) {
      const __m512bh av = (__m512bh)_mm512_set1_epi32(static_cast<int>(a[r]));
      acc[r][0] = _mm512_dpbf16_ps(acc[r][0], av, b0);
      acc[r][1] = _mm512_dpbf16_ps(acc[r][1], av, b1);
    }
    a += MR;
    b += kNR;
    if (prefetchB) {
      const char *next = static_cast<const char *>(prefetchB) + k * kNR * 4;
      _mm_prefetch(next, _MM_HINT_T1);
      _mm_prefetch(next + 64, _MM_HINT_T1);
    }
  }
  storeTile<MR>(acc, c, ldc, accumulate);
}

// AVX-512F without BF16: widen each pair with a shift (low bf16) and a mask
// (high bf16), then two ordinary FMAs. Same packed layout as the dot kernel.
template <int MR>
void microkernelBf16WidenImpl(size_t kSteps, const void *aPanel,
                              const void *bPanel, float *c, size_t ldc,
                              bool accumulate, const void *prefetchB) {
  const uint32_t *a = static_cast<const uint32_t *>(aPanel);
  const uint32_t *b = static_cast<const uint32_t *>(bPanel);
  const __m512i highMask = _mm512_set1_epi32(static_cast<int>(0xffff0000u));
  __m512 acc[MR][2];
#pragma GCC unroll 16
  for (int r = 0; r < MR; ++r) {
    acc[r][0] = _mm512_setzero_ps();
    acc[r][1] = _mm512_setzero_ps();
  }
  for (size_t k = 0; k < kSteps; ++k) {
    const __m512i w0 = _mm512_load_si512(b);
    const __m512i w1 = _mm512_load_si512(b + 16);
    const __m512 b0lo = _mm512_castsi512_ps(_mm512_slli_epi32(w0, 16));
    const __m512 b0hi = _mm512_castsi512_ps(_mm512_and_si512(w0, highMask));
    const __m512 b1lo = _mm512_castsi512_ps(_mm512_slli_epi32(w1, 16));
    const __m512 b1hi = _mm512_castsi512_ps(_mm512_and_si512(w1, highMask));
#pragma GCC unroll 16
    for (int r = 0; r < MR; ++r) {
      const __m512i aw = _mm512_set1_epi32(static_cast<int>(a[r]));
      const __m512 alo = _mm512_castsi512_ps(_mm512_slli_epi32(aw, 16));
      const __m512 ahi = _mm512_castsi512_ps(_mm512_and_si512(aw, highMask));
      acc[r][0] = _mm512_fmadd_ps(alo, b0lo, acc[r][0]);
      acc[r][1] = _mm512_fmadd_ps(alo, b1lo, acc[r][1]);
      acc[r][0] = _mm512_fmadd_ps(ahi, b0hi, acc[r][0]);
      acc[r][1] = _mm512_fmadd_ps(ahi, b1hi, acc[r][1]);
    }
    a += MR;
    b += kNR;
    if (prefetchB) {
      const char *next = static_cast<const char *>(prefetchB) + k * kNR * 4;
      _mm_prefetch(next, _MM_HINT_T1);
      _mm_prefetch(next + 64, _MM_HINT_T1);
    }
  }
  storeTile<MR>(acc, c, ldc, accumulate);
}

// Packing is a transpose (rows of A become the mr-wide steps of the panel);
// doing it 8 x 8 in registers is several times faster than scalar copies,
// which matters because A is repacked for every column block.
void packPanel8F32(const float *a, size_t lda, size_t steps, float *panel) {
  size_t s = 0;
  for (; s + 8 <= steps; s += 8) {
    __m256 r0 = _mm256_loadu_ps(a + 0 * lda + s);
    __m256 r1 = _mm256_loadu_ps(a + 1 * lda + s);
    __m256 r2 = _mm256_loadu_ps(a + 2 * lda + s);
    __m256 r3 = _mm256_loadu_ps(a + 3 * lda + s);
    __m256 r4 = _mm256_loadu_ps(a + 4 * lda + s);
    __m256 r5 = _mm256_loadu_ps(a + 5 * lda + s);
    __m256 r6 = _mm256_loadu_ps(a + 6 * lda + s);
    __m256 r7 = _mm256_loadu_ps(a + 7 * lda + s);
    const __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
    const __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
    const __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
    const __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
    const __m256 u0 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 u1 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
    const __m256 u2 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 u3 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2));
    const __m256 u4 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 u5 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(3, 2, 3, 2));
    const __m256 u6 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 u7 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(3, 2, 3, 2));
    float *out = panel + s * 8;
    _mm256_store_ps(out + 0 * 8, _mm256_permute2f128_ps(u0, u4, 0x20));
    _mm256_store_ps(out + 1 * 8, _mm256_permute2f128_ps(u1, u5, 0x20));
    _mm256_store_ps(out + 2 * 8, _mm256_permute2f128_ps(u2, u6, 0x20));
    _mm256_store_ps(out + 3 * 8, _mm256_permute2f128_ps(u3, u7, 0x20));
    _mm256_store_ps(out + 4 * 8, _mm256_permute2f128_ps(u0, u4, 0x31));
    _mm256_store_ps(out + 5 * 8, _mm256_permute2f128_ps(u1, u5, 0x31));
    _mm256_store_ps(out + 6 * 8, _mm256_permute2f128_ps(u2, u6, 0x31));
    _mm256_store_ps(out + 7 * 8, _mm256_permute2f128_ps(u3, u7, 0x31));
  }
  for (; s < steps; ++s)
    for (size_t r = 0; r < 8; ++r)
      panel[s * 8 + r] = a[r * lda + s];
}

// WAFER_KERNELS_AVX512_MR (8, 12 or 14) exists for tuning experiments only.
int chosenRows() {
  const char *env = std::getenv("WAFER_KERNELS_AVX512_MR");
  if (env && std::strcmp(env, "12") == 0)
    return 12;
  if (env && std::strcmp(env, "14") == 0)
    return 14;
  return 8;
}

} // namespace

const Microkernel &microkernelF32() {
  static const Microkernel kernel = [] {
    switch (chosenRows()) {
    case 12:
      return Microkernel{12, kNR, microkernelF32Impl<12>};
    case 14:
      return Microkernel{14, kNR, microkernelF32Impl<14>};
    default:
      return Microkernel{8, kNR, microkernelF32Impl<8>, packPanel8F32};
    }
  }();
  return kernel;
}

const Microkernel &microkernelBf16() {
  static const Microkernel kernel = [] {
    if (!cpuFeatures().avx512bf16)
      return Microkernel{8, kNR, microkernelBf16WidenImpl<8>};
    switch (chosenRows()) {
    case 12:
      return Microkernel{12, kNR, microkernelBf16DotImpl<12>};
    case 14:
      return Microkernel{14, kNR, microkernelBf16DotImpl<14>};
    default:
      return Microkernel{8, kNR, microkernelBf16DotImpl<8>};
    }
  }();
  return kernel;
}

} // namespace wafer::kernels::detail::avx512
