// Fused, tiled attention with an online softmax: the score matrix is never
// materialized, so memory does not grow with seq^2.
//
// Layouts (all row-major, contiguous):
//   Q, output: [batch, heads,   seqQ,  headDim]
//   K, V:      [batch, kvHeads, seqKv, headDim]
// Query head h reads KV head h / (heads / kvHeads) (grouped-query attention).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wafer::kernels {

struct AttentionShape {
  size_t batch = 1;
  size_t heads = 1;
  size_t kvHeads = 1; // must divide heads
  size_t seqQ = 1;
  size_t seqKv = 1;
  size_t headDim = 1;
};

struct AttentionOptions {
  // Multiplies Q.K^T; 0 means 1/sqrt(headDim).
  float scale = 0.0f;
  // Query i sits at absolute position (seqKv - seqQ + i) and sees keys at
  // positions <= its own: the usual convention when prefilling after a cache.
  bool causal = false;
  // Optional per-batch number of valid keys (padding mask): keys at positions
  // >= kvValidLength[b] are ignored. Rows with no visible key produce zeros.
  const int32_t *kvValidLength = nullptr;
  // Optional additive bias on the scaled scores (an attention mask): query i
  // of (batch b, head h) and key j add bias[b * biasStrides[0] + h *
  // biasStrides[1] + i * biasStrides[2] + j * biasStrides[3]] (strides in
  // elements; 0 broadcasts). -inf hides the key.
  const float *bias = nullptr;
  size_t biasStrides[4] = {0, 0, 0, 0};
  // Optional boolean mask, indexed the same way: a zero byte hides the key.
  const uint8_t *keep = nullptr;
  size_t keepStrides[4] = {0, 0, 0, 0};
};

// Prefill: many queries against seqKv keys. Throws std::invalid_argument on a
// bad shape (zero sizes, kvHeads not dividing heads, seqQ > seqKv when causal).
void attention(const float *Q, const float *K, const float *V, float *output,
               const AttentionShape &shape, const AttentionOptions &options = {});

// A KV cache of capacity maxLength per (batch, kvHead), filled in place.
// Storage layout: [batch, kvHeads, capacity, headDim] for keys and values.
class KvCache {
public:
  KvCache(size_t batch, size_t kvHeads, size_t capacity, size_t headDim);

  // Appends `tokens` positions; k and v are [batch, kvHeads, tokens, headDim].
  // Throws std::invalid_argument when the cache would overflow.
  void append(const float *k, const float *v, size_t tokens = 1);
  void clear() { length_ = 0; }

  size_t batch() const { return batch_; }
  size_t kvHeads() const { return kvHeads_; }
  size_t capacity() const { return capacity_; }
  size_t headDim() const { return headDim_; }
  size_t length() const { return length_; }
  const float *keys() const { return keys_.data(); }
  const float *values() const { return values_.data(); }

private:
  size_t batch_, kvHeads_, capacity_, headDim_;
  size_t length_ = 0;
  std::vector<float> keys_, values_;
};

// A KV cache held elsewhere (the runtime's state): keys and values
// [batch, kvHeads, capacity, headDim], the first `length` positions valid.
struct KvCacheView {
  const float *keys = nullptr, *values = nullptr;
  size_t batch = 1, kvHeads = 1, capacity = 0, headDim = 0, length = 0;
};

// Decode: one query per head against the cache's `length()` keys.
// q and output are [batch, heads, headDim]. The causal flag is irrelevant here
// (the single query is the newest position); kvValidLength still applies.
void attentionDecode(const float *q, const KvCache &cache, float *output,
                     size_t heads, const AttentionOptions &options = {});
// The same over a view. options.bias applies too, with biasStrides[3] 1
// (or 0 with one valid key); std::invalid_argument otherwise.
void attentionDecode(const float *q, const KvCacheView &cache, float *output,
                     size_t heads, const AttentionOptions &options = {});

} // namespace wafer::kernels
