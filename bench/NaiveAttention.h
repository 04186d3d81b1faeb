// The unfused baseline for BM_AttentionNaive_*: the textbook three passes
// (scores = Q K^T, row softmax, out = P V) with the whole score matrix
// materialized. Each pass is vectorized (omp simd, compiled for the best ISA
// via target_clones) and masked entries are skipped, so the comparison
// isolates fusion and tiling rather than vectorization or causal skipping.
#pragma once

#include <cstddef>

namespace wafer::bench {

// Layouts as wafer::kernels::attention with kvHeads == heads and batch 1.
// scores: seqQ * seqKv floats per thread (the seq^2 memory the fused kernel
// avoids). Parallel over heads.
void naiveAttention(const float *Q, const float *K, const float *V,
                    float *output, size_t heads, size_t seqQ, size_t seqKv,
                    size_t headDim, bool causal);

} // namespace wafer::bench
