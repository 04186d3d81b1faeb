#include "NaiveAttention.h"

#include <cmath>
#include <omp.h>
#include <vector>

#include "wafer/Kernels/CpuFeatures.h"

namespace wafer::bench {
namespace {

__attribute__((target_clones("avx512f", "avx2", "default"))) void
naiveHead(const float *q, const float *k, const float *v, float *out,
          size_t seqQ, size_t seqKv, size_t D, float scale, bool causal,
          float *scores) {
  // Pass 1: scores.
  for (size_t i = 0; i < seqQ; ++i) {
    const size_t limit = causal ? seqKv - seqQ + i + 1 : seqKv;
    float *s = scores + i * seqKv;
    for (size_t j = 0; j < limit; ++j) {
      float dot = 0.0f;
#pragma omp simd reduction(+ : dot)
      for (size_t d = 0; d < D; ++d)
        dot += q[i * D + d] * k[j * D + d];
      s[j] = dot * scale;
    }
  }
  // Pass 2: row softmax over the visible prefix.
  for (size_t i = 0; i < seqQ; ++i) {
    const size_t limit = causal ? seqKv - seqQ + i + 1 : seqKv;
    float *s = scores + i * seqKv;
    float m = -INFINITY;
    for (size_t j = 0; j < limit; ++j)
      m = s[j] > m ? s[j] : m;
    float sum = 0.0f;
    for (size_t j = 0; j < limit; ++j)
      sum += (s[j] = std::exp(s[j] - m));
    const float inv = 1.0f / sum;
    for (size_t j = 0; j < limit; ++j)
      s[j] *= inv;
  }
  // Pass 3: out = P V.
  for (size_t i = 0; i < seqQ; ++i) {
    const size_t limit = causal ? seqKv - seqQ + i + 1 : seqKv;
    const float *p = scores + i * seqKv;
    float *o = out + i * D;
    for (size_t d = 0; d < D; ++d)
      o[d] = 0.0f;
    for (size_t j = 0; j < limit; ++j) {
      const float pj = p[j];
#pragma omp simd
      for (size_t d = 0; d < D; ++d)
        o[d] += pj * v[j * D + d];
    }
  }
}

} // namespace

void naiveAttention(const float *Q, const float *K, const float *V,
                    float *output, size_t heads, size_t seqQ, size_t seqKv,
                    size_t headDim, bool causal) {
  const float scale = 1.0f / std::sqrt(static_cast<float>(headDim));
#pragma omp parallel num_threads(wafer::kernels::kernelThreads())
  {
    std::vector<float> scores(seqQ * seqKv);
#pragma omp for schedule(dynamic, 1)
    for (size_t h = 0; h < heads; ++h)
      naiveHead(Q + h * seqQ * headDim, K + h * seqKv * headDim,
                V + h * seqKv * headDim, output + h * seqQ * headDim, seqQ,
                seqKv, headDim, scale, causal, scores.data());
  }
}

} // namespace wafer::bench
