//===- FuseLinear.cpp - raise MatMul + bias + activation into linear ------===//
//
// A layer is `MatMul(x, W) (+ b) (act)` with W a 2-D weight. The bias add is
// matched from the Add (looking back at its MatMul) and the activation from
// the activation op (looking back at its linear or MatMul), so the two
// patterns compose in whatever order the greedy driver reaches them.
//
//===----------------------------------------------------------------------===//

#include "FusionMatchers.h"

using namespace mlir;
using namespace wafer::graph;
using namespace wafer::graph::fusion;

namespace {

/// A MatMul that is a layer: float, with a constant 2-D weight.
static bool isLayerMatmul(MatmulOp matmul) {
  return isFloatTensor(matmul.getLhs()) && isConstant(matmul.getRhs()) &&
         shapeOf(matmul.getRhs()).size() == 2;
}

/// `MatMul(x, W) + b` with b a 1-D constant [N].
struct FuseMatmulBias : OpRewritePattern<AddOp> {
  FuseMatmulBias(MLIRContext *context, FusionCounters &counters)
      : OpRewritePattern(context), counters(counters) {}

  LogicalResult matchAndRewrite(AddOp add,
                                PatternRewriter &rewriter) const override {
    for (auto [product, bias] : {std::pair(add.getLhs(), add.getRhs()),
                                 std::pair(add.getRhs(), add.getLhs())}) {
      auto matmul = singleUseDef<MatmulOp>(product);
      if (!matmul || !isLayerMatmul(matmul) || !isConstant(bias) ||
          shapeOf(bias) != ArrayRef<int64_t>{shapeOf(matmul.getRhs())[1]} ||
          add.getType() != matmul.getType())
        continue;
      auto linear = LinearOp::create(
          rewriter, fusedLocOf({matmul, add}), add.getType(), matmul.getLhs(),
          matmul.getRhs(), bias, Activation::None);
      rewriter.replaceOp(add, linear.getResult());
      ++counters.linear;
      return success();
    }
    return rewriter.notifyMatchFailure(add, "not MatMul(x, W) + b[N]");
  }

  FusionCounters &counters;
};

/// `act(linear)` or `act(MatMul(x, W))` -> linear {activation = act}.
template <typename ActivationOp>
struct FuseActivationIntoLinear : OpRewritePattern<ActivationOp> {
  FuseActivationIntoLinear(MLIRContext *context, FusionCounters &counters)
      : OpRewritePattern<ActivationOp>(context), counters(counters) {}

  LogicalResult matchAndRewrite(ActivationOp activation,
                                PatternRewriter &rewriter) const override {
    Activation kind = activationOf(activation);
    Value input = activation->getOperand(0);
    if (auto linear = singleUseDef<LinearOp>(input)) {
      if (linear.getActivation() != Activation::None)
        return rewriter.notifyMatchFailure(activation, "already activated");
      auto activated = LinearOp::create(
          rewriter, fusedLocOf({linear, activation}), linear.getType(),
          linear.getInput(), linear.getWeight(), linear.getBias(),
          kind);
      rewriter.replaceOp(activation, activated.getResult());
    } else if (auto matmul = singleUseDef<MatmulOp>(input);
               matmul && isLayerMatmul(matmul)) {
      auto activated =
          LinearOp::create(rewriter, fusedLocOf({matmul, activation}),
                           matmul.getType(), matmul.getLhs(), matmul.getRhs(),
                           Value(), kind);
      rewriter.replaceOp(activation, activated.getResult());
      ++counters.linear;
    } else {
      return rewriter.notifyMatchFailure(activation, "input is not a layer");
    }
    ++counters.linearActivation;
    return success();
  }

  static Activation activationOf(GeluOp gelu) {
    return gelu.getApproximate() == GeluApproximation::Tanh
               ? Activation::GeluTanh
               : Activation::Gelu;
  }
  static Activation activationOf(SiluOp) { return Activation::Silu; }
  static Activation activationOf(ReluOp) { return Activation::Relu; }

  FusionCounters &counters;
};

} // namespace

void wafer::graph::populateFuseLinearPatterns(RewritePatternSet &patterns,
                                              FusionCounters &counters) {
  patterns
      .add<FuseMatmulBias, FuseActivationIntoLinear<GeluOp>,
           FuseActivationIntoLinear<SiluOp>, FuseActivationIntoLinear<ReluOp>>(
          patterns.getContext(), counters);
}
