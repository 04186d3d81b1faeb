// Shared helpers for the kernel benchmarks.
#pragma once

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace wafer::bench {

inline std::vector<float> randomFloats(size_t n, unsigned seed = 1) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v(n);
  for (float &x : v)
    x = dist(rng);
  return v;
}

// Rates use wall time: the kernels run on several threads.
inline void setRates(benchmark::State &state, double flopsPerIteration,
                     double bytesPerIteration) {
  const double iterations = static_cast<double>(state.iterations());
  state.counters["GFLOPS"] = benchmark::Counter(
      flopsPerIteration * iterations * 1e-9, benchmark::Counter::kIsRate);
  state.counters["GBps"] = benchmark::Counter(
      bytesPerIteration * iterations * 1e-9, benchmark::Counter::kIsRate);
}

} // namespace wafer::bench
