// Shared helpers: random data, double-precision references, and the
// parameterization over dispatch paths.
#pragma once

#include "wafer/Kernels/Activation.h"
#include "wafer/Kernels/CpuFeatures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace wafer::kernels::testing {

inline std::vector<float> randomVector(size_t n, std::mt19937 &rng,
                                       float lo = -1.0f, float hi = 1.0f) {
  std::uniform_real_distribution<float> dist(lo, hi);
  std::vector<float> v(n);
  for (float &x : v)
    x = dist(rng);
  return v;
}

inline double referenceActivation(double x, Activation act) {
  switch (act) {
  case Activation::None:
    return x;
  case Activation::Gelu:
    return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
  case Activation::GeluTanh:
    return 0.5 * x *
           (1.0 + std::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x)));
  case Activation::Silu:
    return x / (1.0 + std::exp(-x));
  }
  return x;
}

// Fixture base: runs the test body with the parameter's path forced, and
// skips paths the CPU cannot execute.
class IsaTest : public ::testing::TestWithParam<Isa> {
protected:
  void SetUp() override {
    if (!isIsaSupported(GetParam()))
      GTEST_SKIP() << isaName(GetParam()) << " not supported on this CPU";
    scoped_ = std::make_unique<ScopedIsa>(GetParam());
  }
  void TearDown() override { scoped_.reset(); }

private:
  std::unique_ptr<ScopedIsa> scoped_;
};

inline std::string isaParamName(const ::testing::TestParamInfo<Isa> &info) {
  return isaName(info.param);
}

#define WAFER_INSTANTIATE_FOR_ALL_ISAS(Fixture)                                \
  INSTANTIATE_TEST_SUITE_P(                                                    \
      AllIsas, Fixture,                                                        \
      ::testing::Values(::wafer::kernels::Isa::Portable,                       \
                        ::wafer::kernels::Isa::Avx2,                           \
                        ::wafer::kernels::Isa::Avx512),                        \
      ::wafer::kernels::testing::isaParamName)

} // namespace wafer::kernels::testing
