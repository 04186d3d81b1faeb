// Elementwise kernels against double-precision references on every path.
// Tolerance: 5e-6 * (1 + |ref|): the float approximations of exp/erf/tanh are
// accurate to ~2e-7 relative, plus float rounding of the argument.
#include "KernelTestSupport.h"

#include "wafer/Kernels/Elementwise.h"

#include <stdexcept>

namespace wafer::kernels {
namespace {

using testing::IsaTest;
using testing::randomVector;

class ElementwiseTest : public IsaTest {};

const size_t kSizes[] = {1, 3, 17, 63, 64, 65, 1000};

TEST_P(ElementwiseTest, ActivationsMatchReference) {
  std::mt19937 rng(21);
  for (Activation act : {Activation::None, Activation::Gelu,
                         Activation::GeluTanh, Activation::Silu})
    for (size_t n : kSizes) {
      auto x = randomVector(n, rng, -12.0f, 12.0f);
      // Extremes: saturation on both sides must not produce NaN or garbage.
      x[0] = n > 1 ? -100.0f : x[0];
      if (n > 2)
        x[1] = 100.0f;
      std::vector<float> y(n);
      applyActivation(x.data(), y.data(), n, act);
      for (size_t i = 0; i < n; ++i) {
        const double ref = testing::referenceActivation(x[i], act);
        ASSERT_NEAR(y[i], ref, 5e-6 * (1.0 + std::abs(ref)))
            << activationName(act) << " x=" << x[i];
      }
    }
}

TEST_P(ElementwiseTest, NamedEntryPointsAndInPlace) {
  std::mt19937 rng(22);
  auto x = randomVector(65, rng, -5.0f, 5.0f);
  std::vector<float> a(x.size()), b(x.size()), c(x.size());
  gelu(x.data(), a.data(), x.size());
  geluTanh(x.data(), b.data(), x.size());
  std::vector<float> inPlace = x;
  silu(inPlace.data(), inPlace.data(), x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_NEAR(a[i], testing::referenceActivation(x[i], Activation::Gelu), 3e-5);
    EXPECT_NEAR(b[i], testing::referenceActivation(x[i], Activation::GeluTanh), 3e-5);
    EXPECT_NEAR(inPlace[i], testing::referenceActivation(x[i], Activation::Silu), 3e-5);
  }
}

TEST_P(ElementwiseTest, ResidualAdd) {
  std::mt19937 rng(23);
  for (size_t n : kSizes) {
    const auto a = randomVector(n, rng), b = randomVector(n, rng);
    std::vector<float> out(n);
    residualAdd(a.data(), b.data(), out.data(), n);
    for (size_t i = 0; i < n; ++i)
      ASSERT_NEAR(out[i], static_cast<double>(a[i]) + b[i], 1e-7);
  }
}

WAFER_INSTANTIATE_FOR_ALL_ISAS(ElementwiseTest);

TEST(ElementwiseErrors, NullPointersThrow) {
  float x[2] = {};
  EXPECT_THROW(gelu(nullptr, x, 2), std::invalid_argument);
  EXPECT_THROW(residualAdd(x, x, nullptr, 2), std::invalid_argument);
  EXPECT_NO_THROW(gelu(nullptr, nullptr, 0));
}

} // namespace
} // namespace wafer::kernels
