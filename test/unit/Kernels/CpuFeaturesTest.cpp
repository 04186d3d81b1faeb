#include "wafer/Kernels/CpuFeatures.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

namespace wafer::kernels {
namespace {

TEST(CpuFeatures, BestPathIsSupportedAndPortableAlwaysIs) {
  EXPECT_TRUE(isIsaSupported(Isa::Portable));
  EXPECT_TRUE(isIsaSupported(bestSupportedIsa()));
  if (isIsaSupported(Isa::Avx512)) {
    EXPECT_TRUE(isIsaSupported(Isa::Avx2));
  }
}

TEST(CpuFeatures, ParseIsaAcceptsKnownNamesOnly) {
  for (Isa isa : {Isa::Portable, Isa::Avx2, Isa::Avx512})
    EXPECT_EQ(parseIsa(isaName(isa)), isa);
  EXPECT_EQ(parseIsa("AVX512"), Isa::Avx512);
  EXPECT_THROW(parseIsa("sse9"), std::invalid_argument);
}

TEST(CpuFeatures, ScopedIsaForcesAndRestores) {
  const Isa before = activeIsa();
  {
    ScopedIsa scoped(Isa::Portable);
    EXPECT_EQ(activeIsa(), Isa::Portable);
  }
  EXPECT_EQ(activeIsa(), before);
}

TEST(CpuFeatures, EnvironmentVariableSelectsPath) {
  const char *saved = std::getenv("WAFER_KERNELS_ISA");
  const std::string savedValue = saved ? saved : "";
  setenv("WAFER_KERNELS_ISA", "portable", 1);
  reloadIsaFromEnvironment();
  EXPECT_EQ(activeIsa(), Isa::Portable);
  setenv("WAFER_KERNELS_ISA", "not-an-isa", 1);
  reloadIsaFromEnvironment();
  EXPECT_THROW(activeIsa(), std::invalid_argument);
  {
    // A forced path wins over the environment.
    ScopedIsa scoped(Isa::Portable);
    EXPECT_EQ(activeIsa(), Isa::Portable);
  }
  if (saved)
    setenv("WAFER_KERNELS_ISA", savedValue.c_str(), 1);
  else
    unsetenv("WAFER_KERNELS_ISA");
  reloadIsaFromEnvironment();
  EXPECT_NO_THROW(activeIsa());
}

TEST(CpuFeatures, CacheSizesAreSane) {
  const CacheSizes &c = cacheSizes();
  EXPECT_GE(c.l1d, 16 * 1024);
  EXPECT_GE(c.l2, c.l1d);
  EXPECT_GE(c.l3, c.l2);
  EXPECT_GE(c.l1dWays, 2);
  EXPECT_LE(c.l1dWays, 32);
  EXPECT_GE(kernelThreads(), 1);
}

} // namespace
} // namespace wafer::kernels
