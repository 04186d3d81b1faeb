#include "GemmPacking.h"

namespace wafer::kernels::detail {
namespace {

inline uint16_t bitsOf(float v) { return toBFloat16(v).bits; }
inline uint16_t bitsOf(BFloat16 v) { return v.bits; }

// Element (k, n) of B whichever way it is stored.
template <typename T>
inline T elementAt(const T *src, size_t K, size_t N, WeightLayout layout,
                   size_t k, size_t n) {
  return layout == WeightLayout::KN ? src[k * N + n] : src[n * K + k];
}

template <typename T>
void packColumnPanelsBf16Impl(const T *src, size_t K, size_t N,
                              WeightLayout layout, size_t nr, uint32_t *dst) {
  const size_t pairs = ceilDiv(K, 2);
  const size_t panels = ceilDiv(N, nr);
  for (size_t p = 0; p < panels; ++p) {
    uint32_t *panel = dst + p * pairs * nr;
    for (size_t q = 0; q < pairs; ++q)
      for (size_t j = 0; j < nr; ++j) {
        const size_t n = p * nr + j, k = 2 * q;
        uint32_t lo = 0, hi = 0;
        if (n < N) {
          lo = bitsOf(elementAt(src, K, N, layout, k, n));
          if (k + 1 < K)
            hi = bitsOf(elementAt(src, K, N, layout, k + 1, n));
        }
        panel[q * nr + j] = lo | (hi << 16);
      }
  }
}

template <typename T>
void packRowPanelsBf16Impl(const T *A, size_t lda, size_t rows, size_t K,
                           size_t mr, size_t step0, size_t steps,
                           uint32_t *dst) {
  const size_t panels = ceilDiv(rows, mr);
  for (size_t p = 0; p < panels; ++p) {
    uint32_t *panel = dst + p * steps * mr;
    for (size_t r = 0; r < mr; ++r) {
      const size_t row = p * mr + r;
      if (row >= rows) {
        for (size_t s = 0; s < steps; ++s)
          panel[s * mr + r] = 0;
        continue;
      }
      const T *a = A + row * lda;
      for (size_t s = 0; s < steps; ++s) {
        const size_t k = 2 * (step0 + s);
        const uint32_t lo = bitsOf(a[k]);
        const uint32_t hi = k + 1 < K ? bitsOf(a[k + 1]) : 0;
        panel[s * mr + r] = lo | (hi << 16);
      }
    }
  }
}

} // namespace

void packColumnPanelsF32(const float *src, size_t K, size_t N,
                         WeightLayout layout, size_t nr, float *dst) {
  const size_t panels = ceilDiv(N, nr);
  for (size_t p = 0; p < panels; ++p) {
    float *panel = dst + p * K * nr;
    const size_t n0 = p * nr;
    const size_t width = N - n0 < nr ? N - n0 : nr;
    if (layout == WeightLayout::KN) {
      for (size_t k = 0; k < K; ++k) {
        const float *row = src + k * N + n0;
        float *out = panel + k * nr;
        for (size_t j = 0; j < width; ++j)
          out[j] = row[j];
        for (size_t j = width; j < nr; ++j)
          out[j] = 0.0f;
      }
    } else {
      // [N, K]: each weight row is a packed column; write it strided.
      for (size_t j = 0; j < nr; ++j) {
        if (j < width) {
          const float *col = src + (n0 + j) * K;
          for (size_t k = 0; k < K; ++k)
            panel[k * nr + j] = col[k];
        } else {
          for (size_t k = 0; k < K; ++k)
            panel[k * nr + j] = 0.0f;
        }
      }
    }
  }
}

void packColumnPanelsBf16(const float *src, size_t K, size_t N,
                          WeightLayout layout, size_t nr, uint32_t *dst) {
  packColumnPanelsBf16Impl(src, K, N, layout, nr, dst);
}
void packColumnPanelsBf16(const BFloat16 *src, size_t K, size_t N,
                          WeightLayout layout, size_t nr, uint32_t *dst) {
  packColumnPanelsBf16Impl(src, K, N, layout, nr, dst);
}

void packRowPanelsF32(const float *A, size_t lda, size_t rows, size_t mr,
                      size_t step0, size_t steps, float *dst,
                      void (*fastPanel)(const float *, size_t, size_t,
                                        float *)) {
  const size_t panels = ceilDiv(rows, mr);
  for (size_t p = 0; p < panels; ++p) {
    float *panel = dst + p * steps * mr;
    const size_t r0 = p * mr;
    const size_t height = rows - r0 < mr ? rows - r0 : mr;
    if (fastPanel && height == mr) {
      fastPanel(A + r0 * lda + step0, lda, steps, panel);
      continue;
    }
    for (size_t r = 0; r < height; ++r) {
      const float *a = A + (r0 + r) * lda + step0;
      for (size_t s = 0; s < steps; ++s)
        panel[s * mr + r] = a[s];
    }
    for (size_t r = height; r < mr; ++r)
      for (size_t s = 0; s < steps; ++s)
        panel[s * mr + r] = 0.0f;
  }
}

void packRowPanelsBf16(const float *A, size_t lda, size_t rows, size_t K,
                       size_t mr, size_t step0, size_t steps, uint32_t *dst) {
  packRowPanelsBf16Impl(A, lda, rows, K, mr, step0, steps, dst);
}
void packRowPanelsBf16(const BFloat16 *A, size_t lda, size_t rows, size_t K,
                       size_t mr, size_t step0, size_t steps, uint32_t *dst) {
  packRowPanelsBf16Impl(A, lda, rows, K, mr, step0, steps, dst);
}

} // namespace wafer::kernels::detail
