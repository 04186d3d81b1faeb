//===- FusionMatchers.h - shared pieces of the graph-fuse patterns -*- C++
//-*-===//
//
// The fusion patterns walk exporter-emitted chains op by op; these helpers
// answer the questions every one of them asks: is this intermediate used only
// here, is that operand the constant I expect, which operand of a commutative
// op is the other one.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_DIALECT_GRAPH_TRANSFORMS_FUSIONMATCHERS_H
#define WAFER_LIB_DIALECT_GRAPH_TRANSFORMS_FUSIONMATCHERS_H

#include "wafer/Dialect/Graph/IR/GraphOps.h"

#include "mlir/IR/PatternMatch.h"

#include <optional>

namespace wafer::graph {

/// How many chains each family of patterns fused; the pass adds them to its
/// statistics once the greedy driver is done.
struct FusionCounters {
  int64_t layerNorm = 0, rmsNorm = 0;
  int64_t geluErf = 0, geluTanh = 0, silu = 0;
  int64_t linear = 0, linearActivation = 0;
  int64_t attention = 0, causal = 0, groupedQuery = 0;
};

void populateFuseNormPatterns(mlir::RewritePatternSet &patterns,
                              FusionCounters &counters);
void populateFuseActivationPatterns(mlir::RewritePatternSet &patterns,
                                    FusionCounters &counters);
void populateFuseLinearPatterns(mlir::RewritePatternSet &patterns,
                                FusionCounters &counters);
void populateFuseAttentionPatterns(mlir::RewritePatternSet &patterns,
                                   FusionCounters &counters);

namespace fusion {

/// `v`'s defining op if it is an OpTy and `v` feeds nothing else: the only
/// kind of intermediate a pattern may swallow.
template <typename OpTy> OpTy singleUseDef(mlir::Value v) {
  if (!v || !v.hasOneUse())
    return nullptr;
  return v.getDefiningOp<OpTy>();
}

/// The one user of `v`, if there is exactly one and it is an OpTy.
template <typename OpTy> OpTy soleUser(mlir::Value v) {
  if (!v.hasOneUse())
    return nullptr;
  return mlir::dyn_cast<OpTy>(*v.getUsers().begin());
}

/// The operand of the binary `op` that is not `known` (null when `known` is
/// not an operand). For `known op known` this is `known` itself.
mlir::Value otherOperand(mlir::Operation *op, mlir::Value known);

/// Whether every user of `v` is one of `allowed`.
bool usedOnlyBy(mlir::Value v, llvm::ArrayRef<mlir::Operation *> allowed);

/// The location of a fused op: those of the ops it replaces, first op
/// first, so that its ONNX node name (what later stages name kernels after)
/// is the chain's head, e.g. the MatMul of a layer.
mlir::Location fusedLocOf(llvm::ArrayRef<mlir::Operation *> ops);

/// Whether `v` is produced by a constant-like op (weights included).
bool isConstant(mlir::Value v);

/// The value of a splat float constant (`dense<c>` of any shape).
std::optional<double> splatValue(mlir::Value v);

/// Relative tolerance for matching a constant of `elementType` against the
/// real number an exporter meant: a few ulps of the type, at least 1e-4 so
/// that constants printed with fewer digits (0.7978846) still match.
double toleranceFor(mlir::Type elementType);

/// Whether `v` is a splat constant within tolerance of `expected`.
bool isSplatNear(mlir::Value v, double expected);

/// `op` is `x (*|/) c` or `c * x` with `c` a splat constant; returns `x` and
/// the factor the op multiplies by (1/c for a division).
struct ConstantFactor {
  mlir::Value input;
  double factor;
};
std::optional<ConstantFactor> matchConstantFactor(mlir::Operation *op);

/// The first dimension of `axes` when they are exactly the trailing
/// dimensions of a rank-`rank` tensor (negative axes count from the end).
std::optional<int64_t> trailingAxesStart(llvm::ArrayRef<int64_t> axes,
                                         int64_t rank);

inline mlir::Type elementTypeOf(mlir::Value v) {
  return mlir::cast<mlir::ShapedType>(v.getType()).getElementType();
}
inline llvm::ArrayRef<int64_t> shapeOf(mlir::Value v) {
  return mlir::cast<mlir::ShapedType>(v.getType()).getShape();
}
inline bool isFloatTensor(mlir::Value v) {
  return mlir::isa<mlir::FloatType>(elementTypeOf(v));
}

} // namespace fusion
} // namespace wafer::graph

#endif // WAFER_LIB_DIALECT_GRAPH_TRANSFORMS_FUSIONMATCHERS_H
