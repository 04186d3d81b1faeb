//===- FusionMatchers.cpp - shared pieces of the graph-fuse patterns ------===//

#include "FusionMatchers.h"

#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;

namespace wafer::graph::fusion {

Value otherOperand(Operation *op, Value known) {
  if (op->getNumOperands() != 2)
    return nullptr;
  if (op->getOperand(0) == known)
    return op->getOperand(1);
  if (op->getOperand(1) == known)
    return op->getOperand(0);
  return nullptr;
}

bool usedOnlyBy(Value v, ArrayRef<Operation *> allowed) {
  return llvm::all_of(v.getUsers(), [&](Operation *user) {
    return llvm::is_contained(allowed, user);
  });
}

Location fusedLocOf(ArrayRef<Operation *> ops) {
  SmallVector<Location> locations;
  for (Operation *op : ops)
    locations.push_back(op->getLoc());
  return FusedLoc::get(ops.front()->getContext(), locations);
}

bool isConstant(Value v) {
  Operation *def = v ? v.getDefiningOp() : nullptr;
  return def && def->hasTrait<OpTrait::ConstantLike>();
}

std::optional<double> splatValue(Value v) {
  auto constant = v ? v.getDefiningOp<ConstantOp>() : nullptr;
  if (!constant)
    return std::nullopt;
  auto dense = dyn_cast<DenseFPElementsAttr>(constant.getValue());
  if (!dense || !dense.isSplat())
    return std::nullopt;
  return dense.getSplatValue<APFloat>().convertToDouble();
}

double toleranceFor(Type elementType) {
  auto floatType = dyn_cast<FloatType>(elementType);
  if (!floatType)
    return 1e-4;
  // 2^-(mantissa bits): f16 ~1e-3, bf16 ~8e-3; f32/f64 use the floor.
  double ulp = std::ldexp(1.0, -(floatType.getFPMantissaWidth() - 1));
  return std::max(1e-4, 2 * ulp);
}

bool isSplatNear(Value v, double expected) {
  std::optional<double> value = splatValue(v);
  if (!value)
    return false;
  return std::abs(*value - expected) <=
         toleranceFor(elementTypeOf(v)) * std::abs(expected);
}

std::optional<ConstantFactor> matchConstantFactor(Operation *op) {
  if (!op || op->getNumOperands() != 2)
    return std::nullopt;
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  // The constant must not broadcast the result beyond the other operand.
  auto sameTypeAsResult = [&](Value v) {
    return v.getType() == op->getResult(0).getType();
  };
  if (isa<MulOp>(op)) {
    if (auto c = splatValue(rhs); c && sameTypeAsResult(lhs))
      return ConstantFactor{lhs, *c};
    if (auto c = splatValue(lhs); c && sameTypeAsResult(rhs))
      return ConstantFactor{rhs, *c};
    return std::nullopt;
  }
  if (isa<DivOp>(op)) {
    if (auto c = splatValue(rhs); c && *c != 0.0 && sameTypeAsResult(lhs))
      return ConstantFactor{lhs, 1.0 / *c};
  }
  return std::nullopt;
}

std::optional<int64_t> trailingAxesStart(ArrayRef<int64_t> axes, int64_t rank) {
  if (axes.empty())
    return std::nullopt;
  SmallVector<int64_t> normalized;
  for (int64_t axis : axes) {
    int64_t a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank)
      return std::nullopt;
    normalized.push_back(a);
  }
  llvm::sort(normalized);
  int64_t start = rank - static_cast<int64_t>(normalized.size());
  for (auto [i, a] : llvm::enumerate(normalized))
    if (a != start + static_cast<int64_t>(i))
      return std::nullopt;
  return start;
}

} // namespace wafer::graph::fusion
