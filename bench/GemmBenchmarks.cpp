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

void BM_Gemm_f32(benchmark::State &state) {
  const size_t M = state.range(0), N = state.range(1), K = state.range(2);
  const auto A = wafer::bench::randomFloats(M * K, 1);
  PackedWeights packed;
  {
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
BENCHMARK(BM_Gemm_f32)->Apply(gemmShapes);

void BM_Gemm_bf16(benchmark::State &state) {
  const size_t M = state.range(0), N = state.range(1), K = state.range(2);
  std::vector<BFloat16> A(M * K);
  {
    const auto Af = wafer::bench::randomFloats(M * K, 1);
    convertToBFloat16(Af.data(), A.data(), A.size());
  }
  PackedWeights packed;
  {
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
BENCHMARK(BM_Gemm_bf16)->Apply(gemmShapes);

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
}
BENCHMARK(BM_Gemm_OpenBLAS_f32)->Apply(gemmShapes);
#endif

} // namespace
