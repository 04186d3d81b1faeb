// Fused attention (FlashAttention-style) on top of the GEMM microkernels:
// per (batch, head, block of query rows) the scores of one key block at a time
// are computed into a small tile, folded into a running max/sum (online
// softmax), and multiplied into the output accumulator; only O(block^2 +
// seq * headDim) memory is used, never seq^2.
#include "wafer/Kernels/Attention.h"

#include "AlignedBuffer.h"
#include "GemmPacking.h"
#include "KernelTable.h"
#include "wafer/Kernels/CpuFeatures.h"
#include "wafer/Kernels/Parallel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

namespace wafer::kernels {

using detail::ceilDiv;

namespace {

void checkShape(const AttentionShape &s, const AttentionOptions &options) {
  if (s.batch == 0 || s.heads == 0 || s.kvHeads == 0 || s.seqQ == 0 ||
      s.seqKv == 0 || s.headDim == 0)
    throw std::invalid_argument("attention: all sizes must be >= 1");
  if (s.heads % s.kvHeads != 0)
    throw std::invalid_argument("attention: kvHeads (" +
                                std::to_string(s.kvHeads) +
                                ") must divide heads (" +
                                std::to_string(s.heads) + ")");
  if (options.causal && s.seqQ > s.seqKv)
    throw std::invalid_argument(
        "attention: causal attention needs seqQ <= seqKv");
  if (!std::isfinite(options.scale))
    throw std::invalid_argument("attention: scale must be finite");
}

float effectiveScale(const AttentionOptions &options, size_t headDim) {
  return options.scale != 0.0f
             ? options.scale
             : 1.0f / std::sqrt(static_cast<float>(headDim));
}

size_t validKeys(const AttentionOptions &options, size_t b, size_t seqKv) {
  if (!options.kvValidLength)
    return seqKv;
  const int32_t len = std::max<int32_t>(0, options.kvValidLength[b]);
  return std::min(seqKv, static_cast<size_t>(len));
}

// Checked before any parallel region: an exception must not escape one.
void checkValidLengths(const AttentionOptions &options, size_t batch) {
  if (!options.kvValidLength)
    return;
  for (size_t b = 0; b < batch; ++b)
    if (options.kvValidLength[b] < 0)
      throw std::invalid_argument("attention: negative kvValidLength[" +
                                  std::to_string(b) + "]");
}

// scoresT (keys x nr, queries q0.. in columns) = scoresT * scale + bias,
// -inf where the boolean mask hides a key. Columns past `rows` are padding.
void applyMask(float *scoresT, size_t keys, size_t nr, size_t rows,
               float scale, const AttentionOptions &o, size_t b, size_t h,
               size_t q0, size_t j0) {
  const float negInf = -std::numeric_limits<float>::infinity();
  if (o.bias) {
    const float *base = o.bias + b * o.biasStrides[0] + h * o.biasStrides[1] +
                        q0 * o.biasStrides[2] + j0 * o.biasStrides[3];
    const size_t sq = o.biasStrides[2], sk = o.biasStrides[3];
    for (size_t j = 0; j < keys; ++j) {
      float *s = scoresT + j * nr;
      const float *bj = base + j * sk;
      if (sq == 0) {
        const float add = bj[0];
#pragma omp simd
        for (size_t i = 0; i < nr; ++i)
          s[i] = s[i] * scale + add;
      } else {
        for (size_t i = 0; i < rows; ++i)
          s[i] = s[i] * scale + bj[i * sq];
      }
    }
  } else {
    for (size_t j = 0; j < keys * nr; ++j)
      scoresT[j] *= scale;
  }
  if (o.keep) {
    const uint8_t *base = o.keep + b * o.keepStrides[0] +
                          h * o.keepStrides[1] + q0 * o.keepStrides[2] +
                          j0 * o.keepStrides[3];
    const size_t sq = o.keepStrides[2], sk = o.keepStrides[3];
    for (size_t j = 0; j < keys; ++j) {
      float *s = scoresT + j * nr;
      const uint8_t *kj = base + j * sk;
      for (size_t i = 0; i < rows; ++i)
        if (!kj[i * sq])
          s[i] = negInf;
    }
  }
}

} // namespace

// Works on transposed tiles so that every step is a microkernel call or a
// column-vectorized loop:
//   S^T (keys x queries) = K_block (row panels) * Q_block^T (one nr panel)
//   P^T = online softmax down the columns of S^T      (already a B panel)
//   O^T (dims x queries) += V^T_block (row panels) * P^T
// A query block is exactly one column panel (nr queries), so P^T needs no
// packing at all.
void attention(const float *Q, const float *K, const float *V, float *output,
               const AttentionShape &shape, const AttentionOptions &options) {
  if (!Q || !K || !V || !output)
    throw std::invalid_argument("attention: null pointer");
  checkShape(shape, options);
  checkValidLengths(options, shape.batch);
  const Isa isa = activeIsa();
  const detail::Microkernel &mk = detail::gemmMicrokernelF32(isa);
  const detail::VectorKernels &vk = detail::vectorKernels(isa);
  const size_t mr = mk.mr, nr = mk.nr;
  const size_t D = shape.headDim, seqQ = shape.seqQ, seqKv = shape.seqKv;
  const size_t dimPanels = ceilDiv(D, mr);
  const size_t paddedD = dimPanels * mr;
  const size_t blockQ = nr;
  if (blockQ > 32)
    throw std::logic_error("attention: microkernel panel width above 32");
  // 128 keys per tile: the score tile (128 x nr) and the output tile stay in
  // L1 while the running-softmax rescale is amortized over many keys.
  const size_t blockK = ceilDiv(128, mr) * mr;
  const size_t keyPanels = ceilDiv(seqKv, mr);
  const size_t group = shape.heads / shape.kvHeads;
  const float scale = effectiveScale(options, D);
  const int threads = kernelThreads();

  const size_t keyPackSize = keyPanels * D * mr;
  const size_t valuePackSize = dimPanels * seqKv * mr;
  const size_t kvUnits = shape.batch * shape.kvHeads;
  // Workspaces persist per calling thread (grow-only) so that repeated calls
  // do not pay page faults; they hold O(seq * headDim), never O(seq^2).
  thread_local detail::AlignedBuffer<float> packedKeys;
  thread_local detail::AlignedBuffer<float> packedValues;
  packedKeys.resize(kvUnits * keyPackSize);
  packedValues.resize(kvUnits * valuePackSize);
  // Raw pointers: inside the parallel region the names would denote each
  // worker thread's own (empty) thread_local buffers.
  float *const keysBase = packedKeys.data();
  float *const valuesBase = packedValues.data();

  const bool masked = options.bias || options.keep;
  const size_t qBlocks = ceilDiv(seqQ, blockQ);
  const size_t tasks = shape.batch * shape.heads * qBlocks;
  const bool parallel = threads > 1 && (tasks > 1 || kvUnits > 1);

  const int team = parallel ? threads : 1;
  parallelFor(kvUnits, team, [&](size_t unit, int) {
    {
      detail::packRowPanelsF32(K + unit * seqKv * D, D, seqKv, mr, 0, D,
                               keysBase + unit * keyPackSize,
                               mk.packPanelF32);
      // V's row panels of V^T (head dims by keys) are B's column panels of
      // V itself: [key][mr dims], zero past D.
      detail::packColumnPanelsF32(V + unit * seqKv * D, seqKv, D,
                                  WeightLayout::KN, mr,
                                  valuesBase + unit * valuePackSize);
    }

  });

  // Causal blocks do unequal work; tasks claimed one at a time balance them.
  parallelFor(tasks, team, [&](size_t task, int) {
    thread_local detail::AlignedBuffer<float> queryPanel;
    thread_local detail::AlignedBuffer<float> scoresT;
    thread_local detail::AlignedBuffer<float> outT;
    queryPanel.resize(D * blockQ);
    scoresT.resize(blockK * blockQ);
    outT.resize(paddedD * blockQ);
    float runningMax[32], runningSum[32];
    int32_t visible[32], tileVisible[32];
    {
      // Longest (last) query blocks first, for better load balance.
      const size_t qb = qBlocks - 1 - task % qBlocks;
      const size_t bh = task / qBlocks;
      const size_t b = bh / shape.heads, h = bh % shape.heads;
      const size_t unit = b * shape.kvHeads + h / group;
      const float *keysPacked = keysBase + unit * keyPackSize;
      const float *valuesPacked = valuesBase + unit * valuePackSize;
      const size_t q0 = qb * blockQ;
      const size_t rows = std::min(blockQ, seqQ - q0);
      const float *q = Q + (bh * seqQ + q0) * D;
      float *out = output + (bh * seqQ + q0) * D;

      // Q block as one column panel: [d][query] (the [N, K] layout).
      detail::packColumnPanelsF32(q, D, rows, WeightLayout::NK, nr,
                                  queryPanel.data());
      std::fill(outT.data(), outT.data() + paddedD * blockQ, 0.0f);
      const size_t keyLimit = validKeys(options, b, seqKv);
      size_t lastVisible = 0; // keys [0, lastVisible) matter for this block
      for (size_t i = 0; i < blockQ; ++i) {
        runningMax[i] = -std::numeric_limits<float>::infinity();
        runningSum[i] = 0.0f;
        size_t limit = i < rows ? keyLimit : 0;
        if (options.causal && i < rows)
          limit = std::min(limit, seqKv - seqQ + q0 + i + 1);
        visible[i] = static_cast<int32_t>(limit);
        lastVisible = std::max(lastVisible, limit);
      }

      for (size_t j0 = 0; j0 < lastVisible; j0 += blockK) {
        // The last tile stops at the block's last visible key (a causal
        // block sees keys up to its diagonal; a padded batch its length).
        const size_t keys = std::min(blockK, lastVisible - j0);
        const size_t tilePanels = ceilDiv(keys, mr);
        for (size_t kp = 0; kp < tilePanels; ++kp)
          mk.run(D, keysPacked + (j0 / mr + kp) * D * mr, queryPanel.data(),
                 scoresT.data() + kp * mr * blockQ, blockQ, false, nullptr);
        for (size_t i = 0; i < blockQ; ++i)
          tileVisible[i] = std::max<int32_t>(
              0, visible[i] - static_cast<int32_t>(j0));
        float tileScale = scale;
        if (masked) {
          // Scale here, then add the bias (or -inf where the mask hides a
          // key): the softmax sees final scores.
          applyMask(scoresT.data(), keys, blockQ, rows, scale, options, b, h,
                    q0, j0);
          tileScale = 1.0f;
        }
        vk.onlineSoftmaxColumns(scoresT.data(), keys, blockQ, tileVisible,
                                tileScale, runningMax, runningSum, outT.data(),
                                paddedD);
        for (size_t dp = 0; dp < dimPanels; ++dp)
          mk.run(keys, valuesPacked + (dp * seqKv + j0) * mr, scoresT.data(),
                 outT.data() + dp * mr * blockQ, blockQ, true, nullptr);
      }

      for (size_t i = 0; i < rows; ++i) {
        const float inv = runningSum[i] > 0.0f ? 1.0f / runningSum[i] : 0.0f;
        for (size_t d = 0; d < D; ++d)
          out[i * D + d] = outT.data()[d * blockQ + i] * inv;
      }
    }
  });
}

KvCache::KvCache(size_t batch, size_t kvHeads, size_t capacity, size_t headDim)
    : batch_(batch), kvHeads_(kvHeads), capacity_(capacity),
      headDim_(headDim) {
  if (batch == 0 || kvHeads == 0 || capacity == 0 || headDim == 0)
    throw std::invalid_argument("KvCache: all sizes must be >= 1");
  keys_.assign(batch * kvHeads * capacity * headDim, 0.0f);
  values_.assign(keys_.size(), 0.0f);
}

void KvCache::append(const float *k, const float *v, size_t tokens) {
  if (!k || !v)
    throw std::invalid_argument("KvCache::append: null pointer");
  if (tokens == 0)
    throw std::invalid_argument("KvCache::append: tokens must be >= 1");
  if (length_ + tokens > capacity_)
    throw std::invalid_argument(
        "KvCache::append: capacity " + std::to_string(capacity_) +
        " exceeded (length " + std::to_string(length_) + " + " +
        std::to_string(tokens) + ")");
  const size_t rowBytes = tokens * headDim_ * sizeof(float);
  for (size_t unit = 0; unit < batch_ * kvHeads_; ++unit) {
    const size_t dst = (unit * capacity_ + length_) * headDim_;
    const size_t src = unit * tokens * headDim_;
    std::memcpy(keys_.data() + dst, k + src, rowBytes);
    std::memcpy(values_.data() + dst, v + src, rowBytes);
  }
  length_ += tokens;
}

void attentionDecode(const float *q, const KvCache &cache, float *output,
                     size_t heads, const AttentionOptions &options) {
  KvCacheView view;
  view.keys = cache.keys();
  view.values = cache.values();
  view.batch = cache.batch();
  view.kvHeads = cache.kvHeads();
  view.capacity = cache.capacity();
  view.headDim = cache.headDim();
  view.length = cache.length();
  attentionDecode(q, view, output, heads, options);
}

void attentionDecode(const float *q, const KvCacheView &cache, float *output,
                     size_t heads, const AttentionOptions &options) {
  if (!q || !output || !cache.keys || !cache.values)
    throw std::invalid_argument("attentionDecode: null pointer");
  if (cache.kvHeads == 0 || heads == 0 || heads % cache.kvHeads != 0)
    throw std::invalid_argument(
        "attentionDecode: heads must be a positive multiple of kvHeads");
  if (cache.length == 0 || cache.length > cache.capacity)
    throw std::invalid_argument(
        "attentionDecode: the KV cache is empty or past its capacity");
  if (!std::isfinite(options.scale))
    throw std::invalid_argument("attentionDecode: scale must be finite");
  if (options.keep)
    throw std::invalid_argument(
        "attentionDecode: boolean masks are not supported; pass a bias");
  if (options.bias && options.biasStrides[3] != 1 && cache.length > 1)
    throw std::invalid_argument(
        "attentionDecode: the bias must be contiguous over the keys");
  checkValidLengths(options, cache.batch);
  const detail::VectorKernels &vk = detail::vectorKernels(activeIsa());
  const size_t D = cache.headDim, group = heads / cache.kvHeads;
  const float scale = effectiveScale(options, D);
  const size_t units = cache.batch * cache.kvHeads;
  const int threads = units > 1 ? kernelThreads() : 1;
  // The kernels' own pool, not OpenMP: an OpenMP team would compete for
  // the cores with the pool's threads, which the other kernels keep warm.
  parallelFor(units, threads, [&](size_t unit, int) {
    thread_local detail::AlignedBuffer<float> scratch;
    scratch.resize(group * 2 * detail::kDecodeChunk);
    const size_t b = unit / cache.kvHeads;
    const size_t length = validKeys(options, b, cache.length);
    const size_t offset = unit * cache.capacity * D;
    const size_t firstHead = unit * group; // == b * heads + kvHead * group
    if (length == 0) {
      std::fill(output + firstHead * D, output + (firstHead + group) * D,
                0.0f);
      return;
    }
    const float *bias =
        options.bias ? options.bias + b * options.biasStrides[0] +
                           (firstHead - b * heads) * options.biasStrides[1]
                     : nullptr;
    vk.decodeGroup(q + firstHead * D, group, cache.keys + offset,
                   cache.values + offset, length, D, scale,
                   output + firstHead * D, scratch.data(), bias,
                   options.biasStrides[1]);
  });
}

} // namespace wafer::kernels
