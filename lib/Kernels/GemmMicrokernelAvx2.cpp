// AVX2 + FMA GEMM microkernels (compiled with -mavx2 -mfma).
//
// fp32: 6 x 16 = 12 ymm accumulators + 2 B + 1 broadcast of the 16 registers,
// the largest tile that does not spill; per k step 12 FMAs against 2 loads
// and 6 broadcasts. Partial row panels (M not a multiple of 6) run the same
// loop with fewer rows straight into C, instead of the full tile on a scratch
// copy.
// bf16: 4 x 16, since each pair widens into two registers (no native bf16
// arithmetic before AVX-512 BF16).
#include "KernelTable.h"

#include <immintrin.h>

namespace wafer::kernels::detail::avx2 {
namespace {

constexpr size_t kNR = 16;
constexpr int kMR = 6;

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

// The tile's C rows (64 bytes each, usually two lines when C is not 64-byte
// aligned) are requested at the start so that the read-modify-write at the
// end does not wait for them.
template <int MR>
inline void prefetchTile(const float *c, size_t ldc) {
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
    _mm_prefetch(reinterpret_cast<const char *>(c + r * ldc), _MM_HINT_T0);
    _mm_prefetch(reinterpret_cast<const char *>(c + r * ldc + kNR - 1),
                 _MM_HINT_T0);
  }
}

// A streams from the L2 (the packed block), 24 bytes per k step; the
// hardware prefetchers alone left 3-8% of the FMA peak in L2 latency on an
// Intel Xeon (single-threaded, interleaved with and without), so each step
// also requests the A line 512 bytes (21 steps) ahead into L1.
constexpr long kAPrefetchBytes = 512;

// MR rows of a panel packed kMR rows wide (rows past MR are padding).
// PrefetchNext: pull the next B panel into L2, one 64-byte row per k step.
template <int MR, bool PrefetchNext>
void microkernelF32Loop(size_t kSteps, const float *a, const float *b,
                        float *c, size_t ldc, bool accumulate,
                        const char *next) {
  prefetchTile<MR>(c, ldc);
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
    _mm_prefetch(reinterpret_cast<const char *>(a) + kAPrefetchBytes,
                 _MM_HINT_T0);
#pragma GCC unroll 8
    for (int r = 0; r < MR; ++r) {
      const __m256 av = _mm256_broadcast_ss(a + r);
      acc[r][0] = _mm256_fmadd_ps(av, b0, acc[r][0]);
      acc[r][1] = _mm256_fmadd_ps(av, b1, acc[r][1]);
    }
    if (PrefetchNext)
      _mm_prefetch(next + k * kNR * sizeof(float), _MM_HINT_T1);
    a += kMR;
    b += kNR;
  }
  storeTile<MR>(acc, c, ldc, accumulate);
}

template <int MR>
void microkernelF32Rows(size_t kSteps, const void *aPanel, const void *bPanel,
                        float *c, size_t ldc, bool accumulate,
                        const void *prefetchB) {
  const float *a = static_cast<const float *>(aPanel);
  const float *b = static_cast<const float *>(bPanel);
  if (prefetchB)
    microkernelF32Loop<MR, true>(kSteps, a, b, c, ldc, accumulate,
                                 static_cast<const char *>(prefetchB));
  else
    microkernelF32Loop<MR, false>(kSteps, a, b, c, ldc, accumulate, nullptr);
}

void microkernelF32Impl(size_t kSteps, const void *aPanel, const void *bPanel,
                        float *c, size_t ldc, bool accumulate,
                        const void *prefetchB) {
  microkernelF32Rows<kMR>(kSteps, aPanel, bPanel, c, ldc, accumulate,
                          prefetchB);
}

void microkernelF32Partial(size_t rows, size_t kSteps, const void *aPanel,
                           const void *bPanel, float *c, size_t ldc,
                           bool accumulate, const void *prefetchB) {
  switch (rows) {
  case 1:
    return microkernelF32Rows<1>(kSteps, aPanel, bPanel, c, ldc, accumulate,
                                 prefetchB);
  case 2:
    return microkernelF32Rows<2>(kSteps, aPanel, bPanel, c, ldc, accumulate,
                                 prefetchB);
  case 3:
    return microkernelF32Rows<3>(kSteps, aPanel, bPanel, c, ldc, accumulate,
                                 prefetchB);
  case 4:
    return microkernelF32Rows<4>(kSteps, aPanel, bPanel, c, ldc, accumulate,
                                 prefetchB);
  case 5:
    return microkernelF32Rows<5>(kSteps, aPanel, bPanel, c, ldc, accumulate,
                                 prefetchB);
  default:
    return microkernelF32Rows<kMR>(kSteps, aPanel, bPanel, c, ldc, accumulate,
                                   prefetchB);
  }
}

// Packs 6 rows of A into the step-major panel (panel[s * 6 + r]): 8 k at a
// time, an 8 x 8 register transpose of the 6 rows (two zero rows), whose 8
// output columns of 6 floats are written with overlapping 8-float stores in
// increasing order, each overwriting the previous one's 2 padding floats.
// The last column of each group is stored as 4 + 2 floats so nothing is
// written past the group. Scalar copies are several times slower, and A is
// repacked for every column block.
void packPanel6F32(const float *a, size_t lda, size_t steps, float *panel) {
  size_t s = 0;
  const __m256 zero = _mm256_setzero_ps();
  for (; s + 8 <= steps; s += 8) {
    const __m256 r0 = _mm256_loadu_ps(a + 0 * lda + s);
    const __m256 r1 = _mm256_loadu_ps(a + 1 * lda + s);
    const __m256 r2 = _mm256_loadu_ps(a + 2 * lda + s);
    const __m256 r3 = _mm256_loadu_ps(a + 3 * lda + s);
    const __m256 r4 = _mm256_loadu_ps(a + 4 * lda + s);
    const __m256 r5 = _mm256_loadu_ps(a + 5 * lda + s);
    const __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
    const __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
    const __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
    const __m256 t6 = _mm256_unpacklo_ps(zero, zero);
    const __m256 u0 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 u1 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
    const __m256 u2 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 u3 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2));
    const __m256 u4 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 u5 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(3, 2, 3, 2));
    const __m256 u6 = _mm256_shuffle_ps(t5, t6, _MM_SHUFFLE(1, 0, 1, 0));
    const __m256 u7 = _mm256_shuffle_ps(t5, t6, _MM_SHUFFLE(3, 2, 3, 2));
    // Column j (k = s + j) holds rows 0..5 in lanes 0..5.
    float *out = panel + s * 6;
    _mm256_storeu_ps(out + 0 * 6, _mm256_permute2f128_ps(u0, u4, 0x20));
    _mm256_storeu_ps(out + 1 * 6, _mm256_permute2f128_ps(u1, u5, 0x20));
    _mm256_storeu_ps(out + 2 * 6, _mm256_permute2f128_ps(u2, u6, 0x20));
    _mm256_storeu_ps(out + 3 * 6, _mm256_permute2f128_ps(u3, u7, 0x20));
    _mm256_storeu_ps(out + 4 * 6, _mm256_permute2f128_ps(u0, u4, 0x31));
    _mm256_storeu_ps(out + 5 * 6, _mm256_permute2f128_ps(u1, u5, 0x31));
    _mm256_storeu_ps(out + 6 * 6, _mm256_permute2f128_ps(u2, u6, 0x31));
    const __m256 last = _mm256_permute2f128_ps(u3, u7, 0x31);
    _mm_storeu_ps(out + 7 * 6, _mm256_castps256_ps128(last));
    _mm_storel_pi(reinterpret_cast<__m64 *>(out + 7 * 6 + 4),
                  _mm256_extractf128_ps(last, 1));
  }
  for (; s < steps; ++s)
    for (size_t r = 0; r < 6; ++r)
      panel[s * 6 + r] = a[r * lda + s];
}

void microkernelBf16Impl(size_t kSteps, const void *aPanel, const void *bPanel,
                         float *c, size_t ldc, bool accumulate,
                         const void *prefetchB) {
  constexpr int MR = 4;
  const uint32_t *a = static_cast<const uint32_t *>(aPanel);
  const uint32_t *b = static_cast<const uint32_t *>(bPanel);
  const __m256i highMask = _mm256_set1_epi32(static_cast<int>(0xffff0000u));
  prefetchTile<MR>(c, ldc);
  __m256 acc[MR][2];
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
    acc[r][0] = _mm256_setzero_ps();
    acc[r][1] = _mm256_setzero_ps();
  }
  const char *next = static_cast<const char *>(prefetchB);
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
    if (next) {
      _mm_prefetch(next, _MM_HINT_T1);
      next += kNR * sizeof(uint32_t);
    }
    a += MR;
    b += kNR;
  }
  storeTile<MR>(acc, c, ldc, accumulate);
}

} // namespace

const Microkernel &microkernelF32() {
  static const Microkernel kernel{kMR, kNR, microkernelF32Impl, packPanel6F32,
                                  microkernelF32Partial};
  return kernel;
}

const Microkernel &microkernelBf16() {
  static const Microkernel kernel{4, kNR, microkernelBf16Impl};
  return kernel;
}

} // namespace wafer::kernels::detail::avx2
