//===- OpsElementwise.cpp - unary, binary, where, cast --------------------===//
//
// Unary ops map element i to element i; binary ops and where broadcast as
// NumPy does. Every one may write its output over an input of the same
// shape and type. f32 activations and f32 adds of equal shapes run the
// vectorized kernels; everything else is a loop in the element's compute
// type (f16 and bf16 in f32).
//
//===----------------------------------------------------------------------===//

#include "Element.h"
#include "Ops.h"

#include "wafer/Kernels/Elementwise.h"

#include <cmath>
#include <cstring>

namespace wafer::runtime::detail {

namespace {

constexpr ElementType kF32 = ElementType::F32, kF16 = ElementType::F16,
                      kBF16 = ElementType::BF16, kF64 = ElementType::F64,
                      kI64 = ElementType::I64, kI32 = ElementType::I32,
                      kBool = ElementType::Bool;

constexpr int64_t kGrain = 1 << 14;

template <typename C> C sigmoidOf(C x) {
  if (x >= C(0))
    return C(1) / (C(1) + std::exp(-x));
  C e = std::exp(x);
  return e / (C(1) + e);
}

template <typename C> C geluOf(C x) {
  return C(0.5) * x * (C(1) + std::erf(x * C(0.70710678118654752440)));
}

template <typename C> C geluTanhOf(C x) {
  const C k = C(0.79788456080286535588); // sqrt(2 / pi)
  return C(0.5) * x * (C(1) + std::tanh(k * (x + C(0.044715) * x * x * x)));
}

enum class Unary {
  Neg, Abs, Sqrt, Reciprocal, Exp, Log, Erf, Tanh, Sigmoid, Cos, Sin, Relu,
  Not, Silu, Gelu, GeluTanh
};

template <typename C> C applyUnary(Unary op, C x) {
  if constexpr (std::is_same_v<C, bool>) {
    return !x; // Not is the only bool op
  } else if constexpr (std::is_integral_v<C>) {
    switch (op) {
    case Unary::Neg:
      return wrapNeg(x);
    case Unary::Abs:
      return x < 0 ? wrapNeg(x) : x;
    default: // Relu
      return x < 0 ? C(0) : x;
    }
  } else {
    switch (op) {
    case Unary::Neg:
      return -x;
    case Unary::Abs:
      return std::fabs(x);
    case Unary::Sqrt:
      return std::sqrt(x);
    case Unary::Reciprocal:
      return C(1) / x;
    case Unary::Exp:
      return std::exp(x);
    case Unary::Log:
      return std::log(x);
    case Unary::Erf:
      return std::erf(x);
    case Unary::Tanh:
      return std::tanh(x);
    case Unary::Sigmoid:
      return sigmoidOf(x);
    case Unary::Cos:
      return std::cos(x);
    case Unary::Sin:
      return std::sin(x);
    case Unary::Relu:
      return x < C(0) ? C(0) : x; // NaN stays NaN
    case Unary::Silu:
      return x * sigmoidOf(x);
    case Unary::Gelu:
      return geluOf(x);
    case Unary::GeluTanh:
      return geluTanhOf(x);
    case Unary::Not:
      break;
    }
    return x;
  }
}

/// Applies `op` in place of a contiguous run, for each storage type.
template <typename S, Unary Op>
void unaryRun(const S *in, S *out, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    Elem<S>::store(out + i, applyUnary<ComputeOf<S>>(Op, Elem<S>::load(in + i)));
}

template <typename S>
std::unique_ptr<Step> unaryStep(Unary op, int x, int y, int64_t n) {
  using Fn = void (*)(const S *, S *, int64_t);
  Fn fn = nullptr;
  switch (op) {
#define WAFER_CASE(NAME)                                                       \
  case Unary::NAME:                                                            \
    fn = unaryRun<S, Unary::NAME>;                                             \
    break;
    WAFER_CASE(Neg)
    WAFER_CASE(Abs)
    WAFER_CASE(Sqrt)
    WAFER_CASE(Reciprocal)
    WAFER_CASE(Exp)
    WAFER_CASE(Log)
    WAFER_CASE(Erf)
    WAFER_CASE(Tanh)
    WAFER_CASE(Sigmoid)
    WAFER_CASE(Cos)
    WAFER_CASE(Sin)
    WAFER_CASE(Relu)
    WAFER_CASE(Not)
    WAFER_CASE(Silu)
    WAFER_CASE(Gelu)
    WAFER_CASE(GeluTanh)
#undef WAFER_CASE
  }
  if constexpr (std::is_same_v<S, float>) {
    // The kernels' vectorized activations (single-threaded per call).
    kernels::Activation act = kernels::Activation::None;
    if (op == Unary::Silu)
      act = kernels::Activation::Silu;
    if (op == Unary::Gelu)
      act = kernels::Activation::Gelu;
    if (op == Unary::GeluTanh)
      act = kernels::Activation::GeluTanh;
    if (act != kernels::Activation::None)
      return makeStep([=](const RunContext &ctx) {
        const float *a = ctx.ptr<const float>(x);
        float *b = ctx.ptr<float>(y);
        parallelChunks(n, ctx.threads, kGrain, [&](int64_t s, int64_t e) {
          kernels::applyActivation(a + s, b + s, size_t(e - s), act);
        });
      });
  }
  return makeStep([=](const RunContext &ctx) {
    const S *a = ctx.ptr<const S>(x);
    S *b = ctx.ptr<S>(y);
    parallelChunks(n, ctx.threads, kGrain,
                   [&](int64_t s, int64_t e) { fn(a + s, b + s, e - s); });
  });
}

std::unique_ptr<Step> buildUnaryOp(OpBuilder &b, Unary op) {
  const TensorInfo &x = b.in(0);
  const TensorInfo &y = b.out(0);
  bool numeric = op == Unary::Neg || op == Unary::Abs || op == Unary::Relu;
  if (op == Unary::Not) {
    if (!b.expectType(x, "the input", {kBool}))
      return nullptr;
  } else if (numeric) {
    if (!b.expectType(x, "the input", {kF32, kF16, kBF16, kF64, kI64, kI32}))
      return nullptr;
  } else if (!b.expectType(x, "the input", {kF32, kF16, kBF16, kF64})) {
    return nullptr;
  }
  if (!b.expectSameType(x, y, "the output") ||
      !b.expectShape(y, "the output", x.shape))
    return nullptr;
  b.inPlace(0, 0);
  int in = b.input(0), out = b.output(0);
  int64_t n = x.numElements;
  return dispatchType(x.type, [&](auto tag) {
    return unaryStep<typename decltype(tag)::type>(op, in, out, n);
  });
}

} // namespace

std::unique_ptr<Step> buildUnary(OpBuilder &b) {
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({}))
    return nullptr;
  static const std::pair<const char *, Unary> kinds[] = {
      {"neg", Unary::Neg},         {"abs", Unary::Abs},
      {"sqrt", Unary::Sqrt},       {"reciprocal", Unary::Reciprocal},
      {"exp", Unary::Exp},         {"log", Unary::Log},
      {"erf", Unary::Erf},         {"tanh", Unary::Tanh},
      {"sigmoid", Unary::Sigmoid}, {"cos", Unary::Cos},
      {"sin", Unary::Sin},         {"relu", Unary::Relu},
      {"not", Unary::Not},         {"silu", Unary::Silu}};
  for (auto [name, op] : kinds)
    if (b.kind() == name)
      return buildUnaryOp(b, op);
  b.fail("is no unary op");
  return nullptr;
}

std::unique_ptr<Step> buildGelu(OpBuilder &b) {
  std::string approximate;
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({"approximate"}) ||
      !b.stringAttr("approximate", approximate, std::string("none")))
    return nullptr;
  if (approximate != "none" && approximate != "tanh") {
    b.fail("attribute 'approximate' is '" + approximate +
           "'; gelu takes 'none' or 'tanh'");
    return nullptr;
  }
  return buildUnaryOp(b, approximate == "tanh" ? Unary::GeluTanh : Unary::Gelu);
}

//===----------------------------------------------------------------------===//
// Binary ops.
//===----------------------------------------------------------------------===//

namespace {

enum class Binary {
  Add, Sub, Mul, Div, Pow, Max, Min, Equal, Less, LessEqual, Greater,
  GreaterEqual, And, Or
};

constexpr bool isPredicate(Binary op) {
  return op == Binary::Equal || op == Binary::Less ||
         op == Binary::LessEqual || op == Binary::Greater ||
         op == Binary::GreaterEqual;
}

template <Binary Op, typename C> struct BinaryFn {
  static auto apply(C a, C b) {
    if constexpr (Op == Binary::Equal)
      return a == b;
    else if constexpr (Op == Binary::Less)
      return a < b;
    else if constexpr (Op == Binary::LessEqual)
      return a <= b;
    else if constexpr (Op == Binary::Greater)
      return a > b;
    else if constexpr (Op == Binary::GreaterEqual)
      return a >= b;
    else if constexpr (Op == Binary::And)
      return bool(a && b);
    else if constexpr (Op == Binary::Or)
      return bool(a || b);
    else if constexpr (std::is_same_v<C, bool>)
      return a; // no other op takes bools
    else if constexpr (std::is_integral_v<C>) {
      if constexpr (Op == Binary::Add)
        return wrapAdd(a, b);
      else if constexpr (Op == Binary::Sub)
        return wrapSub(a, b);
      else if constexpr (Op == Binary::Mul)
        return wrapMul(a, b);
      else if constexpr (Op == Binary::Div)
        return safeDiv(a, b);
      else if constexpr (Op == Binary::Max)
        return a > b ? a : b;
      else
        return a < b ? a : b;
    } else {
      if constexpr (Op == Binary::Add)
        return a + b;
      else if constexpr (Op == Binary::Sub)
        return a - b;
      else if constexpr (Op == Binary::Mul)
        return a * b;
      else if constexpr (Op == Binary::Div)
        return a / b;
      else if constexpr (Op == Binary::Pow)
        return C(std::pow(a, b));
      // NaN propagates, as in NumPy.
      else if constexpr (Op == Binary::Max)
        return (a != a || b != b) ? a + b : (a > b ? a : b);
      else
        return (a != a || b != b) ? a + b : (a < b ? a : b);
    }
  }
};

template <typename S, typename R, Binary Op>
void binaryRow(const S *a, int64_t sa, const S *b, int64_t sb, R *out,
               int64_t n) {
  using C = ComputeOf<S>;
  using Fn = BinaryFn<Op, C>;
  auto store = [&](int64_t i, auto v) {
    if constexpr (std::is_same_v<R, Bool8>)
      out[i].value = v ? 1 : 0;
    else
      Elem<R>::store(out + i, ComputeOf<R>(v));
  };
  if (sa == 1 && sb == 1) {
    for (int64_t i = 0; i < n; ++i)
      store(i, Fn::apply(Elem<S>::load(a + i), Elem<S>::load(b + i)));
  } else if (sa == 1 && sb == 0) {
    C y = Elem<S>::load(b);
    for (int64_t i = 0; i < n; ++i)
      store(i, Fn::apply(Elem<S>::load(a + i), y));
  } else if (sa == 0 && sb == 1) {
    C x = Elem<S>::load(a);
    for (int64_t i = 0; i < n; ++i)
      store(i, Fn::apply(x, Elem<S>::load(b + i)));
  } else {
    for (int64_t i = 0; i < n; ++i)
      store(i, Fn::apply(Elem<S>::load(a + i * sa), Elem<S>::load(b + i * sb)));
  }
}

template <typename S, typename R, Binary Op>
std::unique_ptr<Step> binaryStep(const LoopNest &nest, int lhs, int rhs,
                                 int out, bool sameShapes) {
  if constexpr (std::is_same_v<S, float> && std::is_same_v<R, float> &&
                Op == Binary::Add) {
    if (sameShapes) {
      int64_t n = nest.total;
      return makeStep([=](const RunContext &ctx) {
        const float *a = ctx.ptr<const float>(lhs);
        const float *b = ctx.ptr<const float>(rhs);
        float *y = ctx.ptr<float>(out);
        parallelChunks(n, ctx.threads, kGrain, [&](int64_t s, int64_t e) {
          kernels::residualAdd(a + s, b + s, y + s, size_t(e - s));
        });
      });
    }
  }
  return makeStep([=](const RunContext &ctx) {
    const S *a = ctx.ptr<const S>(lhs);
    const S *b = ctx.ptr<const S>(rhs);
    R *y = ctx.ptr<R>(out);
    const auto &inner = nest.innerStrides();
    forEachRow(nest, ctx.threads,
               [&](const std::array<int64_t, kMaxOperands> &o, int64_t n) {
                 binaryRow<S, R, Op>(a + o[1], inner[1], b + o[2], inner[2],
                                     y + o[0], n);
               });
  });
}

template <typename S, Binary Op>
std::unique_ptr<Step> binaryFor(const LoopNest &nest, int lhs, int rhs,
                                int out, bool same) {
  if constexpr (isPredicate(Op) || Op == Binary::And || Op == Binary::Or)
    return binaryStep<S, Bool8, Op>(nest, lhs, rhs, out, same);
  else
    return binaryStep<S, S, Op>(nest, lhs, rhs, out, same);
}

template <typename S>
std::unique_ptr<Step> binaryOf(Binary op, const LoopNest &nest, int lhs,
                               int rhs, int out, bool same) {
  switch (op) {
#define WAFER_CASE(NAME)                                                       \
  case Binary::NAME:                                                           \
    return binaryFor<S, Binary::NAME>(nest, lhs, rhs, out, same);
    WAFER_CASE(Add)
    WAFER_CASE(Sub)
    WAFER_CASE(Mul)
    WAFER_CASE(Div)
    WAFER_CASE(Pow)
    WAFER_CASE(Max)
    WAFER_CASE(Min)
    WAFER_CASE(Equal)
    WAFER_CASE(Less)
    WAFER_CASE(LessEqual)
    WAFER_CASE(Greater)
    WAFER_CASE(GreaterEqual)
    WAFER_CASE(And)
    WAFER_CASE(Or)
#undef WAFER_CASE
  }
  return nullptr;
}

} // namespace

std::unique_ptr<Step> buildBinary(OpBuilder &b) {
  if (!b.expectArity(2, 2, 1) || !b.expectAttributes({}))
    return nullptr;
  static const std::pair<const char *, Binary> kinds[] = {
      {"add", Binary::Add},
      {"sub", Binary::Sub},
      {"mul", Binary::Mul},
      {"div", Binary::Div},
      {"pow", Binary::Pow},
      {"max", Binary::Max},
      {"min", Binary::Min},
      {"equal", Binary::Equal},
      {"less", Binary::Less},
      {"less_equal", Binary::LessEqual},
      {"greater", Binary::Greater},
      {"greater_equal", Binary::GreaterEqual},
      {"and", Binary::And},
      {"or", Binary::Or}};
  Binary op = Binary::Add;
  for (auto [name, o] : kinds)
    if (b.kind() == name)
      op = o;
  const TensorInfo &lhs = b.in(0), &rhs = b.in(1), &out = b.out(0);
  if (op == Binary::And || op == Binary::Or) {
    if (!b.expectType(lhs, "the left operand", {kBool}))
      return nullptr;
  } else if (op == Binary::Pow) {
    if (!b.expectType(lhs, "the left operand", {kF32, kF16, kBF16, kF64}))
      return nullptr;
  } else if (op == Binary::Equal) {
    if (!b.expectType(lhs, "the left operand",
                      {kF32, kF16, kBF16, kF64, kI64, kI32, kBool}))
      return nullptr;
  } else if (!b.expectType(lhs, "the left operand",
                           {kF32, kF16, kBF16, kF64, kI64, kI32})) {
    return nullptr;
  }
  if (!b.expectSameType(lhs, rhs, "the right operand"))
    return nullptr;
  ElementType result = isPredicate(op) || op == Binary::And || op == Binary::Or
                           ? kBool
                           : lhs.type;
  if (out.type != result) {
    b.fail(std::string("the output is ") + elementTypeName(out.type) +
           ", not " + elementTypeName(result));
    return nullptr;
  }
  std::vector<int64_t> shape;
  if (!broadcastShapes(lhs.shape, rhs.shape, shape)) {
    b.fail("operands [" + formatShape(lhs.shape) + "] and [" +
           formatShape(rhs.shape) + "] do not broadcast");
    return nullptr;
  }
  if (!b.expectShape(out, "the output", shape))
    return nullptr;
  if (result == lhs.type) {
    if (lhs.shape == shape)
      b.inPlace(0, 0);
    else if (rhs.shape == shape)
      b.inPlace(0, 1);
  }
  LoopNest nest = makeLoopNest(shape, {contiguousStrides(shape),
                                       broadcastStrides(lhs.shape, shape),
                                       broadcastStrides(rhs.shape, shape)});
  bool same = lhs.shape == shape && rhs.shape == shape;
  int l = b.input(0), r = b.input(1), y = b.output(0);
  return dispatchType(lhs.type, [&](auto tag) {
    return binaryOf<typename decltype(tag)::type>(op, nest, l, r, y, same);
  });
}

//===----------------------------------------------------------------------===//
// where
//===----------------------------------------------------------------------===//

namespace {

template <typename T>
void whereRow(const uint8_t *c, int64_t sc, const T *a, int64_t sa,
              const T *b, int64_t sb, T *out, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    out[i] = c[i * sc] ? a[i * sa] : b[i * sb];
}

} // namespace

std::unique_ptr<Step> buildWhere(OpBuilder &b) {
  if (!b.expectArity(3, 3, 1) || !b.expectAttributes({}))
    return nullptr;
  const TensorInfo &cond = b.in(0), &lhs = b.in(1), &rhs = b.in(2),
                   &out = b.out(0);
  if (!b.expectType(cond, "the condition", {kBool}) ||
      !b.expectSameType(lhs, rhs, "the second branch") ||
      !b.expectSameType(lhs, out, "the output"))
    return nullptr;
  std::vector<int64_t> branches, shape;
  if (!broadcastShapes(lhs.shape, rhs.shape, branches) ||
      !broadcastShapes(cond.shape, branches, shape)) {
    b.fail("operands [" + formatShape(cond.shape) + "], [" +
           formatShape(lhs.shape) + "] and [" + formatShape(rhs.shape) +
           "] do not broadcast");
    return nullptr;
  }
  if (!b.expectShape(out, "the output", shape))
    return nullptr;
  if (lhs.shape == shape)
    b.inPlace(0, 1);
  else if (rhs.shape == shape)
    b.inPlace(0, 2);
  LoopNest nest = makeLoopNest(shape, {contiguousStrides(shape),
                                       broadcastStrides(cond.shape, shape),
                                       broadcastStrides(lhs.shape, shape),
                                       broadcastStrides(rhs.shape, shape)});
  int c = b.input(0), l = b.input(1), r = b.input(2), y = b.output(0);
  size_t size = elementSize(lhs.type);
  auto step = [=](auto tag) {
    using T = typename decltype(tag)::type;
    return makeStep([=](const RunContext &ctx) {
      const uint8_t *pc = ctx.ptr<const uint8_t>(c);
      const T *pl = ctx.ptr<const T>(l), *pr = ctx.ptr<const T>(r);
      T *py = ctx.ptr<T>(y);
      const auto &s = nest.innerStrides();
      forEachRow(nest, ctx.threads,
                 [&](const std::array<int64_t, kMaxOperands> &o, int64_t n) {
                   whereRow<T>(pc + o[1], s[1], pl + o[2], s[2], pr + o[3],
                               s[3], py + o[0], n);
                 });
    });
  };
  switch (size) {
  case 1:
    return step(TypeTag<uint8_t>{});
  case 2:
    return step(TypeTag<uint16_t>{});
  case 4:
    return step(TypeTag<uint32_t>{});
  default:
    return step(TypeTag<uint64_t>{});
  }
}

//===----------------------------------------------------------------------===//
// cast
//===----------------------------------------------------------------------===//

namespace {

/// ONNX Cast of one value: floats to integers truncate (NaN and values out
/// of range give the type's minimum, as x86 does), anything to bool is
/// `!= 0`, bools are 0 and 1.
template <typename CD, typename CS> CD castValue(CS v) {
  if constexpr (std::is_same_v<CD, bool>)
    return v != CS(0);
  else if constexpr (std::is_integral_v<CD> && std::is_floating_point_v<CS>)
    return floatToInt<CD>(double(v));
  else
    return CD(v);
}

template <typename S, typename D>
std::unique_ptr<Step> castStep(int x, int y, int64_t n) {
  return makeStep([=](const RunContext &ctx) {
    const S *a = ctx.ptr<const S>(x);
    D *b = ctx.ptr<D>(y);
    parallelChunks(n, ctx.threads, kGrain, [&](int64_t s, int64_t e) {
      for (int64_t i = s; i < e; ++i)
        Elem<D>::store(b + i, castValue<ComputeOf<D>>(Elem<S>::load(a + i)));
    });
  });
}

} // namespace

std::unique_ptr<Step> buildCast(OpBuilder &b) {
  if (!b.expectArity(1, 1, 1) || !b.expectAttributes({}))
    return nullptr;
  const TensorInfo &x = b.in(0), &y = b.out(0);
  if (!b.expectShape(y, "the output", x.shape))
    return nullptr;
  int in = b.input(0), out = b.output(0);
  if (x.type == y.type) {
    b.viewOf(0, 0);
    return makeStep([](const RunContext &) {});
  }
  if (elementSize(x.type) == elementSize(y.type))
    b.inPlace(0, 0);
  int64_t n = x.numElements;
  return dispatchType(x.type, [&](auto from) {
    return dispatchType(y.type, [&](auto to) {
      return castStep<typename decltype(from)::type,
                      typename decltype(to)::type>(in, out, n);
    });
  });
}

} // namespace wafer::runtime::detail
