// Internal: the per-instruction-set function tables the public kernels
// dispatch through. Each dispatch path fills one table from code compiled with
// that path's flags.
#pragma once

#include "wafer/Kernels/Activation.h"
#include "wafer/Kernels/CpuFeatures.h"

#include <cstddef>
#include <cstdint>

namespace wafer::kernels::detail {

// Computes an mr x nr tile C (+)= A_panel * B_panel over `kSteps` steps.
// fp32: a step is one k; panels hold floats (A: mr per step, B: nr per step).
// bf16: a step is a pair of k; panels hold uint32 = (bf16 lo=k, hi=k+1).
// The tile is always full; the driver handles edges with a scratch tile.
// prefetchB, when not null, is the B panel the driver will use next: the
// kernel pulls it towards L2 a row per k step, spreading the requests over
// the whole call (when B streams from DRAM, as for small M, waiting for it at
// the start of each panel would otherwise dominate).
using MicrokernelFn = void (*)(size_t kSteps, const void *aPanel,
                               const void *bPanel, float *c, size_t ldc,
                               bool accumulate, const void *prefetchB);

// Packs one full fp32 row panel: mr rows of A (stride lda) x `steps` k into
// panel[step * mr + r]. Optional; the scalar packer is used when null.
using PackPanelFn = void (*)(const float *a, size_t lda, size_t steps,
                             float *panel);

// Optional: the first `rows` (< mr) rows of a tile, full nr width, written
// straight into C. The A panel is still packed mr rows wide (zero padded).
// Without it the driver runs the full kernel on a scratch tile.
using PartialMicrokernelFn = void (*)(size_t rows, size_t kSteps,
                                      const void *aPanel, const void *bPanel,
                                      float *c, size_t ldc, bool accumulate,
                                      const void *prefetchB);

struct Microkernel {
  size_t mr = 0;
  size_t nr = 0;
  MicrokernelFn run = nullptr;
  PackPanelFn packPanelF32 = nullptr;
  PartialMicrokernelFn runRows = nullptr;
};

struct VectorKernels {
  void (*activation)(const float *x, float *y, size_t n, Activation act);
  // row[j] = act(row[j] + bias[j]); bias may be null.
  void (*biasActivation)(float *row, size_t n, const float *bias,
                         Activation act);
  void (*residualAdd)(const float *a, const float *b, float *out, size_t n);
  void (*layerNormRow)(const float *x, float *y, size_t n, const float *gamma,
                       const float *beta, float eps);
  void (*rmsNormRow)(const float *x, float *y, size_t n, const float *gamma,
                     float eps);
  void (*softmaxRow)(const float *x, float *y, size_t n);
  // Rotates (x[i], x[i + half]) by (cos[i], sin[i]) for i < half.
  void (*rotatePairs)(float *x, size_t half, const float *cosines,
                      const float *sines);
  // y[panels * nr] = x[K] * packed panels (layout as the GEMM B panels);
  // `prefetch` adds software prefetch of the streamed panels.
  void (*gemvF32)(const float *x, size_t K, const float *panels, size_t nr,
                  size_t panelCount, float *y, bool prefetch);
  void (*gemvBf16)(const float *x, size_t K, const uint32_t *panels, size_t nr,
                   size_t panelCount, float *y, bool prefetch);
  // Online-softmax update of one transposed score tile: scoresT is
  // keys x queries (`queries` == the microkernel's nr, row stride nr), raw
  // Q.K values. Key row j is visible to query column i iff j < visible[i].
  // Multiplies by `scale`, overwrites scoresT with probabilities (0 where
  // masked), updates the per-query running max/sum, and rescales the
  // transposed output accumulator (outRows x queries, stride nr) by
  // exp(oldMax - newMax). Working down columns keeps every step vectorized
  // across queries, with no horizontal reductions.
  void (*onlineSoftmaxColumns)(float *scoresT, size_t keys, size_t queries,
                               const int32_t *visible, float scale,
                               float *runningMax, float *runningSum,
                               float *outT, size_t outRows);
  // Single-query-group decode over `length` keys of one KV head.
  // q: groupRows x dim, out: groupRows x dim, scratch: >= 2*chunk floats per
  // row. One query row per head of a group sharing keys/values [length, dim];
  // `bias` (null: none) adds bias[g * biasRowStride + j] to key j's scaled
  // score of row g (-inf hides the key; a row with every key hidden is 0).
  void (*decodeGroup)(const float *q, size_t groupRows, const float *keys,
                      const float *values, size_t length, size_t dim,
                      float scale, float *out, float *scratch,
                      const float *bias, size_t biasRowStride);
  void (*toBFloat16)(const float *in, uint16_t *out, size_t n);
};

const VectorKernels &vectorKernels(Isa isa);
const Microkernel &gemmMicrokernelF32(Isa isa);
const Microkernel &gemmMicrokernelBf16(Isa isa);

// Per-ISA table getters, defined in the files compiled with each ISA's flags.
namespace portable {
const VectorKernels &vectorKernels();
const Microkernel &microkernelF32();
const Microkernel &microkernelBf16();
} // namespace portable
namespace avx2 {
const VectorKernels &vectorKernels();
const Microkernel &microkernelF32();
const Microkernel &microkernelBf16();
} // namespace avx2
namespace avx512 {
const VectorKernels &vectorKernels();
const Microkernel &microkernelF32();
const Microkernel &microkernelBf16(); // VDPBF16PS when the CPU has AVX512_BF16
} // namespace avx512

// Size of the key chunk decodeGroup works on (its scratch needs 2x per row).
constexpr size_t kDecodeChunk = 128;

} // namespace wafer::kernels::detail
