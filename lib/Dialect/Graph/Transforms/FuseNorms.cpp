//===- FuseNorms.cpp - raise decomposed layer_norm and rms_norm -----------===//
//
// Both norms end in the same normalizer, `v / Sqrt(ReduceMean(v^2) + eps)`
// (or `v` times one of the inverse-root spellings); they differ in whether
// `v` is the input (rms_norm) or the input minus its mean (layer_norm). The
// patterns anchor on that normalizer and then extend forward over the scale
// `Mul` and bias `Add`, so the result does not depend on the order in which
// the greedy driver visits ops.
//
//===----------------------------------------------------------------------===//

#include "FusionMatchers.h"

#include "wafer/Dialect/Graph/IR/ShapeInference.h"

#include <cmath>

using namespace mlir;
using namespace wafer::graph;
using namespace wafer::graph::fusion;

namespace {

/// `numerator / Sqrt(variance + eps)` in one of its spellings.
struct Normalizer {
  Value numerator;
  ReduceMeanOp variance;
  double epsilon;
};

/// `variance + eps`, the only user of `variance` being that add.
static std::optional<std::pair<ReduceMeanOp, double>>
matchVariancePlusEps(Value v) {
  auto add = singleUseDef<AddOp>(v);
  if (!add)
    return std::nullopt;
  for (auto [var, eps] : {std::pair(add.getLhs(), add.getRhs()),
                          std::pair(add.getRhs(), add.getLhs())}) {
    auto mean = singleUseDef<ReduceMeanOp>(var);
    std::optional<double> epsilon = splatValue(eps);
    // Eps must not broadcast the variance into a larger shape.
    if (mean && epsilon && *epsilon >= 0 && std::isfinite(*epsilon) &&
        var.getType() == add.getType())
      return std::pair(mean, *epsilon);
  }
  return std::nullopt;
}

/// `Sqrt(variance + eps)` used only here.
static std::optional<std::pair<ReduceMeanOp, double>>
matchRootOfVariance(Value v) {
  auto sqrt = singleUseDef<SqrtOp>(v);
  if (!sqrt)
    return std::nullopt;
  return matchVariancePlusEps(sqrt.getInput());
}

/// `1 / Sqrt(variance + eps)` as Reciprocal(Sqrt), 1 / Sqrt or Pow(_, -0.5).
static std::optional<std::pair<ReduceMeanOp, double>>
matchInverseRootOfVariance(Value v) {
  if (auto reciprocal = singleUseDef<ReciprocalOp>(v))
    return matchRootOfVariance(reciprocal.getInput());
  if (auto div = singleUseDef<DivOp>(v)) {
    if (isSplatNear(div.getLhs(), 1.0) &&
        div.getRhs().getType() == div.getType())
      return matchRootOfVariance(div.getRhs());
    return std::nullopt;
  }
  if (auto pow = singleUseDef<PowOp>(v)) {
    if (isSplatNear(pow.getRhs(), -0.5) &&
        pow.getLhs().getType() == pow.getType())
      return matchVariancePlusEps(pow.getLhs());
  }
  return std::nullopt;
}

static std::optional<Normalizer> matchNormalizer(Operation *op) {
  if (auto div = dyn_cast<DivOp>(op)) {
    if (auto root = matchRootOfVariance(div.getRhs()))
      return Normalizer{div.getLhs(), root->first, root->second};
    return std::nullopt;
  }
  if (auto mul = dyn_cast<MulOp>(op)) {
    for (auto [value, inverse] : {std::pair(mul.getLhs(), mul.getRhs()),
                                  std::pair(mul.getRhs(), mul.getLhs())})
      if (auto root = matchInverseRootOfVariance(inverse))
        return Normalizer{value, root->first, root->second};
  }
  return std::nullopt;
}

/// The op computing `v * v` (Pow by 2 or a self-Mul) if `variance` reduces
/// exactly that; it is the variance's only operand producer.
static Operation *matchSquareOf(ReduceMeanOp variance, Value v) {
  Value squared = variance.getInput();
  if (!squared.hasOneUse())
    return nullptr;
  if (auto pow = squared.getDefiningOp<PowOp>())
    return pow.getLhs() == v && isSplatNear(pow.getRhs(), 2.0) &&
                   pow.getType() == v.getType()
               ? pow.getOperation()
               : nullptr;
  if (auto mul = squared.getDefiningOp<MulOp>())
    return mul.getLhs() == v && mul.getRhs() == v ? mul.getOperation()
                                                  : nullptr;
  return nullptr;
}

/// `y - ReduceMean(y)`, the centering that makes a normalizer a layer norm;
/// with `meanUsedOnce` the mean may feed nothing else.
static std::optional<std::pair<Value, ReduceMeanOp>>
matchCentering(Value v, bool meanUsedOnce) {
  auto sub = v.getDefiningOp<SubOp>();
  if (!sub)
    return std::nullopt;
  auto mean = sub.getRhs().getDefiningOp<ReduceMeanOp>();
  if (!mean || (meanUsedOnce && !mean.getResult().hasOneUse()) ||
      mean.getInput() != sub.getLhs() ||
      sub.getLhs().getType() != sub.getType())
    return std::nullopt;
  return std::pair(sub.getLhs(), mean);
}

/// A constant norm parameter that broadcasts to the normalized dims only
/// (a full-shape operand is data, e.g. a residual, not a parameter).
static bool isNormParameter(Value p, Value input, int64_t axis) {
  return isConstant(p) && elementTypeOf(p) == elementTypeOf(input) &&
         broadcastsTo(shapeOf(p), shapeOf(input).drop_front(axis));
}

/// The scale Mul and bias Add that follow the normalizer, when each is the
/// sole user of what precedes it.
struct Affine {
  Value scale, bias;
  Operation *last;
};
static Affine extendOverAffine(Operation *normalizer, Value input, int64_t axis,
                               bool allowBias) {
  Affine affine{nullptr, nullptr, normalizer};
  auto sameType = [&](Operation *op) {
    return op->getResult(0).getType() == input.getType();
  };
  if (auto mul = soleUser<MulOp>(affine.last->getResult(0))) {
    Value scale = otherOperand(mul, affine.last->getResult(0));
    if (isNormParameter(scale, input, axis) && sameType(mul)) {
      affine.scale = scale;
      affine.last = mul;
    }
  }
  if (!allowBias)
    return affine;
  if (auto add = soleUser<AddOp>(affine.last->getResult(0))) {
    Value bias = otherOperand(add, affine.last->getResult(0));
    if (isNormParameter(bias, input, axis) && sameType(add)) {
      affine.bias = bias;
      affine.last = add;
    }
  }
  return affine;
}

/// Ones of the normalized shape, for a norm written without a scale.
static Value onesScale(PatternRewriter &rewriter, Location loc, Value input,
                       int64_t axis) {
  auto type = RankedTensorType::get(shapeOf(input).drop_front(axis),
                                    elementTypeOf(input));
  auto ones = DenseElementsAttr::get(
      type, rewriter.getFloatAttr(type.getElementType(), 1.0));
  return ConstantOp::create(rewriter, loc, ones);
}

template <typename RootOp> struct FuseLayerNorm : OpRewritePattern<RootOp> {
  FuseLayerNorm(MLIRContext *context, FusionCounters &counters)
      // Above rms_norm: the same normalizer also reads as an rms_norm of the
      // centered input, and the whole layer norm must win.
      : OpRewritePattern<RootOp>(context, /*benefit=*/2), counters(counters) {}

  LogicalResult matchAndRewrite(RootOp root,
                                PatternRewriter &rewriter) const override {
    std::optional<Normalizer> norm = matchNormalizer(root);
    if (!norm)
      return rewriter.notifyMatchFailure(root, "not a normalizer");
    auto centering = matchCentering(norm->numerator, /*meanUsedOnce=*/true);
    if (!centering)
      return rewriter.notifyMatchFailure(root, "numerator is not x - mean(x)");
    auto [input, mean] = *centering;
    Operation *square = matchSquareOf(norm->variance, norm->numerator);
    if (!square)
      return rewriter.notifyMatchFailure(root, "variance of another value");
    // The centered value feeds the square and the normalizer, nothing else.
    if (!usedOnlyBy(norm->numerator, {square, root}))
      return rewriter.notifyMatchFailure(root,
                                         "centered input has other users");
    if (!isFloatTensor(input) || root.getType() != input.getType())
      return rewriter.notifyMatchFailure(root, "type changes along the chain");

    int64_t rank = shapeOf(input).size();
    // Both sets of axes being the trailing dims from the same start makes
    // them the same set, in whatever order they are listed.
    std::optional<int64_t> axis = trailingAxesStart(mean.getAxes(), rank);
    if (!axis || trailingAxesStart(norm->variance.getAxes(), rank) != axis ||
        !mean.getKeepdims() || !norm->variance.getKeepdims())
      return rewriter.notifyMatchFailure(
          root, "means are not over the same trailing dims with keepdims");

    Affine affine = extendOverAffine(root, input, *axis, /*allowBias=*/true);
    rewriter.setInsertionPoint(affine.last);
    Value scale = affine.scale
                      ? affine.scale
                      : onesScale(rewriter, root.getLoc(), input, *axis);
    auto fused = LayerNormOp::create(
        rewriter, fusedLocOf({mean, root, affine.last}), input.getType(), input,
        scale, affine.bias, rewriter.getI64IntegerAttr(*axis),
        rewriter.getF32FloatAttr(norm->epsilon));
    rewriter.replaceOp(affine.last, fused.getResult());
    ++counters.layerNorm;
    return success();
  }

  FusionCounters &counters;
};

template <typename RootOp> struct FuseRmsNorm : OpRewritePattern<RootOp> {
  FuseRmsNorm(MLIRContext *context, FusionCounters &counters)
      : OpRewritePattern<RootOp>(context, /*benefit=*/1), counters(counters) {}

  LogicalResult matchAndRewrite(RootOp root,
                                PatternRewriter &rewriter) const override {
    std::optional<Normalizer> norm = matchNormalizer(root);
    if (!norm)
      return rewriter.notifyMatchFailure(root, "not a normalizer");
    Value input = norm->numerator;
    // A centered input is a layer norm that failed to match; calling it an
    // rms_norm would hide the near miss behind a half-fused layer norm.
    if (matchCentering(input, /*meanUsedOnce=*/false))
      return rewriter.notifyMatchFailure(root,
                                         "centered input: not an rms norm");
    if (!matchSquareOf(norm->variance, input))
      return rewriter.notifyMatchFailure(root, "variance of another value");
    if (!isFloatTensor(input) || root.getType() != input.getType())
      return rewriter.notifyMatchFailure(root, "type changes along the chain");
    int64_t rank = shapeOf(input).size();
    std::optional<int64_t> axis =
        trailingAxesStart(norm->variance.getAxes(), rank);
    if (!axis || !norm->variance.getKeepdims())
      return rewriter.notifyMatchFailure(root,
                                         "mean is not over trailing dims");

    Operation *square = matchSquareOf(norm->variance, input);
    Affine affine = extendOverAffine(root, input, *axis, /*allowBias=*/false);
    rewriter.setInsertionPoint(affine.last);
    Value scale = affine.scale
                      ? affine.scale
                      : onesScale(rewriter, root.getLoc(), input, *axis);
    auto fused = RmsNormOp::create(
        rewriter, fusedLocOf({square, root, affine.last}), input.getType(),
        input, scale, rewriter.getI64IntegerAttr(*axis),
        rewriter.getF32FloatAttr(norm->epsilon));
    rewriter.replaceOp(affine.last, fused.getResult());
    ++counters.rmsNorm;
    return success();
  }

  FusionCounters &counters;
};

} // namespace

void wafer::graph::populateFuseNormPatterns(RewritePatternSet &patterns,
                                            FusionCounters &counters) {
  MLIRContext *context = patterns.getContext();
  patterns.add<FuseLayerNorm<DivOp>, FuseLayerNorm<MulOp>, FuseRmsNorm<DivOp>,
               FuseRmsNorm<MulOp>>(context, counters);
}
