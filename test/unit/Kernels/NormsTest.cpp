// layer_norm, rms_norm and softmax against double-precision references.
// Tolerance: 2e-5 * (1 + |ref|); the rows are normalized so values are O(1)
// and float reductions over up to ~1000 elements lose ~1e-6 relative.
#include "KernelTestSupport.h"

#include "wafer/Kernels/Norms.h"

#include <stdexcept>

namespace wafer::kernels {
namespace {

using testing::IsaTest;
using testing::randomVector;

class NormsTest : public IsaTest {};

struct RowsCols {
  size_t rows, cols;
};
const RowsCols kShapes[] = {{1, 1},  {1, 3},  {3, 17},  {2, 63},
                            {5, 65}, {7, 768}, {130, 513}};

TEST_P(NormsTest, LayerNormMatchesReference) {
  std::mt19937 rng(31);
  for (const auto &s : kShapes)
    for (bool affine : {false, true}) {
      const auto x = randomVector(s.rows * s.cols, rng, -3.0f, 5.0f);
      const auto gamma = randomVector(s.cols, rng), beta = randomVector(s.cols, rng);
      std::vector<float> y(x.size());
      const float eps = 1e-5f;
      layerNorm(x.data(), y.data(), s.rows, s.cols,
                affine ? gamma.data() : nullptr, affine ? beta.data() : nullptr, eps);
      for (size_t r = 0; r < s.rows; ++r) {
        double mean = 0, var = 0;
        for (size_t c = 0; c < s.cols; ++c)
          mean += x[r * s.cols + c];
        mean /= s.cols;
        for (size_t c = 0; c < s.cols; ++c)
          var += (x[r * s.cols + c] - mean) * (x[r * s.cols + c] - mean);
        var /= s.cols;
        for (size_t c = 0; c < s.cols; ++c) {
          double ref = (x[r * s.cols + c] - mean) / std::sqrt(var + eps);
          if (affine)
            ref = ref * gamma[c] + beta[c];
          ASSERT_NEAR(y[r * s.cols + c], ref, 2e-5 * (1 + std::abs(ref)))
              << "rows=" << s.rows << " cols=" << s.cols;
        }
      }
    }
}

TEST_P(NormsTest, RmsNormMatchesReferenceInPlace) {
  std::mt19937 rng(32);
  for (const auto &s : kShapes) {
    const auto x = randomVector(s.rows * s.cols, rng, -3.0f, 3.0f);
    const auto gamma = randomVector(s.cols, rng);
    std::vector<float> y = x;
    rmsNorm(y.data(), y.data(), s.rows, s.cols, gamma.data(), 1e-6f);
    for (size_t r = 0; r < s.rows; ++r) {
      double sq = 0;
      for (size_t c = 0; c < s.cols; ++c)
        sq += static_cast<double>(x[r * s.cols + c]) * x[r * s.cols + c];
      const double inv = 1.0 / std::sqrt(sq / s.cols + 1e-6);
      for (size_t c = 0; c < s.cols; ++c) {
        const double ref = x[r * s.cols + c] * inv * gamma[c];
        ASSERT_NEAR(y[r * s.cols + c], ref, 2e-5 * (1 + std::abs(ref)));
      }
    }
  }
}

TEST_P(NormsTest, SoftmaxMatchesReferenceWithLargeLogits) {
  std::mt19937 rng(33);
  for (const auto &s : kShapes) {
    const auto x = randomVector(s.rows * s.cols, rng, -30.0f, 30.0f);
    std::vector<float> y(x.size());
    softmax(x.data(), y.data(), s.rows, s.cols);
    for (size_t r = 0; r < s.rows; ++r) {
      double m = -1e300, sum = 0;
      for (size_t c = 0; c < s.cols; ++c)
        m = std::max(m, static_cast<double>(x[r * s.cols + c]));
      for (size_t c = 0; c < s.cols; ++c)
        sum += std::exp(x[r * s.cols + c] - m);
      for (size_t c = 0; c < s.cols; ++c) {
        const double ref = std::exp(x[r * s.cols + c] - m) / sum;
        ASSERT_NEAR(y[r * s.cols + c], ref, 2e-6 * (1 + ref) + 1e-6 * ref * 10);
      }
    }
  }
}

WAFER_INSTANTIATE_FOR_ALL_ISAS(NormsTest);

TEST(NormsErrors, BadArgumentsThrow) {
  float x[4] = {};
  EXPECT_THROW(layerNorm(x, x, 0, 4, nullptr, nullptr), std::invalid_argument);
  EXPECT_THROW(rmsNorm(x, x, 1, 0, nullptr), std::invalid_argument);
  EXPECT_THROW(softmax(nullptr, x, 1, 4), std::invalid_argument);
  EXPECT_THROW(layerNorm(x, x, 1, 4, nullptr, nullptr, -1.0f),
               std::invalid_argument);
}

} // namespace
} // namespace wafer::kernels
