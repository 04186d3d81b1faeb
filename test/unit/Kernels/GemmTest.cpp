// GEMM and GEMV against a double-precision reference on every dispatch path.
//
// Tolerance: |C - ref| <= 1e-6 * (K + 8) * sum_k |a_ik * b_kj| + 5e-6 * (1 +
// |ref|). The first term bounds fp32 accumulation error (K * 2^-24 per unit of
// the absolute sum, with margin); the second covers the activation
// approximations (~2e-7 relative). bf16 inputs are compared against a reference
// computed from the same bf16-rounded values, so only accumulation error
// remains.
#include "KernelTestSupport.h"

#include "wafer/Kernels/Gemm.h"
#include "wafer/Kernels/Gemv.h"

#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <tuple>

namespace wafer::kernels {
namespace {

using testing::IsaTest;
using testing::randomVector;

struct Shape {
  size_t M, N, K;
};

std::vector<float> roundedToBf16(const std::vector<float> &v) {
  std::vector<float> r(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    r[i] = toFloat(toBFloat16(v[i]));
  return r;
}

// Checks C against the reference for A [M,K] and B given in `layout`.
void expectMatchesReference(const std::vector<float> &A,
                            const std::vector<float> &B,
                            const std::vector<float> &bias, const Shape &s,
                            WeightLayout layout, Activation act,
                            const std::vector<float> &C) {
  size_t failures = 0;
  for (size_t i = 0; i < s.M; ++i)
    for (size_t j = 0; j < s.N; ++j) {
      double sum = 0.0, absSum = 0.0;
      for (size_t k = 0; k < s.K; ++k) {
        const double b = layout == WeightLayout::KN ? B[k * s.N + j]
                                                    : B[j * s.K + k];
        sum += static_cast<double>(A[i * s.K + k]) * b;
        absSum += std::abs(static_cast<double>(A[i * s.K + k]) * b);
      }
      if (!bias.empty())
        sum += bias[j];
      const double ref = testing::referenceActivation(sum, act);
      const double tol =
          1e-6 * static_cast<double>(s.K + 8) * (absSum + 1.0) +
          5e-6 * (1.0 + std::abs(ref));
      const double got = C[i * s.N + j];
      if (!(std::abs(got - ref) <= tol) && failures++ < 5)
        ADD_FAILURE() << "C[" << i << "," << j << "] = " << got
                      << ", reference " << ref << ", tolerance " << tol
                      << " (M=" << s.M << " N=" << s.N << " K=" << s.K << ")";
    }
  EXPECT_EQ(failures, 0u);
}

const Shape kShapes[] = {
    {1, 1, 1},     {1, 3, 17},   {3, 1, 1},     {2, 2, 2},    {3, 17, 63},
    {17, 3, 65},   {63, 65, 17}, {65, 63, 3},   {7, 33, 31},  {16, 32, 64},
    {9, 100, 129}, {1, 65, 63},  {100, 1, 40},  {13, 47, 1},
    // Large enough to use several threads, a partial last row block, and
    // (for the bigger K) several k blocks that accumulate into C.
    {130, 97, 150}, {70, 90, 700}, {33, 47, 1600}, {400, 40, 20},
    // Small M, wide N: the work is split across column blocks too.
    {16, 700, 100}, {20, 300, 800},
};

class GemmTest : public IsaTest {};

TEST_P(GemmTest, Fp32MatchesReferenceOnOddShapes) {
  std::mt19937 rng(42);
  for (const Shape &s : kShapes)
    for (WeightLayout layout : {WeightLayout::KN, WeightLayout::NK}) {
      const auto A = randomVector(s.M * s.K, rng);
      const auto B = randomVector(s.K * s.N, rng);
      std::vector<float> C(s.M * s.N, -7.0f);
      const PackedWeights packed = PackedWeights::pack(B.data(), s.K, s.N, layout);
      EXPECT_EQ(packed.isa(), GetParam());
      gemm(A.data(), s.M, packed, C.data());
      expectMatchesReference(A, B, {}, s, layout, Activation::None, C);
    }
}

// One handle repacked for every shape in turn, larger and smaller than its
// buffer, starting from a bf16 handle: each product must match a fresh pack
// (stale panel contents or a stale element type would show).
TEST_P(GemmTest, RepackReusesTheHandleForEveryShape) {
  std::mt19937 rng(7);
  const auto seed = randomVector(64 * 64, rng);
  PackedWeights handle = PackedWeights::pack(seed.data(), 64, 64,
                                             WeightLayout::KN, ElementType::BF16);
  for (const Shape &s : kShapes)
    for (WeightLayout layout : {WeightLayout::NK, WeightLayout::KN}) {
      const auto A = randomVector(s.M * s.K, rng);
      const auto B = randomVector(s.K * s.N, rng);
      handle.repack(B.data(), s.K, s.N, layout);
      EXPECT_EQ(handle.isa(), GetParam());
      EXPECT_EQ(handle.elementType(), ElementType::F32);
      EXPECT_EQ(handle.rows(), s.K);
      EXPECT_EQ(handle.columns(), s.N);
      std::vector<float> C(s.M * s.N, -7.0f);
      gemm(A.data(), s.M, handle, C.data());
      expectMatchesReference(A, B, {}, s, layout, Activation::None, C);
    }
  PackedWeights empty;
  const float one = 1.0f;
  empty.repack(&one, 1, 1, WeightLayout::KN);
  float c = 0.0f, a = 3.0f;
  gemm(&a, 1, empty, &c);
  EXPECT_EQ(c, 3.0f);
  EXPECT_THROW(empty.repack(nullptr, 1, 1, WeightLayout::KN),
               std::invalid_argument);
  EXPECT_THROW(empty.repack(&one, 0, 1, WeightLayout::KN),
               std::invalid_argument);
}

// Restores an environment variable when it goes out of scope.
class ScopedEnv {
public:
  ScopedEnv(const char *name, const char *value) : name_(name) {
    const char *old = std::getenv(name);
    hadValue_ = old != nullptr;
    if (old)
      old_ = old;
    setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (hadValue_)
      setenv(name_, old_.c_str(), 1);
    else
      unsetenv(name_);
  }

private:
  const char *name_;
  bool hadValue_ = false;
  std::string old_;
};

// C = A * B + bias with `act`, B [K, N] packed as `type`, into a C filled
// with garbage, against the reference (of the bf16-rounded inputs for bf16).
void expectBiasedGemmMatches(const Shape &s, ElementType type, Activation act,
                             std::mt19937 &rng) {
  auto A = randomVector(s.M * s.K, rng), B = randomVector(s.K * s.N, rng);
  const auto bias = randomVector(s.N, rng);
  const auto packed =
      PackedWeights::pack(B.data(), s.K, s.N, WeightLayout::KN, type);
  std::vector<float> C(s.M * s.N, -3.0f);
  gemm(A.data(), s.M, packed, C.data(), {bias.data(), act});
  if (type == ElementType::BF16) {
    A = roundedToBf16(A);
    B = roundedToBf16(B);
  }
  expectMatchesReference(A, B, bias, s, WeightLayout::KN, act, C);
}

// Row counts that leave every possible remainder for the AVX2 kernel's 6-row
// panels (and the 8- and 4-row panels of the others), with N a multiple of
// every panel width so that the partial-row kernels run on full-width tiles,
// K large enough for several k blocks (the partial kernels accumulate into C),
// and K not a multiple of the 8-step vectorized A packer.
TEST_P(GemmTest, PartialRowPanelsMatchReference) {
  std::mt19937 rng(21);
  const Shape shapes[] = {{7, 64, 1100},  {8, 32, 700},   {9, 96, 613},
                          {10, 32, 1025}, {11, 64, 300},  {13, 128, 77},
                          {29, 160, 1100}, {131, 64, 901}, {5, 32, 1600}};
  for (const Shape &s : shapes)
    for (ElementType type : {ElementType::F32, ElementType::BF16})
      expectBiasedGemmMatches(s, type, Activation::Gelu, rng);
}

// Tiny k and row blocks through the tuning knobs: many k blocks that
// accumulate into C (full, partial-row and scratch edge tiles alike), k
// blocks whose step counts leave every remainder of the packers' and kernels'
// unrolling, and many row blocks per thread.
TEST_P(GemmTest, SmallBlocksMatchReference) {
  std::mt19937 rng(23);
  const Shape shapes[] = {{13, 47, 63}, {30, 64, 129}, {64, 33, 200},
                          {7, 16, 31},  {50, 70, 90}};
  for (const char *kc : {"1", "5", "13", "37"}) {
    ScopedEnv kcEnv("WAFER_KERNELS_KC", kc);
    ScopedEnv mcEnv("WAFER_KERNELS_MC", "8");
    for (const Shape &s : shapes)
      for (ElementType type : {ElementType::F32, ElementType::BF16}) {
        auto A = randomVector(s.M * s.K, rng), B = randomVector(s.K * s.N, rng);
        const auto packed =
            PackedWeights::pack(B.data(), s.K, s.N, WeightLayout::NK, type);
        std::vector<float> C(s.M * s.N, 5.0f);
        gemm(A.data(), s.M, packed, C.data());
        if (type == ElementType::BF16) {
          A = roundedToBf16(A);
          B = roundedToBf16(B);
        }
        SCOPED_TRACE(std::string("WAFER_KERNELS_KC=") + kc);
        expectMatchesReference(A, B, {}, s, WeightLayout::NK, Activation::None,
                               C);
      }
  }
}

// Forces the kernels' thread count while in scope.
class ScopedThreads {
public:
  explicit ScopedThreads(int threads) { setKernelThreads(threads); }
  ~ScopedThreads() { setKernelThreads(0); }
};

// Column chunks (the task's C block kept in the L2, A packed once for every k
// block): chunks of 1 and 3 panels, several k blocks, edge rows and columns,
// the epilogue applied once per tile, on one thread and on two.
TEST_P(GemmTest, ColumnChunksMatchReference) {
  std::mt19937 rng(29);
  // Each over 2 MFLOP, so two threads split it.
  const Shape shapes[] = {{13, 700, 130}, {40, 333, 129}, {9, 400, 300}};
  for (int threads : {1, 2})
    for (const char *nc : {"1", "3"}) {
      ScopedThreads threadCount(threads);
      ScopedEnv kcEnv("WAFER_KERNELS_KC", "37");
      ScopedEnv ncEnv("WAFER_KERNELS_NC", nc);
      for (const Shape &s : shapes)
        for (ElementType type : {ElementType::F32, ElementType::BF16}) {
          SCOPED_TRACE(std::string("WAFER_KERNELS_NC=") + nc + ", threads " +
                       std::to_string(threads));
          expectBiasedGemmMatches(s, type, Activation::Silu, rng);
        }
    }
}

// A packed once by both threads and shared by every column block (two
// threads, several column blocks): grids with one and with two row blocks,
// edge rows and columns, several k blocks, the epilogue.
TEST_P(GemmTest, SharedPackedAMatchesReference) {
  std::mt19937 rng(31);
  const Shape shapes[] = {{128, 1000, 300}, {37, 777, 515}, {13, 700, 130}};
  ScopedThreads threadCount(2);
  for (const char *grid : {"1x4", "2x3", "1x7"}) {
    ScopedEnv gridEnv("WAFER_KERNELS_GRID", grid);
    ScopedEnv kcEnv("WAFER_KERNELS_KC", "64");
    for (const Shape &s : shapes)
      for (ElementType type : {ElementType::F32, ElementType::BF16}) {
        SCOPED_TRACE(std::string("WAFER_KERNELS_GRID=") + grid);
        expectBiasedGemmMatches(s, type, Activation::Gelu, rng);
      }
  }
}

TEST_P(GemmTest, RandomShapesMatchReference) {
  std::mt19937 rng(1234);
  std::uniform_int_distribution<size_t> dim(1, 150);
  for (int trial = 0; trial < 12; ++trial) {
    const Shape s{dim(rng), dim(rng), dim(rng)};
    const WeightLayout layout = trial % 2 ? WeightLayout::NK : WeightLayout::KN;
    const ElementType type = trial % 3 == 0 ? ElementType::BF16 : ElementType::F32;
    auto A = randomVector(s.M * s.K, rng), B = randomVector(s.K * s.N, rng);
    const auto packed = PackedWeights::pack(B.data(), s.K, s.N, layout, type);
    std::vector<float> C(s.M * s.N);
    gemm(A.data(), s.M, packed, C.data());
    if (type == ElementType::BF16) {
      A = roundedToBf16(A);
      B = roundedToBf16(B);
    }
    expectMatchesReference(A, B, {}, s, layout, Activation::None, C);
  }
}

TEST_P(GemmTest, EpiloguesMatchReference) {
  std::mt19937 rng(7);
  const Shape shapes[] = {{1, 37, 19}, {5, 17, 63}, {20, 65, 33}, {64, 64, 64}};
  for (const Shape &s : shapes)
    for (Activation act : {Activation::None, Activation::Gelu,
                           Activation::GeluTanh, Activation::Silu}) {
      const auto A = randomVector(s.M * s.K, rng, -2.0f, 2.0f);
      const auto B = randomVector(s.K * s.N, rng);
      const auto bias = randomVector(s.N, rng);
      std::vector<float> C(s.M * s.N);
      const auto packed = PackedWeights::pack(B.data(), s.K, s.N, WeightLayout::NK);
      gemm(A.data(), s.M, packed, C.data(), {bias.data(), act});
      expectMatchesReference(A, B, bias, s, WeightLayout::NK, act, C);
      gemm(A.data(), s.M, packed, C.data(), {nullptr, act});
      expectMatchesReference(A, B, {}, s, WeightLayout::NK, act, C);
    }
}

TEST_P(GemmTest, Bf16WeightsAndActivationsMatchRoundedReference) {
  std::mt19937 rng(3);
  for (const Shape &s : kShapes)
    for (WeightLayout layout : {WeightLayout::KN, WeightLayout::NK}) {
      const auto A = randomVector(s.M * s.K, rng);
      const auto B = randomVector(s.K * s.N, rng);
      const auto bias = randomVector(s.N, rng);
      const auto Ar = roundedToBf16(A), Br = roundedToBf16(B);

      // fp32 weights rounded while packing, fp32 A rounded while packing.
      const auto packed = PackedWeights::pack(B.data(), s.K, s.N, layout,
                                              ElementType::BF16);
      EXPECT_EQ(packed.elementType(), ElementType::BF16);
      std::vector<float> C(s.M * s.N);
      gemm(A.data(), s.M, packed, C.data(), {bias.data(), Activation::Silu});
      expectMatchesReference(Ar, Br, bias, s, layout, Activation::Silu, C);

      // bf16 storage in, bf16 activations in.
      std::vector<BFloat16> Ab(A.size()), Bb(B.size());
      convertToBFloat16(A.data(), Ab.data(), A.size());
      convertToBFloat16(B.data(), Bb.data(), B.size());
      const auto packedFromBf16 = PackedWeights::pack(Bb.data(), s.K, s.N, layout);
      std::vector<float> C2(s.M * s.N);
      gemm(Ab.data(), s.M, packedFromBf16, C2.data());
      expectMatchesReference(Ar, Br, {}, s, layout, Activation::None, C2);
    }
}

TEST_P(GemmTest, HandleIsReusableAcrossCallsAndRowCounts) {
  std::mt19937 rng(11);
  const size_t K = 45, N = 77;
  const auto B = randomVector(K * N, rng);
  const auto packed = PackedWeights::pack(B.data(), K, N, WeightLayout::KN);
  for (size_t M : {1, 3, 17, 65, 1, 8}) {
    const auto A = randomVector(M * K, rng);
    std::vector<float> C(M * N);
    gemm(A.data(), M, packed, C.data());
    expectMatchesReference(A, B, {}, {M, N, K}, WeightLayout::KN,
                           Activation::None, C);
  }
}

TEST_P(GemmTest, OneShotConvenienceMatchesReference) {
  std::mt19937 rng(5);
  const Shape s{19, 23, 29};
  const auto A = randomVector(s.M * s.K, rng), B = randomVector(s.K * s.N, rng);
  std::vector<float> C(s.M * s.N);
  gemm(A.data(), B.data(), C.data(), s.M, s.N, s.K, WeightLayout::NK);
  expectMatchesReference(A, B, {}, s, WeightLayout::NK, Activation::None, C);
}

TEST_P(GemmTest, GemvMatchesReferenceIncludingThreadedSizes) {
  std::mt19937 rng(9);
  // K around the kernels' unrolling (4 k steps or 2 bf16 pairs per
  // iteration) and N with full and partial last panels.
  const Shape shapes[] = {{1, 1, 1},     {1, 17, 3},     {1, 63, 65},
                          {1, 65, 1000}, {1, 300, 301},  {1, 1001, 257},
                          {1, 32, 4},    {1, 64, 5},     {1, 96, 6},
                          {1, 128, 7},   {1, 2048, 513}, {1, 4099, 130}};
  for (const Shape &s : shapes)
    for (ElementType type : {ElementType::F32, ElementType::BF16}) {
      const auto x = randomVector(s.K, rng), B = randomVector(s.K * s.N, rng);
      const auto bias = randomVector(s.N, rng);
      const auto packed =
          PackedWeights::pack(B.data(), s.K, s.N, WeightLayout::KN, type);
      std::vector<float> y(s.N);
      gemv(x.data(), packed, y.data(), {bias.data(), Activation::GeluTanh});
      // The GEMV keeps x in fp32 even with bf16 weights.
      const auto Bref = type == ElementType::BF16 ? roundedToBf16(B) : B;
      expectMatchesReference(x, Bref, bias, s, WeightLayout::KN,
                             Activation::GeluTanh, y);
    }
}

WAFER_INSTANTIATE_FOR_ALL_ISAS(GemmTest);

TEST(GemmErrors, BadArgumentsThrowInvalidArgument) {
  const float data[4] = {1, 2, 3, 4};
  float out[4];
  EXPECT_THROW(PackedWeights::pack(data, 0, 2, WeightLayout::KN),
               std::invalid_argument);
  EXPECT_THROW(PackedWeights::pack(data, 2, 0, WeightLayout::KN),
               std::invalid_argument);
  EXPECT_THROW(PackedWeights::pack(static_cast<const float *>(nullptr), 2, 2,
                                   WeightLayout::KN),
               std::invalid_argument);
  PackedWeights empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_THROW(gemm(data, 1, empty, out), std::invalid_argument);
  EXPECT_THROW(gemv(data, empty, out), std::invalid_argument);
  const auto packed = PackedWeights::pack(data, 2, 2, WeightLayout::KN);
  EXPECT_THROW(gemm(data, 0, packed, out), std::invalid_argument);
  EXPECT_THROW(gemm(static_cast<const float *>(nullptr), 1, packed, out),
               std::invalid_argument);
  EXPECT_THROW(gemm(data, 2, packed, nullptr), std::invalid_argument);
  const BFloat16 bf[4] = {};
  // bf16 activations with an fp32 handle is a mismatched handle.
  EXPECT_THROW(gemm(bf, 2, packed, out), std::invalid_argument);
  EXPECT_THROW(gemm(data, data, out, 0, 2, 2), std::invalid_argument);
}

// Reference rounding in double: pick the nearer of the two bf16 values that
// bracket v (truncation and the next one up in magnitude), ties to even.
uint16_t referenceBf16Bits(float v) {
  uint32_t u;
  std::memcpy(&u, &v, sizeof u);
  const uint16_t down = static_cast<uint16_t>(u >> 16);
  const uint16_t up = static_cast<uint16_t>(down + 1);
  const double dDown = std::abs(static_cast<double>(v) - toFloat(BFloat16{down}));
  const double dUp = std::abs(static_cast<double>(v) - toFloat(BFloat16{up}));
  if (dDown != dUp)
    return dDown < dUp ? down : up;
  return (down & 1) == 0 ? down : up;
}

TEST(BFloat16, RoundsToNearestEvenAndKeepsNaN) {
  std::mt19937 rng(1);
  auto v = randomVector(4000, rng, -1e3f, 1e3f);
  // Exact ties: values whose low 16 bits are 0x8000.
  for (size_t i = 0; i < 200; ++i) {
    uint32_t u;
    std::memcpy(&u, &v[i], sizeof u);
    u = (u & 0xffff0000u) | 0x8000u;
    std::memcpy(&v[i], &u, sizeof u);
  }
  std::vector<BFloat16> b(v.size());
  convertToBFloat16(v.data(), b.data(), v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    ASSERT_EQ(toBFloat16(v[i]).bits, referenceBf16Bits(v[i])) << v[i];
    ASSERT_EQ(b[i].bits, referenceBf16Bits(v[i])) << "vectorized, " << v[i];
  }
  EXPECT_TRUE(std::isnan(toFloat(toBFloat16(std::nanf("")))));
}

} // namespace
} // namespace wafer::kernels
