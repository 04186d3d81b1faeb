// Rotary embedding against a double-precision reference.
// Tolerance: 1e-5 * (1 + |ref|) (float rotation of O(1) values; angles are
// computed in double for positions up to ~5000).
#include "KernelTestSupport.h"

#include "wafer/Kernels/Rotary.h"

#include <stdexcept>

namespace wafer::kernels {
namespace {

using testing::IsaTest;
using testing::randomVector;

class RotaryTest : public IsaTest {};

TEST_P(RotaryTest, MatchesReference) {
  std::mt19937 rng(41);
  struct Case {
    size_t rows, seq, dim, rotary, offset;
  };
  const Case cases[] = {{1, 1, 2, 0, 0},   {3, 17, 64, 0, 5},
                        {2, 3, 63 + 1, 32, 4000}, {4, 65, 128, 0, 0},
                        {1, 5, 18, 10, 7}, {12, 64, 64, 0, 1000}};
  for (const Case &c : cases) {
    const auto x = randomVector(c.rows * c.seq * c.dim, rng);
    std::vector<float> y = x;
    const float base = 10000.0f;
    rotaryEmbedding(y.data(), c.rows, c.seq, c.dim, c.offset, base, c.rotary);
    const size_t rot = c.rotary ? c.rotary : c.dim, half = rot / 2;
    for (size_t r = 0; r < c.rows; ++r)
      for (size_t s = 0; s < c.seq; ++s) {
        const float *in = x.data() + (r * c.seq + s) * c.dim;
        const float *out = y.data() + (r * c.seq + s) * c.dim;
        for (size_t i = 0; i < c.dim; ++i) {
          double ref = in[i];
          if (i < rot) {
            const size_t pairIndex = i % half;
            const double angle = static_cast<double>(c.offset + s) *
                                 std::pow(10000.0, -2.0 * pairIndex / rot);
            ref = i < half ? in[i] * std::cos(angle) - in[i + half] * std::sin(angle)
                           : in[i] * std::cos(angle) + in[i - half] * std::sin(angle);
          }
          ASSERT_NEAR(out[i], ref, 1e-5 * (1 + std::abs(ref)))
              << "dim " << c.dim << " i " << i << " s " << s;
        }
      }
  }
}

WAFER_INSTANTIATE_FOR_ALL_ISAS(RotaryTest);

TEST(RotaryErrors, BadArgumentsThrow) {
  float x[8] = {};
  EXPECT_THROW(rotaryEmbedding(x, 1, 1, 8, 0, 10000.0f, 3), std::invalid_argument);
  EXPECT_THROW(rotaryEmbedding(x, 1, 1, 8, 0, 10000.0f, 10), std::invalid_argument);
  EXPECT_THROW(rotaryEmbedding(nullptr, 1, 1, 8, 0), std::invalid_argument);
  EXPECT_THROW(rotaryEmbedding(x, 0, 1, 8, 0), std::invalid_argument);
}

} // namespace
} // namespace wafer::kernels
