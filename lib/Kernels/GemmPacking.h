// Internal: packing into the microkernel panel layouts, shared by GEMM, GEMV
// and attention.
//
// B panels ("column panels"): panel p holds columns [p*nr, p*nr + nr) for all
// k steps, k-major: panel[(step * nr) + j]. fp32 steps are single k; bf16 steps
// are k pairs stored as uint32 (lo = k, hi = k + 1). Columns past N and the odd
// trailing k are zero, so the microkernel never needs an edge case.
// A panels ("row panels"): mr rows per panel, step-major: panel[step * mr + r].
#pragma once

#include "wafer/Kernels/BFloat16.h"
#include "wafer/Kernels/Gemm.h"

#include <cstddef>
#include <cstdint>

namespace wafer::kernels::detail {

inline size_t ceilDiv(size_t a, size_t b) { return (a + b - 1) / b; }

// dst: ceilDiv(N, nr) * K * nr floats.
void packColumnPanelsF32(const float *src, size_t K, size_t N,
                         WeightLayout layout, size_t nr, float *dst);
// dst: ceilDiv(N, nr) * ceilDiv(K, 2) * nr uint32.
void packColumnPanelsBf16(const float *src, size_t K, size_t N,
                          WeightLayout layout, size_t nr, uint32_t *dst);
void packColumnPanelsBf16(const BFloat16 *src, size_t K, size_t N,
                          WeightLayout layout, size_t nr, uint32_t *dst);

// Packs rows [0, rows) of A (leading dimension lda), k steps [step0,
// step0 + steps), into ceilDiv(rows, mr) row panels. `fastPanel`, when given,
// packs full panels (the microkernel's vectorized packer).
void packRowPanelsF32(const float *A, size_t lda, size_t rows, size_t mr,
                      size_t step0, size_t steps, float *dst,
                      void (*fastPanel)(const float *, size_t, size_t,
                                        float *) = nullptr);
// Same with bf16 pairs; K is the true k extent (odd K pads a zero).
void packRowPanelsBf16(const float *A, size_t lda, size_t rows, size_t K,
                       size_t mr, size_t step0, size_t steps, uint32_t *dst);
void packRowPanelsBf16(const BFloat16 *A, size_t lda, size_t rows, size_t K,
                       size_t mr, size_t step0, size_t steps, uint32_t *dst);

} // namespace wafer::kernels::detail
