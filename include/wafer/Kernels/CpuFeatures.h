// Run-time CPU feature detection and instruction-set dispatch selection.
#pragma once

#include <string>

namespace wafer::kernels {

// The dispatch paths. Every kernel has an implementation for each of them;
// Avx512 additionally uses AVX-512 BF16 for bf16 GEMM when the CPU has it.
enum class Isa { Portable = 0, Avx2 = 1, Avx512 = 2 };

struct CpuFeatures {
  bool avx2 = false;
  bool fma = false;
  bool avx512f = false;
  bool avx512bw = false;
  bool avx512dq = false;
  bool avx512vl = false;
  bool avx512bf16 = false;
  bool amd = false; // vendor AuthenticAMD
  int family = 0;   // base plus extended family, as AMD documents it
};

// Detected once, on first use.
const CpuFeatures &cpuFeatures();

bool isIsaSupported(Isa isa);
Isa bestSupportedIsa();

// The path kernels use now: a forced path (forceIsa) wins, then the
// WAFER_KERNELS_ISA environment variable (avx512|avx2|portable), then the best
// supported one. Throws std::invalid_argument if the environment variable names
// an unknown or unsupported path, so a misconfigured run is never silently
// measured on the wrong path.
Isa activeIsa();

// Forces a path for the whole process (tests use this). Throws
// std::invalid_argument when the CPU cannot run it.
void forceIsa(Isa isa);
void clearForcedIsa();

// Re-reads WAFER_KERNELS_ISA (it is cached after the first read).
void reloadIsaFromEnvironment();

const char *isaName(Isa isa);
// Accepts "avx512", "avx2", "portable" (case-insensitive); throws
// std::invalid_argument otherwise.
Isa parseIsa(const std::string &name);

// Forces a path for the lifetime of the object, restoring the previous state.
class ScopedIsa {
public:
  explicit ScopedIsa(Isa isa);
  ~ScopedIsa();
  ScopedIsa(const ScopedIsa &) = delete;
  ScopedIsa &operator=(const ScopedIsa &) = delete;

private:
  int previous_;
};

// Whether kernels that stream weights from DRAM once (GEMV) add software
// prefetch to the hardware prefetchers. On Zen 5 and Intel Xeon it raises the
// bandwidth of one stream per core; on Zen 3 (AMD family 19h) it lowers it
// (2 threads, 14336x4096 cold: 21.0 GB/s without, 18.6-19.4 with, at any
// distance from 1 to 8 KiB, into L1, L2 or non-temporal). Off on family 19h,
// on elsewhere; WAFER_KERNELS_STREAM_PREFETCH=0|1 overrides (read once).
bool streamSoftwarePrefetch();

// Cache sizes in bytes (per core for L1/L2, the share visible to this process
// for L3), read from the OS with sane fallbacks; GEMM blocking derives from them.
struct CacheSizes {
  long l1d = 32 * 1024;
  long l2 = 1024 * 1024;
  long l3 = 32 * 1024 * 1024;
  int l1dWays = 8; // associativity of the L1d (the GEMM's kc depends on it)
};
const CacheSizes &cacheSizes();

// Number of threads the kernels use (OpenMP's maximum unless overridden);
// they run on the pool of Parallel.h.
int kernelThreads();
// 0 restores the default.
void setKernelThreads(int threads);

} // namespace wafer::kernels
