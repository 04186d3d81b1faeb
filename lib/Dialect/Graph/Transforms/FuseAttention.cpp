//===- FuseAttention.cpp - raise decomposed attention ---------------------===//
//
// Anchored on the Softmax: `MatMul(Softmax(mask(scale * Q K^T)), V)`. The
// match is read backwards from the Softmax into a plan (which Q, how to get
// K back from K^T, the scale, the mask, whether K/V repeats can be undone);
// only a complete plan touches the IR.
//
//===----------------------------------------------------------------------===//

#include "FusionMatchers.h"

#include "wafer/Dialect/Graph/IR/ShapeInference.h"

#include <cmath>

using namespace mlir;
using namespace wafer::graph;
using namespace wafer::graph::fusion;

namespace {

/// Masked-out entries of a constant mask: HF uses finfo.min, older exports
/// -10000 or -1e9; anything this low underflows exp() in every float type.
constexpr double kMaskedOut = -1e4;

/// How to recover K [B, H, L, D] from the scores' right operand K^T.
struct KeyPlan {
  Value source;                 // K itself when perm is empty
  SmallVector<int64_t, 4> perm; // else K = Transpose(source, perm)
};

static bool isIdentity(ArrayRef<int64_t> perm) {
  for (auto [i, p] : llvm::enumerate(perm))
    if (p != static_cast<int64_t>(i))
      return false;
  return true;
}

/// K^T is either a Transpose (then K is the same source under the perm with
/// its last two entries swapped: often no transpose at all) or anything
/// else, transposed back.
static KeyPlan planKey(Value keyT) {
  if (auto transpose = keyT.getDefiningOp<TransposeOp>()) {
    SmallVector<int64_t, 4> perm(transpose.getPerm());
    std::swap(perm[2], perm[3]);
    if (isIdentity(perm))
      return {transpose.getInput(), {}};
    return {transpose.getInput(), perm};
  }
  return {keyT, {0, 1, 3, 2}};
}

/// HF repeat_kv: Reshape [B,Hkv,L,D] -> [B,Hkv,1,L,D], Expand to
/// [B,Hkv,n,L,D], Reshape to [B,Hkv*n,L,D]. Returns the un-repeated value and
/// n.
static std::optional<std::pair<Value, int64_t>> matchRepeatKv(Value v) {
  auto merge = v.getDefiningOp<ReshapeOp>();
  if (!merge)
    return std::nullopt;
  auto expand = merge.getInput().getDefiningOp<ExpandOp>();
  if (!expand)
    return std::nullopt;
  auto insert = expand.getInput().getDefiningOp<ReshapeOp>();
  if (!insert)
    return std::nullopt;
  Value base = insert.getInput();
  ArrayRef<int64_t> b = shapeOf(base), u = shapeOf(insert.getResult()),
                    e = shapeOf(expand.getResult()), out = shapeOf(v);
  if (b.size() != 4 || u.size() != 5 || e.size() != 5 || out.size() != 4)
    return std::nullopt;
  int64_t n = e[2];
  bool unitInserted =
      u[0] == b[0] && u[1] == b[1] && u[2] == 1 && u[3] == b[2] && u[4] == b[3];
  bool expandedOnlyThere =
      e[0] == u[0] && e[1] == u[1] && e[3] == u[3] && e[4] == u[4];
  bool merged =
      out[0] == b[0] && out[1] == b[1] * n && out[2] == b[2] && out[3] == b[3];
  if (!unitInserted || !expandedOnlyThere || !merged || n < 1)
    return std::nullopt;
  return std::pair(base, n);
}

/// Whether a constant over scores [..., S, L] allows exactly the keys
/// j <= i + L - S of each query i (graph.attention's is_causal), in every
/// leading slice. `allowedAt(k)` says whether element k allows (true), masks
/// (false) or is neither (nullopt).
static bool
isCausalLayout(ArrayRef<int64_t> maskShape, int64_t queries, int64_t keys,
               bool splat,
               llvm::function_ref<std::optional<bool>(int64_t)> allowedAt) {
  if (maskShape.size() < 2 || maskShape[maskShape.size() - 2] != queries ||
      maskShape.back() != keys)
    return false;
  // A splat (of any size, so never walked) allows all keys or none; only a
  // single query allows all of them (j <= L - 1) and none is never causal.
  if (splat) {
    std::optional<bool> allowed = allowedAt(0);
    return allowed && *allowed && queries == 1;
  }
  int64_t total = numElements(maskShape);
  for (int64_t k = 0; k < total; ++k) {
    int64_t j = k % keys, i = (k / keys) % queries;
    std::optional<bool> allowed = allowedAt(k);
    if (!allowed || *allowed != (j <= i + keys - queries))
      return false;
  }
  return true;
}

static DenseElementsAttr denseConstant(Value v) {
  auto constant = v.getDefiningOp<ConstantOp>();
  return constant ? dyn_cast<DenseElementsAttr>(constant.getValue()) : nullptr;
}

/// An additive float mask: 0 where allowed, very negative where masked.
static bool isCausalAdditiveMask(Value mask, int64_t queries, int64_t keys) {
  DenseElementsAttr values = denseConstant(mask);
  if (!values || !isa<FloatType>(values.getElementType()))
    return false;
  auto floats = values.getValues<APFloat>();
  return isCausalLayout(shapeOf(mask), queries, keys, values.isSplat(),
                        [&](int64_t k) -> std::optional<bool> {
                          double x = floats[k].convertToDouble();
                          if (x == 0.0)
                            return true;
                          if (x <= kMaskedOut)
                            return false;
                          return std::nullopt;
                        });
}

/// A boolean condition of Where(cond, scores, fill): true where allowed.
static bool isCausalCondition(Value condition, int64_t queries, int64_t keys) {
  DenseElementsAttr values = denseConstant(condition);
  if (!values || !values.getElementType().isInteger(1))
    return false;
  auto bools = values.getValues<bool>();
  return isCausalLayout(
      shapeOf(condition), queries, keys, values.isSplat(),
      [&](int64_t k) -> std::optional<bool> { return bools[k]; });
}

/// Peels single-use `* c` / `/ c` ops off `v`, accumulating the factor.
static Value peelScale(Value v, double &scale) {
  while (v.hasOneUse()) {
    auto factor = matchConstantFactor(v.getDefiningOp());
    if (!factor)
      break;
    scale *= factor->factor;
    v = factor->input;
  }
  return v;
}

struct AttentionPlan {
  Operation *scores = nullptr; // the Q K^T MatMul
  Value query, value, mask;
  KeyPlan key;
  double scale = 1.0;
  bool causal = false;
  int64_t repeats = 1;
};

/// The scaled scores `scale * Q K^T` behind `v`; fills query, key and scale
/// of `plan` only on success, so a failed attempt can be followed by another.
static LogicalResult matchScores(Value v, AttentionPlan &plan) {
  double scale = plan.scale;
  Value product = peelScale(v, scale);
  auto matmul = singleUseDef<MatmulOp>(product);
  if (!matmul)
    return failure();
  Value query = peelScale(matmul.getLhs(), scale);
  Value keyT = peelScale(matmul.getRhs(), scale);
  ArrayRef<int64_t> q = shapeOf(query), kt = shapeOf(keyT);
  // No batch broadcasting: graph.attention needs one K/V head per group.
  if (q.size() != 4 || kt.size() != 4 || q[0] != kt[0] || q[1] != kt[1] ||
      q[3] != kt[2])
    return failure();
  plan.scores = matmul;
  plan.query = query;
  plan.key = planKey(keyT);
  plan.scale = scale;
  return success();
}

struct FuseAttention : OpRewritePattern<SoftmaxOp> {
  FuseAttention(MLIRContext *context, FusionCounters &counters)
      : OpRewritePattern(context), counters(counters) {}

  LogicalResult matchAndRewrite(SoftmaxOp softmax,
                                PatternRewriter &rewriter) const override {
    auto scoresType = cast<RankedTensorType>(softmax.getType());
    int64_t axis = softmax.getAxis();
    if (scoresType.getRank() != 4 || (axis != 3 && axis != -1))
      return rewriter.notifyMatchFailure(softmax,
                                         "not over the keys of 4-D scores");
    auto output = soleUser<MatmulOp>(softmax.getResult());
    if (!output || output.getLhs() != softmax.getResult() ||
        output.getRhs() == softmax.getResult())
      return rewriter.notifyMatchFailure(softmax, "not followed by P @ V");

    AttentionPlan plan;
    plan.value = output.getRhs();
    int64_t queries = scoresType.getDimSize(2), keys = scoresType.getDimSize(3);
    if (failed(matchMasked(softmax.getInput(), queries, keys, plan)))
      return rewriter.notifyMatchFailure(softmax, "no (masked, scaled) Q K^T");

    ArrayRef<int64_t> q = shapeOf(plan.query), v = shapeOf(plan.value);
    if (v.size() != 4 || v[0] != q[0] || v[1] != q[1] || v[2] != keys ||
        elementTypeOf(plan.query) != scoresType.getElementType() ||
        elementTypeOf(plan.value) != scoresType.getElementType() ||
        !std::isfinite(plan.scale))
      return rewriter.notifyMatchFailure(softmax, "V does not fit Q K^T");

    // Un-repeat K and V together: both must be repeated the same way, and K
    // only when it needs no transpose (the repeat is on [B, H, L, D]).
    Value key = plan.key.source, value = plan.value;
    if (plan.key.perm.empty()) {
      auto keyRepeat = matchRepeatKv(key), valueRepeat = matchRepeatKv(value);
      if (keyRepeat && valueRepeat &&
          keyRepeat->second == valueRepeat->second && keyRepeat->second > 1) {
        key = keyRepeat->first;
        value = valueRepeat->first;
        plan.repeats = keyRepeat->second;
      }
    }

    rewriter.setInsertionPoint(output);
    if (!plan.key.perm.empty())
      key = TransposeOp::create(rewriter, output.getLoc(),
                                transposedType(key, plan.key.perm), key,
                                rewriter.getDenseI64ArrayAttr(plan.key.perm));
    auto fused = AttentionOp::create(
        rewriter, fusedLocOf({plan.scores, output}), output.getType(),
        plan.query, key, value, plan.mask, rewriter.getF32FloatAttr(plan.scale),
        rewriter.getBoolAttr(plan.causal), rewriter.getF32FloatAttr(0.0f));
    rewriter.replaceOp(output, fused.getResult());
    ++counters.attention;
    counters.causal += plan.causal;
    counters.groupedQuery += plan.repeats > 1;
    return success();
  }

  /// The softmax input: the scores, an Add of a mask or a causal Where,
  /// or an Add of a mask to a causal Where (decoders with a padding mask:
  /// the causal triangle, then attention_mask's bias).
  static LogicalResult matchMasked(Value v, int64_t queries, int64_t keys,
                                   AttentionPlan &plan) {
    if (auto add = singleUseDef<AddOp>(v)) {
      for (auto [scores, mask] : {std::pair(add.getLhs(), add.getRhs()),
                                  std::pair(add.getRhs(), add.getLhs())}) {
        if (scores.getType() != add.getType())
          continue;
        AttentionPlan inner = plan;
        if (failed(matchCausalWhere(scores, queries, keys, inner)) &&
            failed(matchScores(scores, inner = plan)))
          continue;
        plan = inner;
        if (isCausalAdditiveMask(mask, queries, keys))
          plan.causal = true;
        else if (elementTypeOf(mask) == elementTypeOf(scores))
          plan.mask = mask;
        else
          return failure();
        return success();
      }
      return failure();
    }
    if (singleUseDef<WhereOp>(v))
      return matchCausalWhere(v, queries, keys, plan);
    return matchScores(v, plan);
  }

  /// `Where(causal triangle, scores, very negative)`. Only the causal
  /// triangle: another condition keeps its Where.
  static LogicalResult matchCausalWhere(Value v, int64_t queries, int64_t keys,
                                        AttentionPlan &plan) {
    auto where = singleUseDef<WhereOp>(v);
    if (!where || where.getLhs().getType() != where.getType() ||
        !isCausalCondition(where.getCondition(), queries, keys))
      return failure();
    std::optional<double> fill = splatValue(where.getRhs());
    if (!fill || *fill > kMaskedOut)
      return failure();
    plan.causal = true;
    return matchScores(where.getLhs(), plan);
  }

  static RankedTensorType transposedType(Value v, ArrayRef<int64_t> perm) {
    auto type = cast<RankedTensorType>(v.getType());
    SmallVector<int64_t, 4> shape;
    for (int64_t p : perm)
      shape.push_back(type.getDimSize(p));
    return RankedTensorType::get(shape, type.getElementType());
  }

  FusionCounters &counters;
};

} // namespace

void wafer::graph::populateFuseAttentionPatterns(RewritePatternSet &patterns,
                                                 FusionCounters &counters) {
  patterns.add<FuseAttention>(patterns.getContext(), counters);
}
