//===- OpsMath.cpp - matmul, linear, softmax, norms, reductions, rotary ---===//
//
// matmul and linear with a constant right-hand side run the packed GEMM of
// lib/Kernels, its weights packed once here (f32, or bf16 with f32
// accumulation); the bias and gelu/silu ride in its epilogue. A product of
// two computed operands (f32, or f16 and bf16 through f32) runs the same
// GEMM with its right-hand side packed per call. f32 softmax over the last
// axis, layer_norm and rms_norm run their kernels. Everything else is a
// loop: f64 in f64, integers with wrapping arithmetic.
//
//===----------------------------------------------------------------------===//

#include "Element.h"
#include "Ops.h"

#include "wafer/Kernels/Elementwise.h"
#include "wafer/Kernels/Gemm.h"
#include "wafer/Kernels/Norms.h"
#include "wafer/Kernels/Parallel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

namespace wafer::runtime::detail {

namespace {

constexpr ElementType kF32 = ElementType::F32, kF16 = ElementType::F16,
                      kBF16 = ElementType::BF16, kF64 = ElementType::F64,
                      kI64 = ElementType::I64, kI32 = ElementType::I32;

float loadFloat(ElementType type, const void *data, int64_t i) {
  return dispatchType(type, [&](auto tag) -> float {
    using S = typename decltype(tag)::type;
    return float(Elem<S>::load(static_cast<const S *>(data) + i));
  });
}

/// A per-column f32 parameter (norm scale and bias, linear bias) over `cols`
/// columns, broadcast from a smaller shape when it has one: a constant is
/// expanded and converted once, here; a computed tensor is read directly
/// when it is f32 of the right size, and gathered into scratch otherwise.
struct FloatParam {
  bool present = false;
  std::vector<float> owned;
  int tensor = -1;
  bool direct = false;
  ElementType type = kF32;
  std::vector<int64_t> source; // element of the tensor per column
  int64_t scratch = -1;

  const float *get(const RunContext &ctx) const {
    if (!present)
      return nullptr;
    if (!owned.empty())
      return owned.data();
    if (direct)
      return ctx.ptr<const float>(tensor);
    float *out = reinterpret_cast<float *>(ctx.scratch + scratch);
    const void *data = ctx.ptr(tensor);
    for (size_t j = 0; j < source.size(); ++j)
      out[j] = loadFloat(type, data, source[j]);
    return out;
  }
};

/// `t`, which broadcasts to `shape` (the trailing dims of the operand),
/// as one f32 value per element of `shape`.
bool makeParam(OpBuilder &b, int id, const std::vector<int64_t> &shape,
               const char *what, FloatParam &p) {
  if (id < 0)
    return true;
  const TensorInfo &t = b.tensor(id);
  std::vector<int64_t> joint;
  if (!broadcastShapes(t.shape, shape, joint) || joint != shape)
    return b.fail(std::string(what) + " [" + formatShape(t.shape) +
                  "] does not broadcast to [" + formatShape(shape) + "]");
  p.present = true;
  p.type = t.type;
  p.tensor = id;
  int64_t cols = product(shape);
  if (t.type == kF32 && t.numElements == cols && !t.constant) {
    p.direct = true;
    return true;
  }
  std::vector<int64_t> strides = broadcastStrides(t.shape, shape);
  std::vector<int64_t> index(shape.size(), 0);
  p.source.resize(size_t(cols));
  for (int64_t j = 0; j < cols; ++j) {
    int64_t rest = j, offset = 0;
    for (size_t d = shape.size(); d-- > 0;) {
      offset += (rest % shape[d]) * strides[d];
      rest /= shape[d];
    }
    p.source[j] = offset;
  }
  if (t.constant) {
    p.owned.resize(size_t(cols));
    for (int64_t j = 0; j < cols; ++j)
      p.owned[j] = loadFloat(t.type, t.data, p.source[j]);
    if (cols == 0)
      p.owned.push_back(0.0f);
    p.source.clear();
    return true;
  }
  p.scratch = b.scratch(cols * 4);
  return true;
}

//===----------------------------------------------------------------------===//
// The generic batched matmul.
//===----------------------------------------------------------------------===//

/// The batch structure of [..., M, K] x [..., K, N] -> [..., M, N].
struct MatmulShape {
  int64_t M = 0, K = 0, N = 0, batches = 0;
  /// Per output batch, the element offsets of its lhs and rhs matrices.
  std::vector<int64_t> lhsOffsets, rhsOffsets;
};

bool matmulShape(OpBuilder &b, const TensorInfo &lhs, const TensorInfo &rhs,
                 std::vector<int64_t> &out, MatmulShape &m) {
  size_t lr = lhs.shape.size(), rr = rhs.shape.size();
  if (lr < 2 || rr < 2)
    return b.fail("operands [" + formatShape(lhs.shape) + "] and [" +
                  formatShape(rhs.shape) + "] need rank 2 or more");
  m.M = lhs.shape[lr - 2];
  m.K = lhs.shape[lr - 1];
  m.N = rhs.shape[rr - 1];
  if (rhs.shape[rr - 2] != m.K)
    return b.fail("operands [" + formatShape(lhs.shape) + "] and [" +
                  formatShape(rhs.shape) + "] differ in the contracted size");
  std::vector<int64_t> lb(lhs.shape.begin(), lhs.shape.end() - 2),
      rb(rhs.shape.begin(), rhs.shape.end() - 2);
  if (!broadcastShapes(lb, rb, out))
    return b.fail("batch dimensions [" + formatShape(lb) + "] and [" +
                  formatShape(rb) + "] do not broadcast");
  std::vector<int64_t> ls = broadcastStrides(lb, out),
                       rs = broadcastStrides(rb, out);
  m.batches = product(out);
  for (int64_t i = 0; i < m.batches; ++i) {
    int64_t rest = i, lo = 0, ro = 0;
    for (size_t d = out.size(); d-- > 0;) {
      int64_t idx = rest % out[d];
      rest /= out[d];
      lo += idx * ls[d];
      ro += idx * rs[d];
    }
    m.lhsOffsets.push_back(lo * m.M * m.K);
    m.rhsOffsets.push_back(ro * m.K * m.N);
  }
  out.push_back(m.M);
  out.push_back(m.N);
  return true;
}

template <typename T>
void matmulLoop(const MatmulShape &m, const T *A, const T *B, T *C,
                int threads) {
  const int64_t M = m.M, K = m.K, N = m.N;
  parallelChunks(m.batches * M, threads,
                 std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(K * N, 1)),
                 [&](int64_t s, int64_t e) {
                   for (int64_t r = s; r < e; ++r) {
                     int64_t batch = r / M, i = r % M;
                     const T *a = A + m.lhsOffsets[batch] + i * K;
                     const T *bm = B + m.rhsOffsets[batch];
                     T *c = C + r * N;
                     std::fill(c, c + N, T(0));
                     for (int64_t k = 0; k < K; ++k) {
                       const T x = a[k];
                       const T *brow = bm + k * N;
                       if constexpr (std::is_integral_v<T>) {
                         for (int64_t j = 0; j < N; ++j)
                           c[j] = wrapAdd(c[j], wrapMul(x, brow[j]));
                       } else {
                         for (int64_t j = 0; j < N; ++j)
                           c[j] += x * brow[j];
                       }
                     }
                   }
                 });
}

/// The f32 product of two computed operands on the GEMM kernels: each
/// batch's right-hand side is packed per call into a handle of the worker
/// running it, and the handles keep their buffers from run to run.
struct ComputedProduct {
  MatmulShape m;
  /// [..., M, K] x [K, N]: every batch multiplies the same rhs and the lhs
  /// batches follow each other, so one GEMM covers all rows.
  bool oneGemm = false;
  std::shared_ptr<std::vector<kernels::PackedWeights>> handles =
      std::make_shared<std::vector<kernels::PackedWeights>>();

  explicit ComputedProduct(const MatmulShape &shape) : m(shape) {
    oneGemm = true;
    for (int64_t i = 0; i < m.batches; ++i)
      oneGemm &= m.rhsOffsets[i] == m.rhsOffsets[0] &&
                 m.lhsOffsets[i] == i * m.M * m.K;
  }

  void run(const float *A, const float *B, float *C, int threads) const {
    const int64_t M = m.M, K = m.K, N = m.N;
    if (M == 0 || N == 0 || m.batches == 0)
      return;
    if (K == 0) {
      std::fill(C, C + m.batches * M * N, 0.0f);
      return;
    }
    threads = std::max(threads, 1);
    if (handles->size() < size_t(threads))
      handles->resize(size_t(threads));
    auto multiply = [&](int64_t batch, int64_t rows, int worker) {
      kernels::PackedWeights &h = (*handles)[size_t(worker)];
      h.repack(B + m.rhsOffsets[batch], size_t(K), size_t(N),
               kernels::WeightLayout::KN);
      kernels::gemm(A + m.lhsOffsets[batch], size_t(rows), h,
                    C + batch * M * N);
    };
    if (oneGemm) {
      // Threaded inside.
      multiply(0, m.batches * M, 0);
    } else if (m.batches < threads) {
      for (int64_t i = 0; i < m.batches; ++i)
        multiply(i, M, 0);
    } else {
      // One batch per task; a GEMM inside a task runs on its thread.
      kernels::parallelFor(size_t(m.batches), threads,
                           [&](size_t i, int worker) {
                             multiply(int64_t(i), M, worker);
                           });
    }
  }
};

void applyRelu(float *y, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = y[i] < 0.0f ? 0.0f : y[i];
}

enum class Act { None, Relu, Gelu, GeluTanh, Silu };

kernels::Activation kernelActivation(Act a) {
  switch (a) {
  case Act::Gelu:
    return kernels::Activation::Gelu;
  case Act::GeluTanh:
    return kernels::Activation::GeluTanh;
  case Act::Silu:
    return kernels::Activation::Silu;
  default:
    return kernels::Activation::None;
  }
}

/// A matmul or linear over a packed constant weight: [rows, K] x [K, N].
struct PackedProduct {
  std::shared_ptr<kernels::PackedWeights> weights;
  int64_t rows = 0, K = 0, N = 0;
  ElementType type = kF32; // of the input and the output
  int in = -1, out = -1;
  FloatParam bias;
  Act act = Act::None;
  int64_t aScratch = -1, cScratch = -1; // f32 copies for f16/bf16/f64

  void run(const RunContext &ctx) const {
    kernels::GemmEpilogue epilogue;
    epilogue.bias = bias.get(ctx);
    epilogue.activation = kernelActivation(act);
    float *C = cScratch >= 0 ? reinterpret_cast<float *>(ctx.scratch + cScratch)
                             : ctx.ptr<float>(out);
    if (rows > 0) {
      if (type == kF32) {
        kernels::gemm(ctx.ptr<const float>(in), size_t(rows), *weights, C,
                      epilogue);
      } else if (type == kBF16 &&
                 weights->elementType() == kernels::ElementType::BF16) {
        kernels::gemm(ctx.ptr<const kernels::BFloat16>(in), size_t(rows),
                      *weights, C, epilogue);
      } else {
        float *A = reinterpret_cast<float *>(ctx.scratch + aScratch);
        toFloat(type, ctx.ptr(in), A, rows * K);
        kernels::gemm(A, size_t(rows), *weights, C, epilogue);
      }
    }
    if (act == Act::Relu)
      applyRelu(C, rows * N);
    if (cScratch >= 0)
      fromFloat(type, C, ctx.ptr(out), rows * N);
  }
};

/// Packs the constant `weight` ([K, N], any float type) for the GEMM.
std::shared_ptr<kernels::PackedWeights> packWeight(OpBuilder &b,
                                                   const TensorInfo &w,
                                                   int64_t K, int64_t N) {
  std::shared_ptr<kernels::PackedWeights> &packed =
      b.packedWeights()[{w.data, K, N}];
  if (packed)
    return packed;
  packed = std::make_shared<kernels::PackedWeights>();
  bool bf16 = b.options().weights == WeightStorage::BF16;
  if (w.type == kBF16 && bf16) {
    *packed = kernels::PackedWeights::pack(
        static_cast<const kernels::BFloat16 *>(w.data), size_t(K), size_t(N),
        kernels::WeightLayout::KN);
  } else {
    std::vector<float> storage;
    const float *data = constantAsFloat(w, storage);
    *packed = kernels::PackedWeights::pack(
        data, size_t(K), size_t(N), kernels::WeightLayout::KN,
        bf16 ? kernels::ElementType::BF16 : kernels::ElementType::F32);
  }
  b.summary().packedWeights++;
  b.summary().packedWeightBytes += int64_t(packed->bytes());
  return packed;
}

std::unique_ptr<Step> packedStep(OpBuilder &b, PackedProduct p) {
  if (p.type != kF32) {
    bool direct = p.type == kBF16 &&
                  p.weights->elementType() == kernels::ElementType::BF16;
    if (!direct)
      p.aScratch = b.scratch(p.rows * p.K * 4);
    p.cScratch = b.scratch(p.rows * p.N * 4);
  }
  return makeStep([p = std::move(p)](const RunContext &ctx) { p.run(ctx); });
}

/// The generic product (any numeric type) with an optional f32 bias and
/// activation applied after it.
std::unique_ptr<Step> genericProduct(OpBuilder &b, const MatmulShape &m,
                                     ElementType type, int lhs, int rhs,
                                     int out, FloatParam bias, Act act) {
  int64_t aN = b.tensor(lhs).numElements, bN = b.tensor(rhs).numElements;
  int64_t cN = m.batches * m.M * m.N;
  bool viaFloat = type == kF16 || type == kBF16;
  int64_t aS = -1, bS = -1, cS = -1;
  if (viaFloat) {
    aS = b.scratch(aN * 4);
    bS = b.scratch(bN * 4);
    cS = b.scratch(cN * 4);
  }
  auto epilogue = [m, act, bias](const RunContext &ctx, auto *C) {
    using T = std::remove_pointer_t<decltype(C)>;
    const float *bv = bias.get(ctx);
    int64_t rows = m.batches * m.M;
    if (bv)
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t j = 0; j < m.N; ++j)
          C[r * m.N + j] += T(bv[j]);
    if (act == Act::None)
      return;
    if constexpr (std::is_same_v<T, float>) {
      if (act == Act::Relu)
        applyRelu(C, rows * m.N);
      else
        kernels::applyActivation(C, C, size_t(rows * m.N),
                                 kernelActivation(act));
    } else {
      for (int64_t i = 0; i < rows * m.N; ++i) {
        T x = C[i];
        if (act == Act::Relu)
          C[i] = x < 0 ? T(0) : x;
        else if (act == Act::Silu)
          C[i] = x / (T(1) + std::exp(-x));
        else if (act == Act::Gelu)
          C[i] = T(0.5) * x * (T(1) + std::erf(x * T(0.70710678118654752440)));
        else
          C[i] = T(0.5) * x *
                 (T(1) + std::tanh(T(0.79788456080286535588) *
                                   (x + T(0.044715) * x * x * x)));
      }
    }
  };
  ComputedProduct product(m);
  if (viaFloat)
    return makeStep([=](const RunContext &ctx) {
      float *A = reinterpret_cast<float *>(ctx.scratch + aS);
      float *B = reinterpret_cast<float *>(ctx.scratch + bS);
      float *C = reinterpret_cast<float *>(ctx.scratch + cS);
      toFloat(type, ctx.ptr(lhs), A, aN);
      toFloat(type, ctx.ptr(rhs), B, bN);
      product.run(A, B, C, ctx.threads);
      epilogue(ctx, C);
      fromFloat(type, C, ctx.ptr(out), cN);
    });
  if (type == kF32)
    return makeStep([=](const RunContext &ctx) {
      float *C = ctx.ptr<float>(out);
      product.run(ctx.ptr<const float>(lhs), ctx.ptr<const float>(rhs), C,
                  ctx.threads);
      epilogue(ctx, C);
    });
  return dispatchType(type, [&](auto tag) -> std::unique_ptr<Step> {
    using S = typename decltype(tag)::type;
    if constexpr (std::is_same_v<S, double> ||
                  std::is_same_v<S, int64_t> || std::is_same_v<S, int32_t>) {
      return makeStep([=](const RunContext &ctx) {
        S *C = ctx.ptr<S>(out);
        matmulLoop(m, ctx.ptr<const S>(lhs), ctx.ptr<const S>(rhs), C,
                   ctx.threads);
        if constexpr (std::is_floating_point_v<S>)
          epilogue(ctx, C);
      });
    } else {
      b.fail("has no implementation for its element type");
      return nullptr;
    }
  });
}

} // namespace

std::unique_ptr<Step> buildMatmul(OpBuilder &b) {
  if (!b.expectArity(2, 2, 1) || !b.expectAttributes({}))
    return nullptr;
  const TensorInfo &lhs = b.in(0), &rhs = b.in(1), &y = b.out(0);
  if (!b.expectType(lhs, "the left operand",
                    {kF32, kF16, kBF16, kF64, kI64, kI32}) ||
      !b.expectSameType(lhs, rhs, "the right operand") ||
      !b.expectSameType(lhs, y, "the output"))
    return nullptr;
  std::vector<int64_t> shape;
  MatmulShape m;
  if (!matmulShape(b, lhs, rhs, shape, m) ||
      !b.expectShape(y, "the output", shape))
    return nullptr;
  bool packable = rhs.constant && m.K > 0 && m.N > 0 &&
                  rhs.numElements == m.K * m.N &&
                  (lhs.type == kF32 || lhs.type == kF16 || lhs.type == kBF16);
  if (packable) {
    // The weight is one [K, N] matrix: every lhs row multiplies it.
    PackedProduct p;
    p.weights = packWeight(b, rhs, m.K, m.N);
    p.K = m.K;
    p.N = m.N;
    p.rows = m.K ? lhs.numElements / m.K : 0;
    p.type = lhs.type;
    p.in = b.input(0);
    p.out = b.output(0);
    if (p.rows * m.N != y.numElements) {
      // lhs is broadcast over batches the weight has: not one product.
      packable = false;
    } else {
      return packedStep(b, std::move(p));
    }
  }
  return genericProduct(b, m, lhs.type, b.input(0), b.input(1), b.output(0),
                        FloatParam(), Act::None);
}

std::unique_ptr<Step> buildLinear(OpBuilder &b) {
  std::string activation;
  if (!b.expectArity(2, 3, 1) || !b.expectAttributes({"activation"}) ||
      !b.stringAttr("activation", activation, std::string("none")))
    return nullptr;
  static const std::pair<const char *, Act> acts[] = {
      {"none", Act::None},
      {"relu", Act::Relu},
      {"gelu", Act::Gelu},
      {"gelu_tanh", Act::GeluTanh},
      {"silu", Act::Silu}};
  Act act = Act::None;
  bool known = false;
  for (auto [name, a] : acts)
    if (activation == name)
      act = a, known = true;
  if (!known) {
    b.fail("attribute 'activation' is '" + activation +
           "'; linear takes none, relu, gelu, gelu_tanh or silu");
    return nullptr;
  }
  const TensorInfo &x = b.in(0), &w = b.in(1), &y = b.out(0);
  if (!b.expectType(x, "the input", {kF32, kF16, kBF16, kF64}) ||
      !b.expectSameType(x, w, "the weight") ||
      !b.expectSameType(x, y, "the output"))
    return nullptr;
  if (b.numInputs() == 3 && !b.expectSameType(x, b.in(2), "the bias"))
    return nullptr;
  if (x.shape.empty() || w.shape.size() != 2 || w.shape[0] != x.shape.back()) {
    b.fail("input [" + formatShape(x.shape) + "] and weight [" +
           formatShape(w.shape) + "] do not fit [..., K] x [K, N]");
    return nullptr;
  }
  int64_t K = w.shape[0], N = w.shape[1];
  std::vector<int64_t> shape(x.shape.begin(), x.shape.end() - 1);
  shape.push_back(N);
  if (!b.expectShape(y, "the output", shape))
    return nullptr;
  FloatParam bias;
  if (b.numInputs() == 3) {
    if (b.in(2).shape != std::vector<int64_t>{N}) {
      b.fail("bias is [" + formatShape(b.in(2).shape) + "], not [" +
             std::to_string(N) + "]");
      return nullptr;
    }
    if (!makeParam(b, b.input(2), {N}, "the bias", bias))
      return nullptr;
  }
  int64_t rows = K ? x.numElements / K : 0;
  if (w.constant && K > 0 && N > 0 && x.type != kF64) {
    PackedProduct p;
    p.weights = packWeight(b, w, K, N);
    p.rows = rows;
    p.K = K;
    p.N = N;
    p.type = x.type;
    p.in = b.input(0);
    p.out = b.output(0);
    p.bias = std::move(bias);
    p.act = act;
    return packedStep(b, std::move(p));
  }
  MatmulShape m;
  m.M = rows;
  m.K = K;
  m.N = N;
  m.batches = 1;
  m.lhsOffsets = {0};
  m.rhsOffsets = {0};
  return genericProduct(b, m, x.type, b.input(0), b.input(1), b.output(0),
                        std::move(bias), act);
}

//===----------------------------------------------------------------------===//
// softmax
//===----------------------------------------------------------------------===//

std::unique_ptr<Step> buildSoftmax(OpBuilder &b) {
  int64_t axis;
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({"axis"}) ||
      !b.intAttr("axis", axis))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  if (!b.expectType(x, "the input", {kF32, kF16, kBF16, kF64}) ||
      !b.expectSameType(x, y, "the output") ||
      !b.expectShape(y, "the output", x.shape))
    return nullptr;
  int64_t rank = int64_t(x.shape.size());
  if (axis < -rank || axis >= rank || rank == 0) {
    b.fail("axis " + std::to_string(axis) + " is out of range for rank " +
           std::to_string(rank));
    return nullptr;
  }
  if (axis < 0)
    axis += rank;
  b.inPlace(0, 0);
  int64_t outer = product(x.shape, 0, axis), n = x.shape[axis],
          inner = product(x.shape, axis + 1);
  int in = b.input(0), out = b.output(0);
  if (x.type == kF32 && inner == 1 && n > 0 && outer > 0)
    return makeStep([=](const RunContext &ctx) {
      kernels::softmax(ctx.ptr<const float>(in), ctx.ptr<float>(out),
                       size_t(outer), size_t(n));
    });
  return dispatchType(x.type, [&](auto tag) -> std::unique_ptr<Step> {
    using S = typename decltype(tag)::type;
    if constexpr (std::is_floating_point_v<ComputeOf<S>>) {
      using C = ComputeOf<S>;
      return makeStep([=](const RunContext &ctx) {
        const S *a = ctx.ptr<const S>(in);
        S *c = ctx.ptr<S>(out);
        parallelChunks(outer * inner, ctx.threads, 64,
                       [&](int64_t s, int64_t e) {
                         for (int64_t r = s; r < e; ++r) {
                           int64_t base = (r / inner) * n * inner + r % inner;
                           C m = -std::numeric_limits<C>::infinity();
                           for (int64_t j = 0; j < n; ++j)
                             m = std::max(m, C(Elem<S>::load(a + base + j * inner)));
                           if (std::isinf(m) && m < 0)
                             m = 0; // every entry -inf: NaN, as exp(-inf - -inf)
                           C sum = 0;
                           for (int64_t j = 0; j < n; ++j)
                             sum += std::exp(C(Elem<S>::load(a + base + j * inner)) - m);
                           for (int64_t j = 0; j < n; ++j)
                             Elem<S>::store(
                                 c + base + j * inner,
                                 std::exp(C(Elem<S>::load(a + base + j * inner)) - m) /
                                     sum);
                         }
                       });
      });
    } else {
      b.fail("has no implementation for its element type");
      return nullptr;
    }
  });
}

//===----------------------------------------------------------------------===//
// layer_norm and rms_norm
//===----------------------------------------------------------------------===//

namespace {

std::unique_ptr<Step> buildNorm(OpBuilder &b, bool rms) {
  int64_t axis;
  double epsilon;
  if (rms ? !b.expectArity(2, 2, 1) : !b.expectArity(2, 3, 1))
    return nullptr;
  if (!b.expectAttributes({"axis", "epsilon"}) || !b.intAttr("axis", axis) ||
      !b.floatAttr("epsilon", epsilon))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  if (!b.expectType(x, "the input", {kF32, kF16, kBF16, kF64}) ||
      !b.expectSameType(x, b.in(1), "the scale") ||
      (b.numInputs() == 3 && !b.expectSameType(x, b.in(2), "the bias")) ||
      !b.expectSameType(x, y, "the output") ||
      !b.expectShape(y, "the output", x.shape))
    return nullptr;
  int64_t rank = int64_t(x.shape.size());
  if (axis < -rank || axis >= rank) {
    b.fail("axis " + std::to_string(axis) + " is out of range for rank " +
           std::to_string(rank));
    return nullptr;
  }
  if (axis < 0)
    axis += rank;
  if (!(epsilon >= 0) || !std::isfinite(epsilon)) {
    b.fail("epsilon " + std::to_string(epsilon) +
           " is not finite and non-negative");
    return nullptr;
  }
  std::vector<int64_t> normalized(x.shape.begin() + axis, x.shape.end());
  FloatParam scale, bias;
  if (!makeParam(b, b.input(1), normalized, "the scale", scale) ||
      (b.numInputs() == 3 &&
       !makeParam(b, b.input(2), normalized, "the bias", bias)))
    return nullptr;
  b.inPlace(0, 0);
  int64_t rows = product(x.shape, 0, axis), cols = product(normalized);
  int in = b.input(0), out = b.output(0);
  float eps = float(epsilon);
  if (x.type == kF32 && rows > 0 && cols > 0)
    return makeStep([=](const RunContext &ctx) {
      if (rms)
        kernels::rmsNorm(ctx.ptr<const float>(in), ctx.ptr<float>(out),
                         size_t(rows), size_t(cols), scale.get(ctx), eps);
      else
        kernels::layerNorm(ctx.ptr<const float>(in), ctx.ptr<float>(out),
                           size_t(rows), size_t(cols), scale.get(ctx),
                           bias.get(ctx), eps);
    });
  return dispatchType(x.type, [&](auto tag) -> std::unique_ptr<Step> {
    using S = typename decltype(tag)::type;
    if constexpr (std::is_floating_point_v<ComputeOf<S>>) {
      return makeStep([=](const RunContext &ctx) {
        const S *a = ctx.ptr<const S>(in);
        S *c = ctx.ptr<S>(out);
        const float *g = scale.get(ctx), *be = bias.get(ctx);
        double e = double(eps);
        if constexpr (!std::is_same_v<S, double>)
          e = double(eps); // f32 statistics would round; these are exact
        parallelChunks(rows, ctx.threads, 16, [&](int64_t s, int64_t end) {
          for (int64_t r = s; r < end; ++r) {
            const S *row = a + r * cols;
            double mean = 0, var = 0;
            for (int64_t j = 0; j < cols; ++j)
              mean += double(Elem<S>::load(row + j));
            mean = rms ? 0.0 : mean / double(cols);
            for (int64_t j = 0; j < cols; ++j) {
              double d = double(Elem<S>::load(row + j)) - mean;
              var += d * d;
            }
            var /= double(cols);
            double inv = 1.0 / std::sqrt(var + e);
            for (int64_t j = 0; j < cols; ++j) {
              double v = (double(Elem<S>::load(row + j)) - mean) * inv;
              v = v * double(g ? g[j] : 1.0f) + double(be ? be[j] : 0.0f);
              Elem<S>::store(c + r * cols + j, ComputeOf<S>(v));
            }
          }
        });
      });
    } else {
      b.fail("has no implementation for its element type");
      return nullptr;
    }
  });
}

} // namespace

std::unique_ptr<Step> buildLayerNorm(OpBuilder &b) { return buildNorm(b, false); }
std::unique_ptr<Step> buildRmsNorm(OpBuilder &b) { return buildNorm(b, true); }

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

namespace {

enum class Reduce { Sum, Mean, Max, Min, Prod };

template <typename S, Reduce Op>
std::unique_ptr<Step> reduceStep(int in, int out, int64_t outputs,
                                 const LoopNest &kept,
                                 const LoopNest &reduced) {
  return makeStep([=](const RunContext &ctx) {
    using C = ComputeOf<S>;
    constexpr bool floating = std::is_floating_point_v<C>;
    // Sums and products of floats in f64; of integers wrapping.
    using Acc = std::conditional_t<floating, double, C>;
    const S *a = ctx.ptr<const S>(in);
    S *c = ctx.ptr<S>(out);
    const int64_t count = reduced.total;
    const size_t rdims = reduced.dims.size();
    parallelChunks(outputs, ctx.threads,
                   std::max<int64_t>(1, (1 << 14) / std::max<int64_t>(count, 1)),
                   [&](int64_t s, int64_t e) {
      std::vector<int64_t> index(rdims);
      for (int64_t o = s; o < e; ++o) {
        // The input offset of output element o.
        int64_t rest = o, base = 0;
        for (size_t d = kept.dims.size(); d-- > 0;) {
          base += (rest % kept.dims[d]) * kept.strides[d][0];
          rest /= kept.dims[d];
        }
        Acc acc;
        if constexpr (Op == Reduce::Max)
          acc = floating ? Acc(-std::numeric_limits<double>::infinity())
                         : Acc(std::numeric_limits<C>::lowest());
        else if constexpr (Op == Reduce::Min)
          acc = floating ? Acc(std::numeric_limits<double>::infinity())
                         : Acc(std::numeric_limits<C>::max());
        else if constexpr (Op == Reduce::Prod)
          acc = Acc(1);
        else
          acc = Acc(0);
        bool nan = false;
        std::fill(index.begin(), index.end(), 0);
        int64_t offset = base;
        const int64_t innerN = reduced.inner(),
                      innerS = reduced.innerStrides()[0];
        for (int64_t done = 0; done < count; done += innerN) {
          for (int64_t j = 0; j < innerN; ++j) {
            Acc v = Acc(Elem<S>::load(a + offset + j * innerS));
            if constexpr (Op == Reduce::Sum || Op == Reduce::Mean) {
              if constexpr (floating)
                acc += v;
              else
                acc = wrapAdd(acc, v);
            } else if constexpr (Op == Reduce::Prod) {
              if constexpr (floating)
                acc *= v;
              else
                acc = wrapMul(acc, v);
            } else {
              if constexpr (floating)
                nan |= v != v;
              if constexpr (Op == Reduce::Max)
                acc = v > acc ? v : acc;
              else
                acc = v < acc ? v : acc;
            }
          }
          // Next row of the reduced dimensions.
          for (size_t d = rdims - 1; d-- > 0;) {
            offset += reduced.strides[d][0];
            if (++index[d] < reduced.dims[d])
              break;
            offset -= index[d] * reduced.strides[d][0];
            index[d] = 0;
          }
        }
        if constexpr (floating) {
          if (nan)
            acc = std::numeric_limits<double>::quiet_NaN();
          if constexpr (Op == Reduce::Mean)
            acc = acc / double(count);
        }
        Elem<S>::store(c + o, C(acc));
      }
    });
  });
}

template <typename S>
std::unique_ptr<Step> reduceOf(Reduce op, int in, int out, int64_t outputs,
                               const LoopNest &kept, const LoopNest &reduced) {
  switch (op) {
  case Reduce::Sum:
    return reduceStep<S, Reduce::Sum>(in, out, outputs, kept, reduced);
  case Reduce::Mean:
    return reduceStep<S, Reduce::Mean>(in, out, outputs, kept, reduced);
  case Reduce::Max:
    return reduceStep<S, Reduce::Max>(in, out, outputs, kept, reduced);
  case Reduce::Min:
    return reduceStep<S, Reduce::Min>(in, out, outputs, kept, reduced);
  case Reduce::Prod:
    return reduceStep<S, Reduce::Prod>(in, out, outputs, kept, reduced);
  }
  return nullptr;
}

} // namespace

std::unique_ptr<Step> buildReduce(OpBuilder &b) {
  std::vector<int64_t> axes;
  bool keepdims;
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({"axes", "keepdims"}) ||
      !b.intsAttr("axes", axes) || !b.boolAttr("keepdims", keepdims, true))
    return nullptr;
  static const std::pair<const char *, Reduce> kinds[] = {
      {"reduce_sum", Reduce::Sum},
      {"reduce_mean", Reduce::Mean},
      {"reduce_max", Reduce::Max},
      {"reduce_min", Reduce::Min},
      {"reduce_prod", Reduce::Prod}};
  Reduce op = Reduce::Sum;
  for (auto [name, o] : kinds)
    if (b.kind() == name)
      op = o;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  if (op == Reduce::Mean
          ? !b.expectType(x, "the input", {kF32, kF16, kBF16, kF64})
          : !b.expectType(x, "the input", {kF32, kF16, kBF16, kF64, kI64, kI32}))
    return nullptr;
  if (!b.expectSameType(x, y, "the output"))
    return nullptr;
  int64_t rank = int64_t(x.shape.size());
  std::vector<bool> reducedDim(size_t(rank), false);
  for (int64_t a : axes) {
    int64_t n = a < 0 ? a + rank : a;
    if (n < 0 || n >= rank || reducedDim[n]) {
      b.fail("axis " + std::to_string(a) + " is out of range or repeated for rank " +
             std::to_string(rank));
      return nullptr;
    }
    reducedDim[n] = true;
  }
  std::vector<int64_t> shape, keptShape, keptStrides, redShape, redStrides;
  std::vector<int64_t> own = contiguousStrides(x.shape);
  for (int64_t d = 0; d < rank; ++d) {
    if (reducedDim[d]) {
      redShape.push_back(x.shape[d]);
      redStrides.push_back(own[d]);
      if (keepdims)
        shape.push_back(1);
    } else {
      keptShape.push_back(x.shape[d]);
      keptStrides.push_back(own[d]);
      shape.push_back(x.shape[d]);
    }
  }
  if (!b.expectShape(y, "the output", shape))
    return nullptr;
  // A reduction over nothing copies (and a mean over nothing divides 0 by 0).
  LoopNest kept = makeLoopNest(keptShape, {keptStrides});
  LoopNest reduced = makeLoopNest(redShape, {redStrides});
  int64_t outputs = y.numElements;
  int in = b.input(0), out = b.output(0);
  return dispatchType(x.type, [&](auto tag) -> std::unique_ptr<Step> {
    using S = typename decltype(tag)::type;
    if constexpr (std::is_same_v<S, Bool8>) {
      b.fail("has no implementation for bool");
      return nullptr;
    } else {
      return reduceOf<S>(op, in, out, outputs, kept, reduced);
    }
  });
}

//===----------------------------------------------------------------------===//
// rotary_embedding
//===----------------------------------------------------------------------===//

std::unique_ptr<Step> buildRotary(OpBuilder &b) {
  bool interleaved;
  if (!b.expectArity(3, 3, 1) || !b.expectAttributes({"interleaved"}) ||
      !b.boolAttr("interleaved", interleaved, false))
    return nullptr;
  const TensorInfo &x = b.in(0), &cos = b.in(1), &sin = b.in(2),
                   &y = b.out(0);
  if (!b.expectType(x, "the input", {kF32, kF16, kBF16, kF64}) ||
      !b.expectSameType(x, cos, "cos") || !b.expectSameType(x, sin, "sin") ||
      !b.expectSameType(x, y, "the output") ||
      !b.expectShape(y, "the output", x.shape))
    return nullptr;
  if (x.shape.size() != 4 || cos.shape.size() != 3 || cos.shape != sin.shape ||
      cos.shape[0] != x.shape[0] || cos.shape[1] != x.shape[2] ||
      2 * cos.shape[2] > x.shape[3]) {
    b.fail("input [" + formatShape(x.shape) + "] with cos [" +
           formatShape(cos.shape) + "] and sin [" + formatShape(sin.shape) +
           "] do not fit [batch, heads, seq, head_dim] and [batch, seq, "
           "rotary_dim / 2]");
    return nullptr;
  }
  b.inPlace(0, 0);
  int64_t B = x.shape[0], H = x.shape[1], S = x.shape[2], D = x.shape[3];
  int64_t half = cos.shape[2];
  int in = b.input(0), c = b.input(1), s = b.input(2), out = b.output(0);
  return dispatchType(x.type, [&](auto tag) -> std::unique_ptr<Step> {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_floating_point_v<ComputeOf<T>>) {
      using C = ComputeOf<T>;
      return makeStep([=](const RunContext &ctx) {
        const T *a = ctx.ptr<const T>(in);
        const T *pc = ctx.ptr<const T>(c), *ps = ctx.ptr<const T>(s);
        T *o = ctx.ptr<T>(out);
        parallelChunks(B * H * S, ctx.threads, 64, [&](int64_t st, int64_t e) {
          for (int64_t r = st; r < e; ++r) {
            int64_t bi = r / (H * S), si = r % S;
            const T *row = a + r * D;
            T *dst = o + r * D;
            const T *cr = pc + (bi * S + si) * half;
            const T *sr = ps + (bi * S + si) * half;
            for (int64_t i = 0; i < half; ++i) {
              int64_t i1 = interleaved ? 2 * i : i;
              int64_t i2 = interleaved ? 2 * i + 1 : i + half;
              C x1 = Elem<T>::load(row + i1), x2 = Elem<T>::load(row + i2);
              C cv = Elem<T>::load(cr + i), sv = Elem<T>::load(sr + i);
              Elem<T>::store(dst + i1, x1 * cv - x2 * sv);
              Elem<T>::store(dst + i2, x2 * cv + x1 * sv);
            }
            if (row != dst)
              for (int64_t i = 2 * half; i < D; ++i)
                dst[i] = row[i];
          }
        });
      });
    } else {
      b.fail("has no implementation for its element type");
      return nullptr;
    }
  });
}

} // namespace wafer::runtime::detail
