// wafer-bench-gemm-ab: the GEMM driver's tuning knobs (WAFER_KERNELS_*,
// docs/performance.md) compared inside one process, call by call.
//
//   wafer-bench-gemm-ab M N K [--threads T] [--rounds R] KNOB=V1,V2[,...]...
//
// Every combination of the knobs' values is a variant; each round calls the
// GEMM once per variant, in turn, with cold weights (copies of B cycled,
// 160 MiB in all, as a model's weights are), and the table gives each
// variant's median and best GFLOP/s and its median against the first's.
// On a shared machine whose speed drifts by 30% from minute to minute,
// separate processes cannot show a 5% difference; alternating calls can.
#include "BenchSupport.h"

#include "wafer/Kernels/CpuFeatures.h"
#include "wafer/Kernels/Gemm.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace {

using wafer::kernels::PackedWeights;

struct Knob {
  std::string name;
  std::vector<std::string> values;
};

[[noreturn]] void usage(const char *why) {
  std::fprintf(stderr,
               "wafer-bench-gemm-ab: %s\nusage: wafer-bench-gemm-ab M N K "
               "[--threads T] [--rounds R] KNOB=V1,V2[,...]...\n",
               why);
  std::exit(2);
}

size_t positive(const char *text, const char *what) {
  char *end = nullptr;
  const long long v = std::strtoll(text, &end, 10);
  if (!end || *end || v < 1 || v > (1LL << 20))
    usage((std::string(what) + " must be an integer from 1 to 2^20").c_str());
  return static_cast<size_t>(v);
}

std::vector<std::string> split(const std::string &text) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (true) {
    const size_t comma = text.find(',', begin);
    parts.push_back(text.substr(begin, comma - begin));
    if (comma == std::string::npos)
      return parts;
    begin = comma + 1;
  }
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 4)
    usage("needs M, N and K");
  const size_t M = positive(argv[1], "M"), N = positive(argv[2], "N"),
               K = positive(argv[3], "K");
  int threads = 0;
  size_t rounds = 30;
  std::vector<Knob> knobs;
  for (int i = 4; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      threads = static_cast<int>(positive(argv[++i], "--threads"));
    } else if (arg == "--rounds" && i + 1 < argc) {
      rounds = positive(argv[++i], "--rounds");
    } else if (const size_t eq = arg.find('=');
               arg.rfind("WAFER_KERNELS_", 0) == 0 && eq != std::string::npos &&
               eq + 1 < arg.size()) {
      knobs.push_back({arg.substr(0, eq), split(arg.substr(eq + 1))});
    } else {
      usage(("unexpected argument '" + arg + "'").c_str());
    }
  }
  if (threads > 0)
    wafer::kernels::setKernelThreads(threads);

  // Every combination of the knobs' values, the first knob slowest.
  std::vector<std::vector<std::pair<std::string, std::string>>> variants(1);
  for (const Knob &knob : knobs) {
    std::vector<std::vector<std::pair<std::string, std::string>>> grown;
    for (const auto &variant : variants)
      for (const std::string &value : knob.values) {
        grown.push_back(variant);
        grown.back().emplace_back(knob.name, value);
      }
    variants = std::move(grown);
  }

  const std::vector<float> A = wafer::bench::randomFloats(M * K, 1);
  const std::vector<float> B = wafer::bench::randomFloats(K * N, 2);
  std::vector<float> C(M * N);
  const size_t copies = std::clamp<size_t>((size_t{160} << 20) / (K * N * 4),
                                           1, 64);
  std::vector<PackedWeights> weights;
  for (size_t c = 0; c < copies; ++c)
    weights.push_back(PackedWeights::pack(B.data(), K, N,
                                          wafer::kernels::WeightLayout::KN));

  std::vector<std::vector<double>> seconds(variants.size());
  size_t call = 0;
  for (size_t r = 0; r < rounds + 1; ++r)
    for (size_t v = 0; v < variants.size(); ++v) {
      for (const auto &[name, value] : variants[v])
        setenv(name.c_str(), value.c_str(), 1);
      const auto start = std::chrono::steady_clock::now();
      wafer::kernels::gemm(A.data(), M, weights[call++ % copies], C.data());
      const std::chrono::duration<double> took =
          std::chrono::steady_clock::now() - start;
      if (r > 0) // round 0 warms up
        seconds[v].push_back(took.count());
    }

  const double flops = 2.0 * double(M) * double(N) * double(K);
  std::printf("GEMM %zu x %zu x %zu, %d thread(s), %zu rounds, %zu weight "
              "copies\n",
              M, N, K, wafer::kernels::kernelThreads(), rounds, copies);
  double firstMedian = 0;
  for (size_t v = 0; v < variants.size(); ++v) {
    std::vector<double> s = seconds[v];
    std::sort(s.begin(), s.end());
    const double median = flops / s[s.size() / 2] * 1e-9;
    const double best = flops / s.front() * 1e-9;
    if (v == 0)
      firstMedian = median;
    std::string name;
    for (const auto &[knob, value] : variants[v])
      name += (name.empty() ? "" : " ") + knob + "=" + value;
    std::printf("  %-60s median %7.1f  best %7.1f GFLOP/s  median ratio %.3f\n",
                name.empty() ? "(defaults)" : name.c_str(), median, best,
                median / firstMedian);
  }
  return 0;
}
