// The machine's measured limits, so kernel results can be quoted as fractions
// of numbers from the same run: fp32 FMA peak, bf16 dot-product peak, and
// DRAM read bandwidth, each on the kernels' thread count.
#include "BenchSupport.h"

#include "wafer/Kernels/CpuFeatures.h"

// GCC 12 warns about its own _mm512_undefined_* helpers inside intrinsics.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#include <omp.h>

#include <cstdlib>
#include <cstring>

#include <sys/mman.h>

namespace {

using namespace wafer::kernels;

// Independent accumulator chains per loop. Each must stay in a register for
// the whole loop: a spilled accumulator turns its FMA into a load, an FMA and
// a store, and the "peak" measures the store-to-load forwarding instead (16
// chains plus the two constants in 16 ymm registers spilled and reported 55%
// of the real AVX2 peak on Zen 3). 12 chains cover FMA latency x issue width
// on every x86 core we run on (4 cycles x 2 pipes = 8 in flight); with the
// two constants that is 14 of the 16 ymm registers. AVX-512 has 32 zmm
// registers: 24 chains + 2 constants. `objdump -d` of this file's object
// shows each loop body as FMAs on registers only (docs/performance.md).
constexpr int kChainsAvx2 = 12;
constexpr int kChainsAvx512 = 24;

// Each call: iterations * kChainsAvx512 * 16 lanes * 2 flops.
__attribute__((target("avx512f,fma"))) float fmaLoopAvx512(size_t iterations) {
  __m512 acc[kChainsAvx512];
#pragma GCC unroll 32
  for (int c = 0; c < kChainsAvx512; ++c)
    acc[c] = _mm512_set1_ps(static_cast<float>(c));
  const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
  for (size_t i = 0; i < iterations; ++i)
#pragma GCC unroll 32
    for (int c = 0; c < kChainsAvx512; ++c)
      acc[c] = _mm512_fmadd_ps(acc[c], a, b);
#pragma GCC unroll 32
  for (int c = 1; c < kChainsAvx512; ++c)
    acc[0] = _mm512_add_ps(acc[0], acc[c]);
  return _mm512_reduce_add_ps(acc[0]);
}

// Each call: iterations * kChainsAvx2 * 8 lanes * 2 flops.
__attribute__((target("avx2,fma"))) float fmaLoopAvx2(size_t iterations) {
  __m256 acc[kChainsAvx2];
#pragma GCC unroll 16
  for (int c = 0; c < kChainsAvx2; ++c)
    acc[c] = _mm256_set1_ps(static_cast<float>(c));
  const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
  for (size_t i = 0; i < iterations; ++i)
#pragma GCC unroll 16
    for (int c = 0; c < kChainsAvx2; ++c)
      acc[c] = _mm256_fmadd_ps(acc[c], a, b);
  float out[8];
#pragma GCC unroll 16
  for (int c = 1; c < kChainsAvx2; ++c)
    acc[0] = _mm256_add_ps(acc[0], acc[c]);
  _mm256_storeu_ps(out, acc[0]);
  return out[0];
}

// Each call: iterations * kChainsAvx512 * 16 lanes * 2 pairs * 2 flops.
__attribute__((target("avx512f,avx512bf16"))) float
bf16LoopAvx512(size_t iterations) {
  __m512 acc[kChainsAvx512];
#pragma GCC unroll 32
  for (int c = 0; c < kChainsAvx512; ++c)
    acc[c] = _mm512_set1_ps(static_cast<float>(c));
  const __m512bh a = (__m512bh)_mm512_set1_epi32(0x3f803f80);
  const __m512bh b = (__m512bh)_mm512_set1_epi32(0x33d633d6);
  for (size_t i = 0; i < iterations; ++i)
#pragma GCC unroll 32
    for (int c = 0; c < kChainsAvx512; ++c)
      acc[c] = _mm512_dpbf16_ps(acc[c], a, b);
#pragma GCC unroll 32
  for (int c = 1; c < kChainsAvx512; ++c)
    acc[0] = _mm512_add_ps(acc[0], acc[c]);
  return _mm512_reduce_add_ps(acc[0]);
}

// About 0.1 s of FMAs per call at a few hundred GFLOP/s.
constexpr size_t kPeakIterations = 1 << 21;

// The fp32 FMA peak of one dispatch path (BM_PeakFMA_f32/avx512 and
// BM_PeakFMA_f32/avx2): the figure each path's GEMM is quoted against. A
// path the CPU cannot run reports an error instead of a number.
void BM_PeakFMA_f32(benchmark::State &state, Isa isa) {
  if (isa == Isa::Portable || !isIsaSupported(isa)) {
    state.SkipWithError("this CPU cannot run that path");
    return;
  }
  const int threads = kernelThreads();
  const bool wide = isa == Isa::Avx512;
  const double flopsPerThread = static_cast<double>(kPeakIterations) *
                                (wide ? kChainsAvx512 * 16 : kChainsAvx2 * 8) *
                                2;
  for (auto _ : state) {
#pragma omp parallel num_threads(threads)
    {
      float r = wide ? fmaLoopAvx512(kPeakIterations)
                     : fmaLoopAvx2(kPeakIterations);
      benchmark::DoNotOptimize(r);
    }
  }
  wafer::bench::setRates(state, flopsPerThread * threads, 0.0);
  state.counters["threads"] = threads;
}
BENCHMARK_CAPTURE(BM_PeakFMA_f32, avx512, Isa::Avx512)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PeakFMA_f32, avx2, Isa::Avx2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_PeakBF16(benchmark::State &state) {
  if (!cpuFeatures().avx512bf16) {
    state.SkipWithError("needs AVX512_BF16");
    return;
  }
  const int threads = kernelThreads();
  const double flopsPerThread =
      static_cast<double>(kPeakIterations) * kChainsAvx512 * 16 * 2 * 2;
  for (auto _ : state) {
#pragma omp parallel num_threads(threads)
    {
      float r = bf16LoopAvx512(kPeakIterations);
      benchmark::DoNotOptimize(r);
    }
  }
  wafer::bench::setRates(state, flopsPerThread * threads, 0.0);
  state.counters["threads"] = threads;
}
BENCHMARK(BM_PeakBF16)->UseRealTime()->Unit(benchmark::kMillisecond);

// Sum of n floats (n a multiple of 32). With `prefetch`, each 64-byte line
// is also requested into L2 4 KiB ahead (prefetcht1), the GEMV's scheme.
__attribute__((target("avx2"))) float sumAvx2(const float *p, size_t n,
                                              bool prefetch) {
  __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
  if (prefetch) {
    const char *ahead = reinterpret_cast<const char *>(p) + 4096;
    for (size_t i = 0; i + 32 <= n; i += 32) {
      _mm_prefetch(ahead + i * 4, _MM_HINT_T1);
      _mm_prefetch(ahead + i * 4 + 64, _MM_HINT_T1);
      a0 = _mm256_add_ps(a0, _mm256_load_ps(p + i));
      a1 = _mm256_add_ps(a1, _mm256_load_ps(p + i + 8));
      a2 = _mm256_add_ps(a2, _mm256_load_ps(p + i + 16));
      a3 = _mm256_add_ps(a3, _mm256_load_ps(p + i + 24));
    }
  } else {
    for (size_t i = 0; i + 32 <= n; i += 32) {
      a0 = _mm256_add_ps(a0, _mm256_load_ps(p + i));
      a1 = _mm256_add_ps(a1, _mm256_load_ps(p + i + 8));
      a2 = _mm256_add_ps(a2, _mm256_load_ps(p + i + 16));
      a3 = _mm256_add_ps(a3, _mm256_load_ps(p + i + 24));
    }
  }
  float out[8];
  _mm256_storeu_ps(out, _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
  return out[0];
}

// Sequential read of a buffer far larger than the L3, by the hardware
// prefetchers alone (BM_StreamRead) or with software prefetch as well
// (BM_StreamReadPrefetch). Which one is faster depends on the machine; the
// benchmark script quotes the better one as the DRAM read bandwidth.
void streamRead(benchmark::State &state, bool prefetch) {
  const size_t bytes = static_cast<size_t>(state.range(0)) << 20;
  const size_t count = bytes / sizeof(float);
  // 2 MiB aligned with transparent huge pages, like the packed GEMV weights,
  // so the measurement is not limited by TLB misses.
  float *data = static_cast<float *>(std::aligned_alloc(2 << 20, bytes));
  madvise(data, bytes, MADV_HUGEPAGE);
  const int threads = kernelThreads();
#pragma omp parallel for num_threads(threads) schedule(static)
  for (size_t i = 0; i < count; ++i)
    data[i] = 1.0f;
  // Same access pattern as the GEMV: a few contiguous chunks per thread,
  // handed out dynamically.
  const size_t chunks = 4 * static_cast<size_t>(threads);
  for (auto _ : state) {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (size_t c = 0; c < chunks; ++c) {
      const size_t begin = count * c / chunks / 32 * 32;
      const size_t end = count * (c + 1) / chunks / 32 * 32;
      float r = sumAvx2(data + begin, end - begin, prefetch);
      benchmark::DoNotOptimize(r);
    }
  }
  wafer::bench::setRates(state, 0.0, static_cast<double>(bytes));
  std::free(data);
}

void BM_StreamRead(benchmark::State &state) { streamRead(state, false); }
BENCHMARK(BM_StreamRead)->Arg(1024)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_StreamReadPrefetch(benchmark::State &state) { streamRead(state, true); }
BENCHMARK(BM_StreamReadPrefetch)
    ->Arg(1024)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

} // namespace
