// GEMM/GEMV throughput: WaferKernels fp32 and bf16 (weights packed once,
// outside the timed loop, as the runtime does) against Debian's OpenBLAS
// sgemm on the same thread count (OpenBLAS packs B inside every call; that
// is its only API for this operation).
#include "BenchSupport.h"

#include "wafer/Kernels/Gemm.h"

#ifdef WAFER_HAVE_OPENBLAS
#include <cblas.h>
extern "C" void openblas_set_num_threads(int);
#endif
#ifdef WAFER_HAVE_OPENBLAS_CORENAME
// The kernel set OpenBLAS picked for this CPU (DYNAMIC_ARCH builds), e.g.
// "SkylakeX"; reported as the benchmark's label.
extern "C" char *openblas_get_corename(void);
#endif

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

using namespace wafer::kernels;

void gemmShapes(benchmark::internal::Benchmark *b) {
  for (int64_t n : {64, 128, 256, 512, 1024, 2048, 4096})
    b->Args({n, n, n});
  const int64_t kn[][2] = {
      {768, 768}, {768, 3072}, {3072, 768}, {4096, 4096}, {4096, 14336}};
  for (int64_t m : {1, 16, 128, 512})
    for (const auto &s : kn)
      b->Args({m, s[1], s[0]}); // M, N, K
  b->UseRealTime()->Unit(benchmark::kMillisecond);
}

// Weights are packed with `isa` forced, so the handle (and every call on it)
// runs that dispatch path: BM_Gemm_f32/avx2/... is the AVX2 path even on an
// AVX-512 machine. A path the CPU cannot run reports an error.
bool forcePathOrSkip(benchmark::State &state, Isa isa) {
  if (!isIsaSupported(isa)) {
    state.SkipWithError("this CPU cannot run that path");
    return false;
  }
  return true;
}

void BM_Gemm_f32(benchmark::State &state, Isa isa) {
  if (!forcePathOrSkip(state, isa))
    return;
  const size_t M = state.range(0), N = state.range(1), K = state.range(2);
  const auto A = wafer::bench::randomFloats(M * K, 1);
  PackedWeights packed;
  {
    ScopedIsa path(isa);
    const auto B = wafer::bench::randomFloats(K * N, 2);
    packed = PackedWeights::pack(B.data(), K, N, WeightLayout::KN);
  }
  std::vector<float> C(M * N);
  for (auto _ : state) {
    gemm(A.data(), M, packed, C.data());
    benchmark::ClobberMemory();
  }
  wafer::bench::setRates(state, 2.0 * M * N * K,
                         packed.bytes() + 4.0 * (M * K + M * N));
}
BENCHMARK_CAPTURE(BM_Gemm_f32, avx512, Isa::Avx512)->Apply(gemmShapes);
BENCHMARK_CAPTURE(BM_Gemm_f32, avx2, Isa::Avx2)->Apply(gemmShapes);

void BM_Gemm_bf16(benchmark::State &state, Isa isa) {
  if (!forcePathOrSkip(state, isa))
    return;
  const size_t M = state.range(0), N = state.range(1), K = state.range(2);
  std::vector<BFloat16> A(M * K);
  {
    const auto Af = wafer::bench::randomFloats(M * K, 1);
    convertToBFloat16(Af.data(), A.data(), A.size());
  }
  PackedWeights packed;
  {
    ScopedIsa path(isa);
    const auto B = wafer::bench::randomFloats(K * N, 2);
    packed = PackedWeights::pack(B.data(), K, N, WeightLayout::KN,
                                 ElementType::BF16);
  }
  std::vector<float> C(M * N);
  for (auto _ : state) {
    gemm(A.data(), M, packed, C.data());
    benchmark::ClobberMemory();
  }
  wafer::bench::setRates(state, 2.0 * M * N * K,
                         packed.bytes() + 2.0 * M * K + 4.0 * M * N);
}
BENCHMARK_CAPTURE(BM_Gemm_bf16, avx512, Isa::Avx512)->Apply(gemmShapes);
BENCHMARK_CAPTURE(BM_Gemm_bf16, avx2, Isa::Avx2)->Apply(gemmShapes);

// The decode GEMV with weights that come from DRAM, as they do when a model's
// layers together are far larger than the L3: the benchmark cycles through
// enough copies of the packed weights to stream at least 1 GiB, the size of
// BM_StreamRead's buffer, before it reuses one (on a machine with a large L3
// a single 64-235 MB matrix would otherwise be read from the L3).
void BM_GemvCold_f32(benchmark::State &state, Isa isa) {
  if (!forcePathOrSkip(state, isa))
    return;
  const size_t N = state.range(0), K = state.range(1);
  const auto x = wafer::bench::randomFloats(K, 1);
  std::vector<PackedWeights> copies;
  {
    ScopedIsa path(isa);
    const auto B = wafer::bench::randomFloats(K * N, 2);
    const double bytes = 4.0 * K * N;
    const size_t count =
        std::max<size_t>(2, static_cast<size_t>(std::ceil((1u << 30) / bytes)));
    for (size_t i = 0; i < count; ++i)
      copies.push_back(PackedWeights::pack(B.data(), K, N, WeightLayout::KN));
  }
  std::vector<float> y(N);
  size_t next = 0;
  for (auto _ : state) {
    gemm(x.data(), 1, copies[next], y.data());
    benchmark::ClobberMemory();
    next = next + 1 == copies.size() ? 0 : next + 1;
  }
  wafer::bench::setRates(state, 2.0 * N * K,
                         copies[0].bytes() + 4.0 * (K + N));
  state.counters["copies"] = static_cast<double>(copies.size());
}
void gemvColdShapes(benchmark::internal::Benchmark *b) {
  b->Args({4096, 4096})->Args({14336, 4096})->Args({4096, 14336});
  b->UseRealTime()->Unit(benchmark::kMillisecond);
}
BENCHMARK_CAPTURE(BM_GemvCold_f32, avx512, Isa::Avx512)->Apply(gemvColdShapes);
BENCHMARK_CAPTURE(BM_GemvCold_f32, avx2, Isa::Avx2)->Apply(gemvColdShapes);

#ifdef WAFER_HAVE_OPENBLAS
void BM_Gemm_OpenBLAS_f32(benchmark::State &state) {
  const size_t M = state.range(0), N = state.range(1), K = state.range(2);
  openblas_set_num_threads(kernelThreads());
  const auto A = wafer::bench::randomFloats(M * K, 1);
  const auto B = wafer::bench::randomFloats(K * N, 2);
  std::vector<float> C(M * N);
  for (auto _ : state) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, M, N, K, 1.0f,
                A.data(), K, B.data(), N, 0.0f, C.data(), N);
    benchmark::ClobberMemory();
  }
  wafer::bench::setRates(state, 2.0 * M * N * K, 4.0 * (M * K + K * N + M * N));
#ifdef WAFER_HAVE_OPENBLAS_CORENAME
  state.SetLabel(openblas_get_corename());
#endif
}
BENCHMARK(BM_Gemm_OpenBLAS_f32)->Apply(gemmShapes);
#endif

} // namespace
