//===- FuseActivations.cpp - raise decomposed GELU and SiLU ---------------===//
//
// Each pattern anchors on the one transcendental op of its chain (Erf, Tanh,
// Sigmoid), checks the chain's constants and shape around it, and replaces
// the chain's last op.
//
//===----------------------------------------------------------------------===//

#include "FusionMatchers.h"

#include <cmath>

using namespace mlir;
using namespace wafer::graph;
using namespace wafer::graph::fusion;

namespace {

// <cmath>'s M_PI and M_SQRT1_2 are POSIX, not C++17.
const double kInverseSqrt2 = 1.0 / std::sqrt(2.0);
const double kSqrt2OverPi = std::sqrt(2.0 / std::acos(-1.0));

/// Whether `v` is `x * 0.5` (or `0.5 * x`) feeding only its user.
static bool isHalfOf(Value v, Value x) {
  auto mul = singleUseDef<MulOp>(v);
  if (!mul || mul.getType() != x.getType())
    return false;
  Value other = otherOperand(mul, x);
  return other && other != x && isSplatNear(other, 0.5);
}

/// The last op of `x * 0.5 * onePlus` in the three orders exporters emit:
/// `(x * onePlus) * 0.5` (torch), `x * (onePlus * 0.5)` and
/// `(x * 0.5) * onePlus` (HF NewGELU); null if none.
static Operation *matchHalfXTimes(Value onePlus, Value x) {
  auto inner = soleUser<MulOp>(onePlus);
  if (!inner)
    return nullptr;
  Value other = otherOperand(inner, onePlus);
  if (other == onePlus)
    return nullptr;
  Operation *last = nullptr;
  if (other == x) {
    if (auto outer = soleUser<MulOp>(inner.getResult()))
      if (isSplatNear(otherOperand(outer, inner.getResult()), 0.5))
        last = outer;
  } else if (isSplatNear(other, 0.5)) {
    if (auto outer = soleUser<MulOp>(inner.getResult()))
      if (otherOperand(outer, inner.getResult()) == x)
        last = outer;
  } else if (isHalfOf(other, x)) {
    last = inner;
  }
  if (!last || last->getResult(0).getType() != x.getType())
    return nullptr;
  return last;
}

/// `1 + t` (either order), the only user of `t`.
static Value matchOnePlus(Value t) {
  auto add = soleUser<AddOp>(t);
  if (!add || add.getType() != t.getType())
    return nullptr;
  Value other = otherOperand(add, t);
  return other != t && isSplatNear(other, 1.0) ? add.getResult() : nullptr;
}

/// GELU, exact: x * 0.5 * (1 + Erf(x / sqrt(2))).
struct FuseGeluErf : OpRewritePattern<ErfOp> {
  FuseGeluErf(MLIRContext *context, FusionCounters &counters)
      : OpRewritePattern(context), counters(counters) {}

  LogicalResult matchAndRewrite(ErfOp erf,
                                PatternRewriter &rewriter) const override {
    // The argument is x / sqrt(2) or x * (1 / sqrt(2)), used only by Erf.
    Value argument = erf.getInput();
    if (!argument.hasOneUse())
      return rewriter.notifyMatchFailure(erf, "argument has other users");
    auto scaled = matchConstantFactor(argument.getDefiningOp());
    if (!scaled ||
        std::abs(scaled->factor - kInverseSqrt2) >
            toleranceFor(erf.getType().getElementType()) * kInverseSqrt2)
      return rewriter.notifyMatchFailure(erf, "argument is not x / sqrt(2)");
    Value x = scaled->input;
    Value onePlus = matchOnePlus(erf.getResult());
    if (!onePlus)
      return rewriter.notifyMatchFailure(erf, "erf is not followed by 1 + _");
    Operation *last = matchHalfXTimes(onePlus, x);
    if (!last)
      return rewriter.notifyMatchFailure(erf, "not x * 0.5 * (1 + erf)");
    rewriter.setInsertionPoint(last);
    auto gelu =
        GeluOp::create(rewriter, fusedLocOf({argument.getDefiningOp(), last}),
                       x.getType(), x, GeluApproximation::None);
    rewriter.replaceOp(last, gelu.getResult());
    ++counters.geluErf;
    return success();
  }

  FusionCounters &counters;
};

/// `x^3` as Pow(x, 3), x * (x * x) or (x * x) * x, used only once.
static Value matchCubeOfSomething(Value v) {
  if (auto pow = singleUseDef<PowOp>(v))
    return isSplatNear(pow.getRhs(), 3.0) &&
                   pow.getType() == pow.getLhs().getType()
               ? pow.getLhs()
               : nullptr;
  auto mul = singleUseDef<MulOp>(v);
  if (!mul)
    return nullptr;
  for (auto [single, square] : {std::pair(mul.getLhs(), mul.getRhs()),
                                std::pair(mul.getRhs(), mul.getLhs())}) {
    auto sq = singleUseDef<MulOp>(square);
    if (sq && sq.getLhs() == single && sq.getRhs() == single)
      return single;
  }
  return nullptr;
}

/// GELU, tanh form: 0.5 * x * (1 + Tanh(sqrt(2/pi) * (x + 0.044715 * x^3))).
struct FuseGeluTanh : OpRewritePattern<TanhOp> {
  FuseGeluTanh(MLIRContext *context, FusionCounters &counters)
      : OpRewritePattern(context), counters(counters) {}

  LogicalResult matchAndRewrite(TanhOp tanh,
                                PatternRewriter &rewriter) const override {
    Value argument = tanh.getInput();
    if (!argument.hasOneUse())
      return rewriter.notifyMatchFailure(tanh, "argument has other users");
    auto scaled = matchConstantFactor(argument.getDefiningOp());
    if (!scaled ||
        std::abs(scaled->factor - kSqrt2OverPi) >
            toleranceFor(tanh.getType().getElementType()) * kSqrt2OverPi)
      return rewriter.notifyMatchFailure(tanh,
                                         "argument is not sqrt(2/pi) * _");
    auto inner = singleUseDef<AddOp>(scaled->input);
    if (!inner)
      return rewriter.notifyMatchFailure(tanh, "no x + 0.044715 x^3");
    Value x;
    for (auto [candidate, cubic] :
         {std::pair(inner.getLhs(), inner.getRhs()),
          std::pair(inner.getRhs(), inner.getLhs())}) {
      auto term = singleUseDef<MulOp>(cubic);
      if (!term || term.getType() != candidate.getType())
        continue;
      for (auto [cube, coefficient] : {std::pair(term.getLhs(), term.getRhs()),
                                       std::pair(term.getRhs(), term.getLhs())})
        if (isSplatNear(coefficient, 0.044715) &&
            matchCubeOfSomething(cube) == candidate)
          x = candidate;
    }
    if (!x)
      return rewriter.notifyMatchFailure(tanh, "no x + 0.044715 x^3");
    Value onePlus = matchOnePlus(tanh.getResult());
    if (!onePlus)
      return rewriter.notifyMatchFailure(tanh, "tanh is not followed by 1 + _");
    Operation *last = matchHalfXTimes(onePlus, x);
    if (!last)
      return rewriter.notifyMatchFailure(tanh, "not 0.5 * x * (1 + tanh)");
    rewriter.setInsertionPoint(last);
    auto gelu = GeluOp::create(rewriter, fusedLocOf({inner, last}), x.getType(),
                               x, GeluApproximation::Tanh);
    rewriter.replaceOp(last, gelu.getResult());
    ++counters.geluTanh;
    return success();
  }

  FusionCounters &counters;
};

/// SiLU: x * Sigmoid(x).
struct FuseSilu : OpRewritePattern<SigmoidOp> {
  FuseSilu(MLIRContext *context, FusionCounters &counters)
      : OpRewritePattern(context), counters(counters) {}

  LogicalResult matchAndRewrite(SigmoidOp sigmoid,
                                PatternRewriter &rewriter) const override {
    Value x = sigmoid.getInput();
    auto mul = soleUser<MulOp>(sigmoid.getResult());
    if (!mul || otherOperand(mul, sigmoid.getResult()) != x ||
        mul.getType() != x.getType())
      return rewriter.notifyMatchFailure(sigmoid, "not x * sigmoid(x)");
    rewriter.setInsertionPoint(mul);
    auto silu =
        SiluOp::create(rewriter, fusedLocOf({sigmoid, mul}), x.getType(), x);
    rewriter.replaceOp(mul, silu.getResult());
    ++counters.silu;
    return success();
  }

  FusionCounters &counters;
};

} // namespace

void wafer::graph::populateFuseActivationPatterns(RewritePatternSet &patterns,
                                                  FusionCounters &counters) {
  patterns.add<FuseGeluErf, FuseGeluTanh, FuseSilu>(patterns.getContext(),
                                                    counters);
}
