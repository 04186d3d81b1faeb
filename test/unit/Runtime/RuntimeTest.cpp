// The runtime on small hand-written binaries: per-op numerics against naive
// references (every element type elementwise ops carry, the packed GEMM in
// f32 and bf16, norms, softmax), and the load and run errors, which must
// name the op, its kind and its ONNX node.

#include "wafer/Binary/Writer.h"
#include "wafer/Runtime/Float16.h"
#include "wafer/Runtime/Runtime.h"
#include "../WfbTestTarget.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <unistd.h>

using namespace wafer;
using namespace wafer::runtime;

namespace {

/// Builds a one-or-few-op binary in memory and writes it to a temp file.
/// Every constant is inline, so the weights section is empty.
class TestBinary {
public:
  TestBinary() {
    *manifest.mutable_target() = unit::smallTarget();
    manifest.set_producer("RuntimeTest");
  }

  int input(const std::string &name, wfb::DType type,
            std::vector<int64_t> shape) {
    int id = tensor(name, type, shape, wfb::Tensor::INPUT);
    wfb::Binding *b = manifest.mutable_signature()->add_inputs();
    b->set_name(name);
    b->set_tensor(id);
    return id;
  }
  template <typename T>
  int constant(const std::string &name, wfb::DType type,
               std::vector<int64_t> shape, const std::vector<T> &values) {
    int id = tensor(name, type, shape, wfb::Tensor::CONSTANT);
    manifest.mutable_tensors(id)->set_inline_data(
        std::string(reinterpret_cast<const char *>(values.data()),
                    values.size() * sizeof(T)));
    return id;
  }
  int value(const std::string &name, wfb::DType type,
            std::vector<int64_t> shape) {
    return tensor(name, type, shape, wfb::Tensor::INTERMEDIATE);
  }
  void output(const std::string &name, int id) {
    wfb::Binding *b = manifest.mutable_signature()->add_outputs();
    b->set_name(name);
    b->set_tensor(id);
  }
  wfb::HostOp &op(const std::string &kind, std::vector<int> inputs,
                  std::vector<int> outputs) {
    wfb::HostOp *op = program.add_ops();
    op->set_kind(kind);
    for (int i : inputs)
      op->add_inputs(i);
    for (int o : outputs)
      op->add_outputs(o);
    op->set_kernel(-1);
    op->set_location("node" + std::to_string(program.ops_size() - 1));
    return *op;
  }
  static void intAttr(wfb::HostOp &op, const char *name, int64_t v) {
    wfb::Attribute *a = op.add_attributes();
    a->set_name(name);
    a->set_i(v);
  }
  static void floatAttr(wfb::HostOp &op, const char *name, double v) {
    wfb::Attribute *a = op.add_attributes();
    a->set_name(name);
    a->set_f(v);
  }
  static void stringAttr(wfb::HostOp &op, const char *name,
                         const std::string &v) {
    wfb::Attribute *a = op.add_attributes();
    a->set_name(name);
    a->set_s(v);
  }
  static void intsAttr(wfb::HostOp &op, const char *name,
                       std::vector<int64_t> v) {
    wfb::Attribute *a = op.add_attributes();
    a->set_name(name);
    for (int64_t x : v)
      a->mutable_ints()->add_values(x);
  }

  /// Writes the binary and loads it; null with `error` set on failure.
  std::unique_ptr<Runtime> load(std::string &error,
                                const RuntimeOptions &options = {}) {
    std::string path = ::testing::TempDir() + "/runtime-test-" +
                       std::to_string(::getpid()) + "-" +
                       std::to_string(counter_++) + ".wfb";
    wfb::BinaryWriter w;
    if (!w.open(path, error))
      return nullptr;
    std::string m = wfb::serialize(manifest), p = wfb::serialize(program);
    w.beginSection(wfb::SectionId::Manifest, wfb::kSectionRequired, 8);
    w.append(m.data(), m.size());
    w.endSection();
    w.beginSection(wfb::SectionId::HostProgram, wfb::kSectionRequired, 8);
    w.append(p.data(), p.size());
    w.endSection();
    if (!w.finish(wfb::targetHash(manifest.target()), error))
      return nullptr;
    std::unique_ptr<Runtime> rt = Runtime::load(path, options, error);
    std::remove(path.c_str());
    return rt;
  }
  std::unique_ptr<Runtime> mustLoad(const RuntimeOptions &options = {}) {
    std::string error;
    std::unique_ptr<Runtime> rt = load(error, options);
    EXPECT_TRUE(rt) << error;
    return rt;
  }
  std::string loadError(const RuntimeOptions &options = {}) {
    std::string error;
    EXPECT_FALSE(load(error, options));
    return error;
  }

  wfb::Manifest manifest;
  wfb::HostProgram program;

private:
  int tensor(const std::string &name, wfb::DType type,
             const std::vector<int64_t> &shape, wfb::Tensor::Kind kind) {
    wfb::Tensor *t = manifest.add_tensors();
    t->set_name(name);
    t->set_dtype(type);
    for (int64_t d : shape)
      t->add_shape(d);
    t->set_kind(kind);
    return manifest.tensors_size() - 1;
  }
  static inline int counter_ = 0;
};

/// Runs a one-input, one-output model.
template <typename In, typename Out>
std::vector<Out> runOne(Runtime &rt, const std::vector<In> &x,
                        size_t outElements) {
  std::vector<Out> y(outElements);
  std::string error;
  EXPECT_TRUE(rt.run({x.data()}, {y.data()}, error)) << error;
  return y;
}

std::vector<float> randomFloats(size_t n, unsigned seed, float scale = 1) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> d(0, scale);
  std::vector<float> v(n);
  for (float &x : v)
    x = d(rng);
  return v;
}

//===----------------------------------------------------------------------===//
// Elementwise, every type.
//===----------------------------------------------------------------------===//

template <typename T> void expectBroadcastAdd(wfb::DType type) {
  // y[2x3] = x[2x3] + w[3] (a constant, broadcast over rows), then
  // z = y * y (in place).
  TestBinary b;
  int x = b.input("x", type, {2, 3});
  std::vector<T> w = {T(1), T(-2), T(3)};
  int c = b.constant("w", type, {3}, w);
  int y = b.value("y", type, {2, 3});
  int z = b.value("z", type, {2, 3});
  b.op("add", {x, c}, {y});
  b.op("mul", {y, y}, {z});
  b.output("z", z);
  auto rt = b.mustLoad();
  ASSERT_TRUE(rt);
  std::vector<T> in = {T(0), T(1), T(2), T(-3), T(4), T(-5)};
  std::vector<T> got = runOne<T, T>(*rt, in, 6);
  for (int i = 0; i < 6; ++i) {
    T s = T(in[i] + w[i % 3]);
    EXPECT_EQ(got[i], T(s * s)) << i;
  }
}

TEST(RuntimeOps, BroadcastAddEveryNumericType) {
  expectBroadcastAdd<float>(wfb::F32);
  expectBroadcastAdd<double>(wfb::F64);
  expectBroadcastAdd<int64_t>(wfb::I64);
  expectBroadcastAdd<int32_t>(wfb::I32);
}

TEST(RuntimeOps, SixteenBitFloatsComputeInF32AndRound) {
  for (wfb::DType type : {wfb::F16, wfb::BF16}) {
    bool half = type == wfb::F16;
    auto toBits = [&](float f) { return half ? floatToHalf(f) : floatToBf16(f); };
    auto fromBits = [&](uint16_t h) {
      return half ? halfToFloat(h) : bf16ToFloat(h);
    };
    TestBinary b;
    int x = b.input("x", type, {4, 2});
    int s = b.input("s", type, {1, 2});
    int y = b.value("y", type, {4, 2});
    int e = b.value("e", type, {4, 2});
    b.op("sub", {x, s}, {y});
    b.op("exp", {y}, {e});
    b.output("e", e);
    auto rt = b.mustLoad();
    ASSERT_TRUE(rt);
    std::vector<uint16_t> xs, ss = {toBits(0.5f), toBits(-0.25f)};
    for (float f : randomFloats(8, 7))
      xs.push_back(toBits(f));
    std::vector<uint16_t> got(8);
    std::string error;
    ASSERT_TRUE(rt->run({xs.data(), ss.data()}, {got.data()}, error)) << error;
    for (int i = 0; i < 8; ++i) {
      float diff = fromBits(toBits(fromBits(xs[i]) - fromBits(ss[i % 2])));
      EXPECT_EQ(got[i], toBits(std::exp(diff))) << i;
    }
  }
}

TEST(RuntimeOps, ComparisonsLogicAndWhere) {
  TestBinary b;
  int x = b.input("x", wfb::I32, {2, 3});
  int t = b.constant<int32_t>("t", wfb::I32, {1}, {1});
  int lt = b.value("lt", wfb::BOOL, {2, 3});
  int ge = b.value("ge", wfb::BOOL, {2, 3});
  int both = b.value("both", wfb::BOOL, {2, 3});
  int neither = b.value("neither", wfb::BOOL, {2, 3});
  int picked = b.value("picked", wfb::I32, {2, 3});
  int zero = b.constant<int32_t>("zero", wfb::I32, {1, 1}, {0});
  b.op("less", {x, t}, {lt});
  b.op("greater_equal", {x, t}, {ge});
  b.op("and", {lt, ge}, {both});
  b.op("or", {lt, ge}, {neither});
  b.op("where", {lt, x, zero}, {picked});
  b.output("both", both);
  b.output("either", neither);
  b.output("picked", picked);
  auto rt = b.mustLoad();
  ASSERT_TRUE(rt);
  std::vector<int32_t> in = {-2, 0, 1, 2, -7, 5};
  std::vector<uint8_t> andOut(6), orOut(6);
  std::vector<int32_t> whereOut(6);
  std::string error;
  ASSERT_TRUE(rt->run({in.data()}, {andOut.data(), orOut.data(),
                                    whereOut.data()},
                      error))
      << error;
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(andOut[i], 0) << i;
    EXPECT_EQ(orOut[i], 1) << i;
    EXPECT_EQ(whereOut[i], in[i] < 1 ? in[i] : 0) << i;
  }
}

TEST(RuntimeOps, CastTruncatesAndBools) {
  TestBinary b;
  int x = b.input("x", wfb::F32, {5});
  int i = b.value("i", wfb::I64, {5});
  int flag = b.value("flag", wfb::BOOL, {5});
  b.op("cast", {x}, {i});
  b.op("cast", {x}, {flag});
  b.output("i", i);
  b.output("flag", flag);
  auto rt = b.mustLoad();
  ASSERT_TRUE(rt);
  std::vector<float> in = {-1.7f, -0.2f, 0.0f, 2.9f, 1e3f};
  std::vector<int64_t> ints(5);
  std::vector<uint8_t> flags(5);
  std::string error;
  ASSERT_TRUE(rt->run({in.data()}, {ints.data(), flags.data()}, error));
  EXPECT_EQ(ints, (std::vector<int64_t>{-1, 0, 0, 2, 1000}));
  EXPECT_EQ(flags, (std::vector<uint8_t>{1, 1, 0, 1, 1}));
}

//===----------------------------------------------------------------------===//
// The packed GEMM, norms, softmax.
//===----------------------------------------------------------------------===//

/// y = gelu_tanh(x[3x5x16] @ w[16x24] + bias), the weight packed at load.
void expectLinear(WeightStorage storage, double tolerance) {
  const int64_t rows = 15, K = 16, N = 24;
  std::vector<float> w = randomFloats(size_t(K * N), 1, 0.3f);
  std::vector<float> bias = randomFloats(size_t(N), 2);
  std::vector<float> x = randomFloats(size_t(rows * K), 3);
  TestBinary b;
  int in = b.input("x", wfb::F32, {3, 5, K});
  int wt = b.constant("w", wfb::F32, {K, N}, w);
  int bt = b.constant("b", wfb::F32, {N}, bias);
  int y = b.value("y", wfb::F32, {3, 5, N});
  TestBinary::stringAttr(b.op("linear", {in, wt, bt}, {y}), "activation",
                         "gelu_tanh");
  b.output("y", y);
  RuntimeOptions options;
  options.weights = storage;
  auto rt = b.mustLoad(options);
  ASSERT_TRUE(rt);
  EXPECT_EQ(rt->memory().packedWeights, 1);
  std::vector<float> got = runOne<float, float>(*rt, x, size_t(rows * N));
  double worst = 0, scale = 0;
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t n = 0; n < N; ++n) {
      double acc = bias[n];
      for (int64_t k = 0; k < K; ++k)
        acc += double(x[r * K + k]) * w[k * N + n];
      double g = 0.5 * acc *
                 (1 + std::tanh(0.7978845608028654 *
                                (acc + 0.044715 * acc * acc * acc)));
      worst = std::max(worst, std::fabs(g - got[r * N + n]));
      scale = std::max(scale, std::fabs(g));
    }
  EXPECT_LE(worst / scale, tolerance);
}

TEST(RuntimeOps, LinearPackedF32) { expectLinear(WeightStorage::F32, 1e-5); }
TEST(RuntimeOps, LinearPackedBf16) { expectLinear(WeightStorage::BF16, 2e-2); }

TEST(RuntimeOps, BatchedMatmulOfTwoInputs) {
  // [2x3x4] @ [2x4x5]: no constant, the generic batched product.
  TestBinary b;
  int a = b.input("a", wfb::F32, {2, 3, 4});
  int c = b.input("b", wfb::F32, {2, 4, 5});
  int y = b.value("y", wfb::F32, {2, 3, 5});
  b.op("matmul", {a, c}, {y});
  b.output("y", y);
  auto rt = b.mustLoad();
  ASSERT_TRUE(rt);
  std::vector<float> A = randomFloats(24, 4), B = randomFloats(40, 5), C(30);
  std::string error;
  ASSERT_TRUE(rt->run({A.data(), B.data()}, {C.data()}, error)) << error;
  for (int n = 0; n < 2; ++n)
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 5; ++j) {
        float acc = 0;
        for (int k = 0; k < 4; ++k)
          acc += A[n * 12 + i * 4 + k] * B[n * 20 + k * 5 + j];
        EXPECT_NEAR(C[n * 15 + i * 5 + j], acc, 1e-5);
      }
}

TEST(RuntimeOps, LayerNormAndSoftmax) {
  const int rows = 4, cols = 32;
  std::vector<float> x = randomFloats(rows * cols, 6, 3);
  std::vector<float> gamma = randomFloats(cols, 7), beta = randomFloats(cols, 8);
  TestBinary b;
  int in = b.input("x", wfb::F32, {rows, cols});
  int g = b.constant("g", wfb::F32, {cols}, gamma);
  int bt = b.constant("b", wfb::F32, {cols}, beta);
  int n = b.value("n", wfb::F32, {rows, cols});
  int s = b.value("s", wfb::F32, {rows, cols});
  wfb::HostOp &norm = b.op("layer_norm", {in, g, bt}, {n});
  TestBinary::intAttr(norm, "axis", -1);
  TestBinary::floatAttr(norm, "epsilon", 1e-5);
  TestBinary::intAttr(b.op("softmax", {in}, {s}), "axis", 1);
  b.output("n", n);
  b.output("s", s);
  auto rt = b.mustLoad();
  ASSERT_TRUE(rt);
  std::vector<float> gotN(rows * cols), gotS(rows * cols);
  std::string error;
  ASSERT_TRUE(rt->run({x.data()}, {gotN.data(), gotS.data()}, error));
  for (int r = 0; r < rows; ++r) {
    const float *v = &x[r * cols];
    double mean = 0, var = 0, mx = -1e30, sum = 0;
    for (int j = 0; j < cols; ++j)
      mean += v[j] / double(cols), mx = std::max(mx, double(v[j]));
    for (int j = 0; j < cols; ++j)
      var += (v[j] - mean) * (v[j] - mean) / cols,
          sum += std::exp(v[j] - mx);
    for (int j = 0; j < cols; ++j) {
      double ln = (v[j] - mean) / std::sqrt(var + 1e-5) * gamma[j] + beta[j];
      EXPECT_NEAR(gotN[r * cols + j], ln, 1e-4);
      EXPECT_NEAR(gotS[r * cols + j], std::exp(v[j] - mx) / sum, 1e-6);
    }
  }
}

//===----------------------------------------------------------------------===//
// Errors.
//===----------------------------------------------------------------------===//

TEST(RuntimeErrors, LoadErrorsNameOpKindAndNode) {
  {
    TestBinary b;
    int x = b.input("x", wfb::F32, {4});
    int y = b.value("y", wfb::F32, {4});
    b.op("frobnicate", {x}, {y});
    b.output("y", y);
    std::string e = b.loadError();
    EXPECT_NE(e.find("host op 0 'frobnicate' (ONNX node 'node0')"),
              std::string::npos) << e;
    EXPECT_NE(e.find("unknown op kind"), std::string::npos) << e;
  }
  {
    TestBinary b;
    int x = b.input("x", wfb::F32, {4});
    int y = b.value("y", wfb::F32, {4});
    TestBinary::intAttr(b.op("gelu", {x}, {y}), "approximate", 1);
    b.output("y", y);
    std::string e = b.loadError();
    EXPECT_NE(e.find("host op 0 'gelu' (ONNX node 'node0')"),
              std::string::npos) << e;
    EXPECT_NE(e.find("attribute 'approximate' must be a string, not an "
                     "integer"),
              std::string::npos) << e;
  }
  {
    TestBinary b;
    int x = b.input("x", wfb::F32, {2, 3});
    int w = b.input("w", wfb::F32, {3});
    int y = b.value("y", wfb::F32, {2, 4});
    b.op("add", {x, w}, {y});
    b.output("y", y);
    std::string e = b.loadError();
    EXPECT_NE(e.find("host op 0 'add'"), std::string::npos) << e;
    EXPECT_NE(e.find("the output is f32[2x4]; add computes [2x3]"),
              std::string::npos) << e;
  }
  {
    TestBinary b;
    int x = b.input("x", wfb::I64, {4});
    int y = b.value("y", wfb::I64, {4});
    b.op("exp", {x}, {y});
    b.output("y", y);
    std::string e = b.loadError();
    EXPECT_NE(e.find("the input is i64; exp takes f32, f16, bf16, f64"),
              std::string::npos) << e;
  }
  {
    TestBinary b;
    int x = b.input("x", wfb::F32, {4});
    int y = b.value("y", wfb::F32, {4});
    b.op("relu", {x}, {y});
    b.output("y", y);
    RuntimeOptions options;
    options.expectTarget = "wse3";
    std::string e = b.loadError(options);
    EXPECT_NE(e.find("compiled for target 'custom', not 'wse3'"),
              std::string::npos) << e;
  }
}

TEST(RuntimeErrors, RunRefusesBadIndicesAndBuffers) {
  TestBinary b;
  std::vector<float> table = {1, 2, 3, 4, 5, 6};
  int t = b.constant("table", wfb::F32, {3, 2}, table);
  int ids = b.input("ids", wfb::I64, {2});
  int y = b.value("y", wfb::F32, {2, 2});
  TestBinary::intAttr(b.op("gather", {t, ids}, {y}), "axis", 0);
  b.output("y", y);
  auto rt = b.mustLoad();
  ASSERT_TRUE(rt);
  std::vector<int64_t> good = {2, -3}, bad = {0, 3};
  std::vector<float> out(4);
  std::string error;
  ASSERT_TRUE(rt->run({good.data()}, {out.data()}, error)) << error;
  EXPECT_EQ(out, (std::vector<float>{5, 6, 1, 2}));
  EXPECT_FALSE(rt->run({bad.data()}, {out.data()}, error));
  EXPECT_NE(error.find("host op 0 'gather' (ONNX node 'node0'): index 3"),
            std::string::npos) << error;
  EXPECT_FALSE(rt->run({}, {out.data()}, error));
  EXPECT_NE(error.find("the model takes 1 inputs"), std::string::npos);
}

} // namespace
