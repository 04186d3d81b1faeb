// Fused attention against the unfused baseline: batch 1, 12 heads, head_dim
// 64, causal; prefill (seq queries over seq keys) and decode (one query over a
// KV cache of length L). FLOPs count only the visible (unmasked) entries.
#include "BenchSupport.h"
#include "NaiveAttention.h"

#include "wafer/Kernels/Attention.h"

namespace {

using namespace wafer::kernels;

constexpr size_t kHeads = 12, kHeadDim = 64;

double prefillFlops(size_t seq) {
  return 4.0 * kHeads * kHeadDim * (static_cast<double>(seq) * (seq + 1) / 2);
}

void prefillSizes(benchmark::internal::Benchmark *b) {
  for (int64_t seq : {128, 256, 512, 1024, 2048, 4096})
    b->Arg(seq);
  b->UseRealTime()->Unit(benchmark::kMillisecond);
}

void BM_Attention_Prefill(benchmark::State &state) {
  const size_t seq = state.range(0);
  const auto Q = wafer::bench::randomFloats(kHeads * seq * kHeadDim, 1);
  const auto K = wafer::bench::randomFloats(Q.size(), 2);
  const auto V = wafer::bench::randomFloats(Q.size(), 3);
  std::vector<float> out(Q.size());
  AttentionOptions options;
  options.causal = true;
  for (auto _ : state) {
    attention(Q.data(), K.data(), V.data(), out.data(),
              {1, kHeads, kHeads, seq, seq, kHeadDim}, options);
    benchmark::ClobberMemory();
  }
  wafer::bench::setRates(state, prefillFlops(seq), 4.0 * 4 * Q.size());
}
BENCHMARK(BM_Attention_Prefill)->Apply(prefillSizes);

void BM_AttentionNaive_Prefill(benchmark::State &state) {
  const size_t seq = state.range(0);
  const auto Q = wafer::bench::randomFloats(kHeads * seq * kHeadDim, 1);
  const auto K = wafer::bench::randomFloats(Q.size(), 2);
  const auto V = wafer::bench::randomFloats(Q.size(), 3);
  std::vector<float> out(Q.size());
  for (auto _ : state) {
    wafer::bench::naiveAttention(Q.data(), K.data(), V.data(), out.data(),
                                 kHeads, seq, seq, kHeadDim, true);
    benchmark::ClobberMemory();
  }
  wafer::bench::setRates(state, prefillFlops(seq), 4.0 * 4 * Q.size());
}
BENCHMARK(BM_AttentionNaive_Prefill)->Apply(prefillSizes);

void BM_Attention_Decode(benchmark::State &state) {
  const size_t length = state.range(0);
  KvCache cache(1, kHeads, length, kHeadDim);
  {
    const auto k = wafer::bench::randomFloats(kHeads * length * kHeadDim, 2);
    const auto v = wafer::bench::randomFloats(k.size(), 3);
    cache.append(k.data(), v.data(), length);
  }
  const auto q = wafer::bench::randomFloats(kHeads * kHeadDim, 1);
  std::vector<float> out(q.size());
  for (auto _ : state) {
    attentionDecode(q.data(), cache, out.data(), kHeads);
    benchmark::ClobberMemory();
  }
  wafer::bench::setRates(state, 4.0 * kHeads * length * kHeadDim,
                         2.0 * 4 * kHeads * length * kHeadDim);
}
BENCHMARK(BM_Attention_Decode)->Apply(prefillSizes);

void BM_AttentionNaive_Decode(benchmark::State &state) {
  const size_t length = state.range(0);
  const auto K = wafer::bench::randomFloats(kHeads * length * kHeadDim, 2);
  const auto V = wafer::bench::randomFloats(K.size(), 3);
  const auto q = wafer::bench::randomFloats(kHeads * kHeadDim, 1);
  std::vector<float> out(q.size());
  for (auto _ : state) {
    wafer::bench::naiveAttention(q.data(), K.data(), V.data(), out.data(),
                                 kHeads, 1, length, kHeadDim, false);
    benchmark::ClobberMemory();
  }
  wafer::bench::setRates(state, 4.0 * kHeads * length * kHeadDim,
                         2.0 * 4 * kHeads * length * kHeadDim);
}
BENCHMARK(BM_AttentionNaive_Decode)->Apply(prefillSizes);

} // namespace
