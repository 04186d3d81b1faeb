#include "wafer/Kernels/CpuFeatures.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <fstream>
#include <unistd.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

#ifdef _OPENMP
#include <omp.h>
#endif

namespace wafer::kernels {
namespace {

constexpr int kNoOverride = -1;
std::atomic<int> forcedIsa{kNoOverride};
std::atomic<int> threadOverride{0};

std::mutex environmentMutex;
bool environmentRead = false;
bool environmentSet = false;
Isa environmentIsa = Isa::Portable;
std::string environmentError;

CpuFeatures detect() {
  CpuFeatures f;
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  f.avx2 = __builtin_cpu_supports("avx2");
  f.fma = __builtin_cpu_supports("fma");
  f.avx512f = __builtin_cpu_supports("avx512f");
  f.avx512bw = __builtin_cpu_supports("avx512bw");
  f.avx512dq = __builtin_cpu_supports("avx512dq");
  f.avx512vl = __builtin_cpu_supports("avx512vl");
  f.avx512bf16 = __builtin_cpu_supports("avx512bf16");
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid(0, &eax, &ebx, &ecx, &edx))
    f.amd = ebx == 0x68747541 && edx == 0x69746e65 && ecx == 0x444d4163;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx)) {
    const int base = (eax >> 8) & 0xf;
    f.family = base == 0xf ? base + ((eax >> 20) & 0xff) : base;
  }
#endif
  return f;
}

void readEnvironmentLocked() {
  environmentRead = true;
  environmentSet = false;
  environmentError.clear();
  const char *value = std::getenv("WAFER_KERNELS_ISA");
  if (!value || !*value)
    return;
  try {
    environmentIsa = parseIsa(value);
  } catch (const std::invalid_argument &e) {
    environmentError = e.what();
    return;
  }
  if (!isIsaSupported(environmentIsa)) {
    environmentError = std::string("WAFER_KERNELS_ISA=") + value +
                       ": this CPU does not support that path";
    return;
  }
  environmentSet = true;
}

} // namespace

const CpuFeatures &cpuFeatures() {
  static const CpuFeatures features = detect();
  return features;
}

bool streamSoftwarePrefetch() {
  static const bool enabled = [] {
    if (const char *env = std::getenv("WAFER_KERNELS_STREAM_PREFETCH");
        env && (env[0] == '0' || env[0] == '1') && env[1] == 0)
      return env[0] == '1';
    const CpuFeatures &f = cpuFeatures();
    return !(f.amd && f.family == 0x19);
  }();
  return enabled;
}

bool isIsaSupported(Isa isa) {
#ifndef WAFER_KERNELS_X86
  // Built without the x86 kernel files (non-x86 host or portable-only build).
  return isa == Isa::Portable;
#endif
  const CpuFeatures &f = cpuFeatures();
  switch (isa) {
  case Isa::Portable:
    return true;
  case Isa::Avx2:
    return f.avx2 && f.fma;
  case Isa::Avx512:
    return f.avx2 && f.fma && f.avx512f && f.avx512bw && f.avx512dq &&
           f.avx512vl;
  }
  return false;
}

Isa bestSupportedIsa() {
  if (isIsaSupported(Isa::Avx512))
    return Isa::Avx512;
  if (isIsaSupported(Isa::Avx2))
    return Isa::Avx2;
  return Isa::Portable;
}

Isa activeIsa() {
  const int forced = forcedIsa.load(std::memory_order_relaxed);
  if (forced != kNoOverride)
    return static_cast<Isa>(forced);
  std::lock_guard<std::mutex> lock(environmentMutex);
  if (!environmentRead)
    readEnvironmentLocked();
  if (!environmentError.empty())
    throw std::invalid_argument(environmentError);
  return environmentSet ? environmentIsa : bestSupportedIsa();
}

void forceIsa(Isa isa) {
  if (!isIsaSupported(isa))
    throw std::invalid_argument(std::string("cannot force ISA '") +
                                isaName(isa) + "': not supported by this CPU");
  forcedIsa.store(static_cast<int>(isa));
}

void clearForcedIsa() { forcedIsa.store(kNoOverride); }

void reloadIsaFromEnvironment() {
  std::lock_guard<std::mutex> lock(environmentMutex);
  readEnvironmentLocked();
}

const char *isaName(Isa isa) {
  switch (isa) {
  case Isa::Portable:
    return "portable";
  case Isa::Avx2:
    return "avx2";
  case Isa::Avx512:
    return "avx512";
  }
  return "unknown";
}

Isa parseIsa(const std::string &name) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower == "avx512")
    return Isa::Avx512;
  if (lower == "avx2")
    return Isa::Avx2;
  if (lower == "portable")
    return Isa::Portable;
  throw std::invalid_argument("unknown ISA '" + name +
                              "' (expected avx512, avx2 or portable)");
}

ScopedIsa::ScopedIsa(Isa isa) : previous_(forcedIsa.load()) { forceIsa(isa); }
ScopedIsa::~ScopedIsa() { forcedIsa.store(previous_); }

namespace {

// Size in bytes of cpu0's cache of the given level and type from sysfs
// ("48K"), or -1. Preferred over sysconf, which under some hypervisors reports
// the host's caches rather than the ones the guest is given.
// With `ways`, also its associativity (-1 when not reported).
long sysfsCacheSize(int level, const char *type, long *ways = nullptr) {
  for (int index = 0; index < 8; ++index) {
    const std::string dir =
        "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/";
    std::ifstream levelFile(dir + "level"), typeFile(dir + "type"),
        sizeFile(dir + "size");
    int fileLevel = 0;
    std::string fileType, sizeText;
    if (!(levelFile >> fileLevel) || !(typeFile >> fileType) ||
        !(sizeFile >> sizeText))
      break;
    if (fileLevel != level || (fileType != type && fileType != "Unified"))
      continue;
    long value = std::atol(sizeText.c_str());
    const char unit = sizeText.empty() ? 0 : sizeText.back();
    if (unit == 'K')
      value *= 1024;
    else if (unit == 'M')
      value *= 1024 * 1024;
    if (ways) {
      std::ifstream waysFile(dir + "ways_of_associativity");
      if (!(waysFile >> *ways) || *ways <= 0)
        *ways = -1;
    }
    return value > 0 ? value : -1;
  }
  return -1;
}

} // namespace

const CacheSizes &cacheSizes() {
  static const CacheSizes sizes = [] {
    CacheSizes s;
    long l1Ways = -1;
    long l1 = sysfsCacheSize(1, "Data", &l1Ways);
    long l2 = sysfsCacheSize(2, "Unified");
    long l3 = sysfsCacheSize(3, "Unified");
    if (l1 <= 0)
      l1 = sysconf(_SC_LEVEL1_DCACHE_SIZE);
    if (l2 <= 0)
      l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
    if (l3 <= 0)
      l3 = sysconf(_SC_LEVEL3_CACHE_SIZE);
    // Clamp odd reports (0, absurd sizes) to ranges that keep the blocking
    // sensible.
    if (l1 > 0)
      s.l1d = std::clamp(l1, 16L * 1024, 64L * 1024);
#ifdef _SC_LEVEL1_DCACHE_ASSOC
    if (l1Ways <= 0)
      l1Ways = sysconf(_SC_LEVEL1_DCACHE_ASSOC);
#endif
    if (l1Ways > 0)
      s.l1dWays = static_cast<int>(std::clamp(l1Ways, 2L, 32L));
    if (l2 > 0)
      s.l2 = std::clamp(l2, 256L * 1024, 4L * 1024 * 1024);
    if (l3 > 0)
      s.l3 = std::clamp(l3, 2L * 1024 * 1024, 64L * 1024 * 1024);
    return s;
  }();
  return sizes;
}

int kernelThreads() {
  const int forced = threadOverride.load(std::memory_order_relaxed);
  if (forced > 0)
    return forced;
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

void setKernelThreads(int threads) {
  if (threads < 0)
    throw std::invalid_argument("setKernelThreads: negative thread count");
  threadOverride.store(threads);
}

} // namespace wafer::kernels
