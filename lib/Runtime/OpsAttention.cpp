//===- OpsAttention.cpp - scaled dot-product attention --------------------===//
//
// graph.attention: softmax(q k^T * scale (softcapped) + mask) v with
// grouped-query heads, an optional boolean or additive mask that broadcasts
// to [B, Hq, S, L], and a causal mask of keys j > i + L - S. f32 without a
// softcap, with no mask or an f32 or boolean one (and value heads as wide as
// key heads), runs the fused flash-attention kernel; everything else runs the
// loop below, one query row at a time; one query over a KV cache runs the
// decode kernel over the cache's written positions. A row whose keys are all masked (by
// -inf, false or causality) gives zeros, as ONNX's Attention defines.
//
//===----------------------------------------------------------------------===//

#include "Element.h"
#include "Ops.h"

#include "wafer/Kernels/Attention.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "wafer/Kernels/Parallel.h"

namespace wafer::runtime::detail {

namespace {

constexpr ElementType kF32 = ElementType::F32, kF16 = ElementType::F16,
                      kBF16 = ElementType::BF16, kF64 = ElementType::F64,
                      kBool = ElementType::Bool;

struct AttentionDims {
  int64_t B, Hq, Hkv, S, L, D, Dv;
  std::vector<int64_t> maskStrides; // over [B, Hq, S, L], elements
};

template <typename T, typename M>
std::unique_ptr<Step> generalAttention(const AttentionDims &a, float scale,
                                       bool causal, float softcap, int q,
                                       int k, int v, int mask, int out,
                                       int64_t scratch) {
  return makeStep([=](const RunContext &ctx) {
    using C = ComputeOf<T>;
    const T *Q = ctx.ptr<const T>(q), *K = ctx.ptr<const T>(k),
            *V = ctx.ptr<const T>(v);
    const M *mk = mask >= 0 ? ctx.ptr<const M>(mask) : nullptr;
    T *O = ctx.ptr<T>(out);
    const int64_t group = a.Hq / a.Hkv;
    const C negInf = -std::numeric_limits<C>::infinity();
    const int64_t rowBytes = (a.L + a.Dv) * int64_t(sizeof(C));
    parallelChunks(a.B * a.Hq * a.S, ctx.threads, 4, [&](int64_t s,
                                                         int64_t e) {
      C *scores = reinterpret_cast<C *>(ctx.scratch + scratch +
                                        kernels::currentWorker() * rowBytes);
      C *acc = scores + a.L;
      for (int64_t r = s; r < e; ++r) {
        int64_t b = r / (a.Hq * a.S), h = (r / a.S) % a.Hq, i = r % a.S;
        int64_t kvh = h / group;
        const T *qi = Q + r * a.D;
        const T *kb = K + (b * a.Hkv + kvh) * a.L * a.D;
        const T *vb = V + (b * a.Hkv + kvh) * a.L * a.Dv;
        T *oi = O + r * a.Dv;
        // Keys past `limit` are masked by causality.
        int64_t limit = a.L;
        if (causal)
          limit = std::clamp<int64_t>(i + a.L - a.S + 1, 0, a.L);
        int64_t maskRow = 0;
        if (mk)
          maskRow = b * a.maskStrides[0] + h * a.maskStrides[1] +
                    i * a.maskStrides[2];
        C best = negInf;
        bool any = false;
        for (int64_t j = 0; j < limit; ++j) {
          C bias = 0;
          if (mk) {
            const M *m = mk + maskRow + j * a.maskStrides[3];
            if constexpr (std::is_same_v<M, Bool8>)
              bias = m->value ? C(0) : negInf;
            else
              bias = C(Elem<M>::load(m));
          }
          if (bias == negInf) {
            scores[j] = negInf;
            continue;
          }
          any = true;
          const T *kj = kb + j * a.D;
          C dot = 0;
          for (int64_t d = 0; d < a.D; ++d)
            dot += C(Elem<T>::load(qi + d)) * C(Elem<T>::load(kj + d));
          C sc = dot * C(scale);
          if (softcap > 0)
            sc = C(softcap) * std::tanh(sc / C(softcap));
          sc += bias;
          scores[j] = sc;
          best = std::max(best, sc);
        }
        std::fill(acc, acc + a.Dv, C(0));
        if (!any) {
          for (int64_t d = 0; d < a.Dv; ++d)
            Elem<T>::store(oi + d, C(0));
          continue;
        }
        if (std::isinf(best) && best < 0)
          best = 0; // every score -inf: NaN below, as the softmax gives
        C sum = 0;
        for (int64_t j = 0; j < limit; ++j) {
          if (scores[j] == negInf)
            continue;
          C p = std::exp(scores[j] - best);
          sum += p;
          const T *vj = vb + j * a.Dv;
          for (int64_t d = 0; d < a.Dv; ++d)
            acc[d] += p * C(Elem<T>::load(vj + d));
        }
        for (int64_t d = 0; d < a.Dv; ++d)
          Elem<T>::store(oi + d, acc[d] / sum);
      }
    });
  });
}

} // namespace

std::unique_ptr<Step> buildAttention(OpBuilder &b) {
  double scaleAttr, softcapAttr;
  bool causal;
  if (!b.expectArity(3, 4, 1) ||
      !b.expectAttributes({"scale", "is_causal", "softcap"}) ||
      !b.floatAttr("scale", scaleAttr) ||
      !b.boolAttr("is_causal", causal, false) ||
      !b.floatAttr("softcap", softcapAttr, 0.0))
    return nullptr;
  const TensorInfo &q = b.in(0), &k = b.in(1), &v = b.in(2), &y = b.out(0);
  if (!b.expectType(q, "the query", {kF32, kF16, kBF16, kF64}) ||
      !b.expectSameType(q, k, "the key") ||
      !b.expectSameType(q, v, "the value") ||
      !b.expectSameType(q, y, "the output"))
    return nullptr;
  if (q.shape.size() != 4 || k.shape.size() != 4 || v.shape.size() != 4 ||
      k.shape[0] != q.shape[0] || v.shape[0] != q.shape[0] ||
      k.shape[1] == 0 || q.shape[1] % k.shape[1] != 0 ||
      v.shape[1] != k.shape[1] || k.shape[3] != q.shape[3] ||
      v.shape[2] != k.shape[2]) {
    b.fail("query [" + formatShape(q.shape) + "], key [" +
           formatShape(k.shape) + "] and value [" + formatShape(v.shape) +
           "] do not fit [B, Hq, S, D], [B, Hkv, L, D], [B, Hkv, L, Dv] with "
           "Hkv dividing Hq");
    return nullptr;
  }
  AttentionDims a{q.shape[0], q.shape[1], k.shape[1], q.shape[2],
                  k.shape[2], q.shape[3], v.shape[3], {}};
  if (!b.expectShape(y, "the output", {a.B, a.Hq, a.S, a.Dv}))
    return nullptr;
  if (!std::isfinite(scaleAttr) || !std::isfinite(softcapAttr) ||
      softcapAttr < 0) {
    b.fail("scale must be finite and softcap finite and non-negative");
    return nullptr;
  }
  int mask = -1;
  ElementType maskType = kBool;
  if (b.numInputs() == 4) {
    const TensorInfo &m = b.in(3);
    std::vector<int64_t> scores = {a.B, a.Hq, a.S, a.L}, joint;
    if (!broadcastShapes(m.shape, scores, joint) || joint != scores) {
      b.fail("mask [" + formatShape(m.shape) +
             "] does not broadcast to the scores [" + formatShape(scores) +
             "]");
      return nullptr;
    }
    if (!b.expectType(m, "the mask", {kBool, kF32, kF16, kBF16, kF64}))
      return nullptr;
    mask = b.input(3);
    maskType = m.type;
    a.maskStrides = broadcastStrides(m.shape, scores);
  }
  float scale = float(scaleAttr), softcap = float(softcapAttr);
  int iq = b.input(0), ik = b.input(1), iv = b.input(2), out = b.output(0);
  if (y.numElements == 0)
    return makeStep([](const RunContext &) {});
  // One query over a KV cache (graph.cache_append's state): only the
  // positions written so far, the run's cache length plus this one, are
  // read; the rest are stale and masked by the model.
  if (q.type == kF32 && a.S == 1 && k.state && v.state && softcap == 0 &&
      a.D == a.Dv && scale != 0 && a.D > 0 &&
      (mask < 0 || (maskType == kF32 && a.maskStrides[3] == 1))) {
    kernels::KvCacheView view;
    view.batch = size_t(a.B);
    view.kvHeads = size_t(a.Hkv);
    view.capacity = size_t(a.L);
    view.headDim = size_t(a.D);
    kernels::AttentionOptions options;
    options.scale = scale;
    for (int d = 0; mask >= 0 && d < 4; ++d)
      options.biasStrides[d] = size_t(a.maskStrides[d]);
    return makeStep([=](const RunContext &ctx) {
      kernels::KvCacheView c = view;
      c.keys = ctx.ptr<const float>(ik);
      c.values = ctx.ptr<const float>(iv);
      c.length = size_t(std::clamp<int64_t>(ctx.cacheLength + 1, 1, a.L));
      kernels::AttentionOptions o = options;
      if (mask >= 0)
        o.bias = ctx.ptr<const float>(mask);
      kernels::attentionDecode(ctx.ptr<const float>(iq), c,
                               ctx.ptr<float>(out), size_t(a.Hq), o);
    });
  }
  if (q.type == kF32 && (mask < 0 || maskType == kF32 || maskType == kBool) &&
      softcap == 0 && a.D == a.Dv && scale != 0 && (!causal || a.S <= a.L) &&
      a.L > 0 && a.D > 0) {
    kernels::AttentionShape shape;
    shape.batch = size_t(a.B);
    shape.heads = size_t(a.Hq);
    shape.kvHeads = size_t(a.Hkv);
    shape.seqQ = size_t(a.S);
    shape.seqKv = size_t(a.L);
    shape.headDim = size_t(a.D);
    kernels::AttentionOptions options;
    options.scale = scale;
    options.causal = causal;
    size_t *strides = maskType == kF32 ? options.biasStrides
                                       : options.keepStrides;
    for (int d = 0; mask >= 0 && d < 4; ++d)
      strides[d] = size_t(a.maskStrides[d]);
    return makeStep([=](const RunContext &ctx) {
      kernels::AttentionOptions o = options;
      if (mask >= 0 && maskType == kF32)
        o.bias = ctx.ptr<const float>(mask);
      else if (mask >= 0)
        o.keep = ctx.ptr<const uint8_t>(mask);
      kernels::attention(ctx.ptr<const float>(iq), ctx.ptr<const float>(ik),
                         ctx.ptr<const float>(iv), ctx.ptr<float>(out), shape,
                         o);
    });
  }
  int threads = std::max(1, b.options().threads);
  size_t compute = q.type == kF64 ? 8 : 4;
  int64_t scratch = b.scratch(int64_t(threads) * (a.L + a.Dv) *
                              int64_t(compute));
  return dispatchType(q.type, [&](auto tag) -> std::unique_ptr<Step> {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_floating_point_v<ComputeOf<T>>) {
      return dispatchType(maskType, [&](auto mtag) -> std::unique_ptr<Step> {
        using M = typename decltype(mtag)::type;
        if constexpr (std::is_same_v<M, int64_t> ||
                      std::is_same_v<M, int32_t>) {
          return nullptr; // refused above
        } else {
          return generalAttention<T, M>(a, scale, causal, softcap, iq, ik, iv,
                                        mask, out, scratch);
        }
      });
    } else {
      b.fail("has no implementation for its element type");
      return nullptr;
    }
  });
}

} // namespace wafer::runtime::detail
