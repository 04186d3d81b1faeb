// Fused attention (prefill and decode) against a double-precision reference
// that materializes the whole score matrix.
// Tolerance: 2e-5 * (1 + |ref|): outputs are convex combinations of O(1)
// values; errors come from float scores (~D * 2^-24 relative) and exp.
#include "KernelTestSupport.h"

#include "wafer/Kernels/Attention.h"

#include <limits>
#include <stdexcept>

namespace wafer::kernels {
namespace {

using testing::IsaTest;
using testing::randomVector;

// Q/out [B, H, Sq, D], K/V [B, Hkv, Skv, D] with an explicit stride between
// key positions of one head (the cache's capacity), so decode can reuse it.
std::vector<double> referenceAttention(const float *Q, const float *K,
                                       const float *V, const AttentionShape &s,
                                       size_t kvCapacity, float scale,
                                       bool causal, const int32_t *validLength) {
  std::vector<double> out(s.batch * s.heads * s.seqQ * s.headDim, 0.0);
  const size_t group = s.heads / s.kvHeads;
  std::vector<double> scores(s.seqKv);
  for (size_t b = 0; b < s.batch; ++b)
    for (size_t h = 0; h < s.heads; ++h) {
      const size_t unit = b * s.kvHeads + h / group;
      for (size_t i = 0; i < s.seqQ; ++i) {
        size_t limit = validLength ? std::min<size_t>(s.seqKv, validLength[b])
                                   : s.seqKv;
        if (causal)
          limit = std::min(limit, s.seqKv - s.seqQ + i + 1);
        const float *q = Q + ((b * s.heads + h) * s.seqQ + i) * s.headDim;
        double m = -std::numeric_limits<double>::infinity();
        for (size_t j = 0; j < limit; ++j) {
          const float *k = K + (unit * kvCapacity + j) * s.headDim;
          double dot = 0;
          for (size_t d = 0; d < s.headDim; ++d)
            dot += static_cast<double>(q[d]) * k[d];
          scores[j] = dot * scale;
          m = std::max(m, scores[j]);
        }
        double sum = 0;
        for (size_t j = 0; j < limit; ++j)
          sum += (scores[j] = std::exp(scores[j] - m));
        double *o = out.data() + ((b * s.heads + h) * s.seqQ + i) * s.headDim;
        for (size_t j = 0; j < limit; ++j) {
          const float *v = V + (unit * kvCapacity + j) * s.headDim;
          for (size_t d = 0; d < s.headDim; ++d)
            o[d] += scores[j] / sum * v[d];
        }
      }
    }
  return out;
}

void expectNear(const std::vector<float> &got, const std::vector<double> &ref,
                const char *what) {
  ASSERT_EQ(got.size(), ref.size());
  size_t failures = 0;
  for (size_t i = 0; i < got.size(); ++i)
    if (!(std::abs(got[i] - ref[i]) <= 2e-5 * (1 + std::abs(ref[i]))) &&
        failures++ < 5)
      ADD_FAILURE() << what << ": element " << i << " = " << got[i]
                    << ", reference " << ref[i];
  EXPECT_EQ(failures, 0u) << what;
}

class AttentionTest : public IsaTest {};

struct PrefillCase {
  AttentionShape shape;
  bool causal;
  bool padding;
};

TEST_P(AttentionTest, PrefillMatchesReference) {
  std::mt19937 rng(51);
  const PrefillCase cases[] = {
      {{1, 1, 1, 1, 1, 1}, false, false},
      {{1, 1, 1, 1, 1, 1}, true, false},
      {{2, 4, 2, 17, 17, 3}, true, false},
      {{1, 3, 1, 63, 65, 17}, true, false},
      {{2, 2, 2, 65, 130, 64}, false, true},
      {{2, 4, 1, 130, 130, 63}, true, true},
      {{1, 2, 2, 3, 200, 65}, true, false},
      {{1, 1, 1, 129, 129, 128}, true, false},
  };
  for (const auto &c : cases) {
    const auto &s = c.shape;
    const auto Q = randomVector(s.batch * s.heads * s.seqQ * s.headDim, rng);
    const auto K = randomVector(s.batch * s.kvHeads * s.seqKv * s.headDim, rng);
    const auto V = randomVector(K.size(), rng);
    std::vector<int32_t> valid(s.batch);
    for (size_t b = 0; b < s.batch; ++b)
      valid[b] = static_cast<int32_t>(b == 0 ? s.seqKv : s.seqKv / 2 + 1);
    AttentionOptions options;
    options.causal = c.causal;
    options.kvValidLength = c.padding ? valid.data() : nullptr;
    std::vector<float> out(Q.size(), 99.0f);
    attention(Q.data(), K.data(), V.data(), out.data(), s, options);
    const float scale = 1.0f / std::sqrt(static_cast<float>(s.headDim));
    const auto ref = referenceAttention(Q.data(), K.data(), V.data(), s, s.seqKv,
                                        scale, c.causal, options.kvValidLength);
    expectNear(out, ref, "prefill");
  }
}

TEST_P(AttentionTest, RandomShapesMatchReference) {
  std::mt19937 rng(77);
  std::uniform_int_distribution<size_t> small(1, 3), seq(1, 140), dim(1, 80);
  for (int trial = 0; trial < 8; ++trial) {
    AttentionShape s;
    s.batch = small(rng);
    s.kvHeads = small(rng);
    s.heads = s.kvHeads * small(rng);
    s.seqKv = seq(rng);
    s.seqQ = std::uniform_int_distribution<size_t>(1, s.seqKv)(rng);
    s.headDim = dim(rng);
    AttentionOptions options;
    options.causal = trial % 2 == 0;
    const auto Q = randomVector(s.batch * s.heads * s.seqQ * s.headDim, rng);
    const auto K = randomVector(s.batch * s.kvHeads * s.seqKv * s.headDim, rng);
    const auto V = randomVector(K.size(), rng);
    std::vector<float> out(Q.size());
    attention(Q.data(), K.data(), V.data(), out.data(), s, options);
    const float scale = 1.0f / std::sqrt(static_cast<float>(s.headDim));
    expectNear(out,
               referenceAttention(Q.data(), K.data(), V.data(), s, s.seqKv,
                                  scale, options.causal, nullptr),
               "random prefill");
  }
}

TEST_P(AttentionTest, ExplicitScaleAndFullyMaskedRows) {
  std::mt19937 rng(52);
  AttentionShape s{2, 2, 1, 5, 9, 8};
  const auto Q = randomVector(s.batch * s.heads * s.seqQ * s.headDim, rng, -3, 3);
  const auto K = randomVector(s.batch * s.kvHeads * s.seqKv * s.headDim, rng);
  const auto V = randomVector(K.size(), rng);
  const int32_t valid[2] = {0, 4}; // batch 0 sees no key at all
  AttentionOptions options;
  options.scale = 0.7f;
  options.kvValidLength = valid;
  std::vector<float> out(Q.size());
  attention(Q.data(), K.data(), V.data(), out.data(), s, options);
  const auto ref = referenceAttention(Q.data(), K.data(), V.data(), s, s.seqKv,
                                      0.7f, false, valid);
  expectNear(out, ref, "masked");
}

// An additive bias or a boolean mask with broadcast strides (the padding
// mask [B, 1, 1, L], a full [B, H, S, L] one), alone and with causality;
// -inf and false hide keys, including every key of some rows (zeros).
TEST_P(AttentionTest, BiasAndBooleanMasksMatchReference) {
  std::mt19937 rng(91);
  const double negInf = -std::numeric_limits<double>::infinity();
  for (int trial = 0; trial < 6; ++trial) {
    AttentionShape s{2, 4, 2, size_t(trial < 3 ? 37 : 5), size_t(trial < 3 ? 70 : 140),
                     size_t(trial % 2 ? 32 : 13)};
    const bool full = trial % 3 == 1, boolean = trial % 3 == 2;
    const bool causal = trial == 3;
    const auto Q = randomVector(s.batch * s.heads * s.seqQ * s.headDim, rng, -2, 2);
    const auto K = randomVector(s.batch * s.kvHeads * s.seqKv * s.headDim, rng);
    const auto V = randomVector(K.size(), rng);
    // Strides over [B, H, S, L].
    size_t st[4] = {full ? s.heads * s.seqQ * s.seqKv : s.seqKv,
                    full ? s.seqQ * s.seqKv : 0, full ? s.seqKv : 0, 1};
    const size_t n = full ? s.batch * s.heads * s.seqQ * s.seqKv : s.batch * s.seqKv;
    std::vector<float> bias(n);
    std::vector<uint8_t> keep(n);
    std::uniform_real_distribution<float> u(0, 1);
    for (size_t i = 0; i < n; ++i) {
      const float r = u(rng);
      keep[i] = r > 0.3f;
      bias[i] = r < 0.2f ? -std::numeric_limits<float>::infinity()
                : r < 0.3f ? -3.0e38f : 2 * r - 1;
    }
    // Batch 1 hides every key of some rows: zeros.
    for (size_t j = 0; j < s.seqKv; ++j) {
      bias[st[0] + j] = -std::numeric_limits<float>::infinity();
      keep[st[0] + j] = 0;
    }
    AttentionOptions options;
    options.scale = 0.3f;
    options.causal = causal;
    if (boolean) {
      options.keep = keep.data();
      std::copy(st, st + 4, options.keepStrides);
    } else {
      options.bias = bias.data();
      std::copy(st, st + 4, options.biasStrides);
    }
    std::vector<float> out(Q.size(), 99.0f);
    attention(Q.data(), K.data(), V.data(), out.data(), s, options);
    std::vector<double> ref(out.size(), 0.0), scores(s.seqKv);
    const size_t group = s.heads / s.kvHeads, D = s.headDim;
    for (size_t b = 0; b < s.batch; ++b)
      for (size_t h = 0; h < s.heads; ++h)
        for (size_t i = 0; i < s.seqQ; ++i) {
          const size_t unit = b * s.kvHeads + h / group;
          const float *q = Q.data() + ((b * s.heads + h) * s.seqQ + i) * D;
          double m = negInf;
          for (size_t j = 0; j < s.seqKv; ++j) {
            const size_t at = b * st[0] + h * st[1] + i * st[2] + j * st[3];
            double add = boolean ? (keep[at] ? 0.0 : negInf) : double(bias[at]);
            if (causal && j > s.seqKv - s.seqQ + i)
              add = negInf;
            double dot = 0;
            for (size_t d = 0; d < D; ++d)
              dot += double(q[d]) * K[(unit * s.seqKv + j) * D + d];
            scores[j] = add == negInf ? negInf : dot * 0.3f + add;
            m = std::max(m, scores[j]);
          }
          if (m == negInf)
            continue; // every key hidden: zeros
          double sum = 0;
          for (size_t j = 0; j < s.seqKv; ++j)
            sum += (scores[j] = std::exp(scores[j] - m));
          double *o = ref.data() + ((b * s.heads + h) * s.seqQ + i) * D;
          for (size_t j = 0; j < s.seqKv; ++j)
            for (size_t d = 0; d < D; ++d)
              o[d] += scores[j] / sum * V[(unit * s.seqKv + j) * D + d];
        }
    expectNear(out, ref, boolean ? "boolean mask" : full ? "full bias" : "padding bias");
  }
}

TEST_P(AttentionTest, DecodeWithAppendedCacheMatchesReference) {
  std::mt19937 rng(53);
  struct DecodeCase {
    size_t batch, heads, kvHeads, capacity, dim;
  };
  const DecodeCase cases[] = {
      {1, 1, 1, 3, 1},     {2, 4, 2, 70, 17}, {1, 12, 3, 300, 64},
      {3, 2, 1, 65, 63},   {1, 2, 1, 40, 128}};
  for (const auto &c : cases) {
    KvCache cache(c.batch, c.kvHeads, c.capacity, c.dim);
    // Prefill a few tokens at once, then append one at a time.
    const size_t first = std::min<size_t>(c.capacity, 2);
    auto k = randomVector(c.batch * c.kvHeads * first * c.dim, rng);
    auto v = randomVector(k.size(), rng);
    cache.append(k.data(), v.data(), first);
    std::vector<int32_t> valid(c.batch);
    while (true) {
      const size_t L = cache.length();
      AttentionShape s{c.batch, c.heads, c.kvHeads, 1, L, c.dim};
      const auto q = randomVector(c.batch * c.heads * c.dim, rng);
      for (size_t b = 0; b < c.batch; ++b)
        valid[b] = static_cast<int32_t>(b % 2 ? (L + 1) / 2 : L);
      for (bool padded : {false, true}) {
        if (padded && c.batch == 1)
          continue;
        AttentionOptions options;
        options.kvValidLength = padded ? valid.data() : nullptr;
        std::vector<float> out(q.size());
        attentionDecode(q.data(), cache, out.data(), c.heads, options);
        const float scale = 1.0f / std::sqrt(static_cast<float>(c.dim));
        const auto ref = referenceAttention(q.data(), cache.keys(), cache.values(),
                                            s, c.capacity, scale, false,
                                            options.kvValidLength);
        expectNear(out, ref, "decode");
      }
      if (L == c.capacity)
        break;
      // Grow by one token, or jump ahead on the long cache to keep tests fast.
      const size_t add = std::min(c.capacity - L, L < 10 ? size_t{1} : size_t{37});
      k = randomVector(c.batch * c.kvHeads * add * c.dim, rng);
      v = randomVector(k.size(), rng);
      cache.append(k.data(), v.data(), add);
    }
    EXPECT_THROW(cache.append(k.data(), v.data(), 1), std::invalid_argument);
  }
}

// The runtime's KV cache (a view of its state, capacity past the length)
// with an additive mask, against the prefill kernel (checked against the
// reference above) on the same keys copied out densely.
TEST_P(AttentionTest, DecodeOverViewWithBiasMatchesPrefillKernel) {
  std::mt19937 rng(17);
  struct ViewCase {
    size_t batch, heads, kvHeads, capacity, length, dim;
    bool perHead;
  };
  const ViewCase cases[] = {{1, 12, 12, 64, 37, 64, false},
                            {2, 8, 2, 40, 40, 128, true},
                            {2, 4, 4, 300, 1, 16, true},
                            {1, 6, 3, 700, 613, 33, false}};
  for (const ViewCase &c : cases) {
    const size_t units = c.batch * c.kvHeads;
    const auto K = randomVector(units * c.capacity * c.dim, rng);
    const auto V = randomVector(K.size(), rng);
    const auto q = randomVector(c.batch * c.heads * c.dim, rng, -2, 2);
    // Bias over [B, H, 1, capacity], one row per batch or per head.
    size_t st[4] = {c.perHead ? c.heads * c.capacity : c.capacity,
                    c.perHead ? c.capacity : 0, 0, 1};
    std::vector<float> bias(c.batch * (c.perHead ? c.heads : 1) * c.capacity);
    std::uniform_real_distribution<float> u(0, 1);
    for (float &b : bias) {
      const float r = u(rng);
      b = r < 0.25f ? -std::numeric_limits<float>::infinity() : 2 * r - 1;
    }
    if (c.perHead) // one row with every key hidden: zeros
      std::fill(bias.begin() + st[1], bias.begin() + 2 * st[1],
                -std::numeric_limits<float>::infinity());
    KvCacheView view;
    view.keys = K.data();
    view.values = V.data();
    view.batch = c.batch;
    view.kvHeads = c.kvHeads;
    view.capacity = c.capacity;
    view.headDim = c.dim;
    view.length = c.length;
    AttentionOptions options;
    options.scale = 0.2f;
    options.bias = bias.data();
    std::copy(st, st + 4, options.biasStrides);
    std::vector<float> got(q.size(), 99.0f);
    attentionDecode(q.data(), view, got.data(), c.heads, options);

    std::vector<float> denseK(units * c.length * c.dim), denseV(denseK.size());
    for (size_t unit = 0; unit < units; ++unit)
      for (size_t j = 0; j < c.length * c.dim; ++j) {
        denseK[unit * c.length * c.dim + j] = K[unit * c.capacity * c.dim + j];
        denseV[unit * c.length * c.dim + j] = V[unit * c.capacity * c.dim + j];
      }
    AttentionShape s{c.batch, c.heads, c.kvHeads, 1, c.length, c.dim};
    std::vector<float> want(q.size(), -99.0f);
    attention(q.data(), denseK.data(), denseV.data(), want.data(), s, options);
    expectNear(got, std::vector<double>(want.begin(), want.end()),
               "decode over a view");
  }
  KvCacheView empty;
  float x[4] = {};
  empty.keys = empty.values = x;
  empty.capacity = 4;
  empty.headDim = 1;
  EXPECT_THROW(attentionDecode(x, empty, x, 1), std::invalid_argument);
}

WAFER_INSTANTIATE_FOR_ALL_ISAS(AttentionTest);

TEST(AttentionErrors, BadShapesThrow) {
  float x[64] = {};
  AttentionShape s{1, 3, 2, 1, 1, 4}; // 2 does not divide 3
  EXPECT_THROW(attention(x, x, x, x, s), std::invalid_argument);
  s = {1, 2, 2, 0, 1, 4};
  EXPECT_THROW(attention(x, x, x, x, s), std::invalid_argument);
  s = {1, 1, 1, 4, 2, 4};
  AttentionOptions causal;
  causal.causal = true;
  EXPECT_THROW(attention(x, x, x, x, s, causal), std::invalid_argument);
  s = {1, 1, 1, 1, 1, 4};
  EXPECT_THROW(attention(nullptr, x, x, x, s), std::invalid_argument);
  const int32_t negative = -1;
  AttentionOptions padded;
  padded.kvValidLength = &negative;
  EXPECT_THROW(attention(x, x, x, x, s, padded), std::invalid_argument);
  EXPECT_THROW(KvCache(1, 1, 0, 4), std::invalid_argument);
  KvCache cache(1, 2, 4, 4);
  EXPECT_THROW(attentionDecode(x, cache, x, 2), std::invalid_argument); // empty
  cache.append(x, x);
  EXPECT_THROW(attentionDecode(x, cache, x, 3), std::invalid_argument);
}

} // namespace
} // namespace wafer::kernels
