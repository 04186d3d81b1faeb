//===- KnownValues.cpp - what is known of a graph value at compile time ---===//

#include "wafer/Dialect/Graph/IR/KnownValues.h"

#include "ElementsFolding.h"

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/Graph/IR/ShapeInference.h"
#include "wafer/Support/ElementCount.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace mlir;

namespace wafer::graph {

namespace {

IntegerType integerElementOf(Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  return type ? dyn_cast<IntegerType>(type.getElementType()) : nullptr;
}

/// A stored integer as the number it means: booleans are 0 and 1.
int64_t valueOf(const APInt &i) {
  return i.getBitWidth() == 1 ? int64_t(i.getZExtValue()) : i.getSExtValue();
}

/// Whether every value in `b` is representable in `type`.
bool fits(IntegerBounds b, IntegerType type) {
  unsigned width = type.getWidth();
  if (width >= 64)
    return true;
  if (width == 1)
    return b.min >= 0 && b.max <= 1;
  int64_t lo = -(int64_t(1) << (width - 1)), hi = (int64_t(1) << (width - 1)) - 1;
  return b.min >= lo && b.max <= hi;
}

std::optional<IntegerBounds> boundsOfConstant(Attribute value) {
  auto dense = dyn_cast<DenseIntElementsAttr>(value);
  if (!dense || dense.empty())
    return std::nullopt;
  if (dense.isSplat()) {
    int64_t v = valueOf(dense.getSplatValue<APInt>());
    return IntegerBounds{v, v};
  }
  // Not a splat: the elements are materialized, so one pass costs no more
  // than the attribute already does.
  IntegerBounds b{INT64_MAX, INT64_MIN};
  for (const APInt &i : dense.getValues<APInt>()) {
    int64_t v = valueOf(i);
    b.min = std::min(b.min, v);
    b.max = std::max(b.max, v);
  }
  return b;
}

std::optional<IntegerBounds> boundsOfRange(RangeOp range) {
  auto start = dyn_cast<IntegerAttr>(range.getStart());
  auto delta = dyn_cast<IntegerAttr>(range.getDelta());
  auto type = dyn_cast<RankedTensorType>(range.getOutput().getType());
  if (!start || !delta || !type || !type.hasStaticShape())
    return std::nullopt;
  std::optional<int64_t> n = checkedElementCount(type.getShape());
  if (!n || *n < 1)
    return std::nullopt;
  int64_t s = start.getInt(), d = delta.getInt();
  std::optional<int64_t> span = checkedMul(*n - 1, d);
  std::optional<int64_t> last = span ? checkedAdd(s, *span) : std::nullopt;
  if (!last)
    return std::nullopt;
  return IntegerBounds{std::min(s, *last), std::max(s, *last)};
}

/// `values` as a 1-D tensor with the same set of elements: one element for
/// a splat; null beyond what a fold materializes.
DenseElementsAttr asValueSet(DenseElementsAttr values) {
  if (!values)
    return {};
  Type element = values.getElementType();
  if (values.isSplat())
    return DenseElementsAttr::get(RankedTensorType::get({1}, element),
                                  values.getSplatValue<Attribute>());
  if (values.getNumElements() > kMaxFoldElements)
    return {};
  return values.reshape(
      RankedTensorType::get({values.getNumElements()}, element));
}

/// The set of values `v` takes, as a 1-D tensor, for what constant folding
/// would turn into a constant: constants, ranges, casts, and the ops that
/// keep or join their inputs' values. This is what a wrapping integer cast
/// needs: its result's bounds follow from no bounds of its input, only from
/// the values, and the verifiers must know what folding will know (or a
/// fold could turn verified IR into IR that does not verify).
///
/// A verifier calls this on ops that may not have verified yet (a use may
/// come before its definition in the text), so every element type is
/// checked here before an attribute is built from another op's values:
/// DenseElementsAttr::get with values wider than the element type writes
/// past its buffer in a release build of MLIR.
DenseElementsAttr knownValueSet(Value v, unsigned depth) {
  if (depth > 64 || !v)
    return {};
  Attribute constant;
  if (matchPattern(v, m_Constant(&constant))) {
    DenseElementsAttr dense = folding::asDense(constant);
    if (!dense || dense.getElementType() != getElementTypeOrSelf(v.getType()))
      return {};
    return asValueSet(dense);
  }
  Operation *def = v.getDefiningOp();
  if (!def)
    return {};
  if (auto range = dyn_cast<RangeOp>(def)) {
    // The range's folder reads only its attributes, which must be the
    // integers of an integer range.
    if (!integerElementOf(range.getOutput()) ||
        !isa<IntegerAttr>(range.getStart()) ||
        !isa<IntegerAttr>(range.getDelta()))
      return {};
    OpFoldResult folded =
        range.fold(RangeOp::FoldAdaptor(ArrayRef<Attribute>{}, range));
    return asValueSet(folding::asDense(dyn_cast_if_present<Attribute>(folded)));
  }
  if (auto castOp = dyn_cast<CastOp>(def)) {
    DenseElementsAttr in = knownValueSet(castOp.getInput(), depth + 1);
    if (!in || in.getElementType() != getElementTypeOrSelf(castOp.getInput()))
      return {};
    Type to = getElementTypeOrSelf(v.getType());
    if (!isa<IntegerType, FloatType>(to))
      return {};
    return folding::asDense(folding::castElements(
        in, RankedTensorType::get(in.getType().getShape(), to)));
  }
  if (isa<ReshapeOp, ExpandOp, TransposeOp>(def)) {
    DenseElementsAttr in = knownValueSet(def->getOperand(0), depth + 1);
    if (!in || in.getElementType() != getElementTypeOrSelf(v.getType()))
      return {};
    return in;
  }
  if (auto concat = dyn_cast<ConcatOp>(def)) {
    Type element = getElementTypeOrSelf(v.getType());
    if (!isa<IntegerType>(element))
      return {};
    SmallVector<APInt> all;
    for (Value part : concat.getInputs()) {
      DenseElementsAttr values = knownValueSet(part, depth + 1);
      if (!values || values.getElementType() != element ||
          int64_t(all.size()) + values.getNumElements() > kMaxFoldElements)
        return {};
      llvm::append_range(all, values.getValues<APInt>());
    }
    if (all.empty())
      return {};
    return DenseElementsAttr::get(
        RankedTensorType::get({int64_t(all.size())}, element), all);
  }
  return {};
}

std::optional<IntegerBounds> boundsOf(Value v, unsigned depth) {
  // Index chains are a few ops long; the cap keeps a pathological chain
  // from recursing deeply.
  if (depth > 64 || !integerElementOf(v))
    return std::nullopt;
  Operation *def = v.getDefiningOp();
  if (!def)
    return std::nullopt;
  Attribute constant;
  if (matchPattern(v, m_Constant(&constant)))
    return boundsOfConstant(constant);
  if (auto range = dyn_cast<RangeOp>(def))
    return boundsOfRange(range);
  if (auto cast = dyn_cast<CastOp>(def)) {
    // Integer to integer keeps the values when the target holds them (of
    // any count: a 2^40-element range). Otherwise the values wrap or come
    // from floats: known when folding would know them.
    if (integerElementOf(cast.getInput()))
      if (auto b = boundsOf(cast.getInput(), depth + 1);
          b && fits(*b, integerElementOf(v)))
        return b;
    DenseElementsAttr values = knownValueSet(v, depth);
    return values ? boundsOfConstant(values) : std::nullopt;
  }
  // Every element of the input appears in the result (no tensor is empty).
  if (isa<ReshapeOp, ExpandOp, TransposeOp>(def))
    return boundsOf(def->getOperand(0), depth + 1);
  if (auto concat = dyn_cast<ConcatOp>(def)) {
    std::optional<IntegerBounds> all;
    for (Value part : concat.getInputs()) {
      auto b = boundsOf(part, depth + 1);
      if (!b)
        return std::nullopt;
      all = all ? IntegerBounds{std::min(all->min, b->min),
                                std::max(all->max, b->max)}
                : *b;
    }
    return all;
  }
  return std::nullopt;
}

} // namespace

std::optional<IntegerBounds> knownIntegerBounds(Value v) {
  return v ? boundsOf(v, 0) : std::nullopt;
}

std::optional<int64_t> knownIndexOutOfRange(Value indices, int64_t dim,
                                            bool allowNegative) {
  std::optional<IntegerBounds> b = knownIntegerBounds(indices);
  if (!b)
    return std::nullopt;
  int64_t lowest = allowNegative ? -dim : 0;
  if (b->min < lowest)
    return b->min;
  if (b->max >= dim)
    return b->max;
  return std::nullopt;
}

Operation *foldStoppedAtSizeLimit(Value v) {
  SmallVector<Value> worklist{v};
  llvm::SmallPtrSet<Operation *, 16> visited;
  while (!worklist.empty()) {
    Value next = worklist.pop_back_val();
    Operation *def = next ? next.getDefiningOp() : nullptr;
    // Only integer values feed shapes and axes, and every integer-valued
    // graph op has a folder: one that did not fold with constant operands
    // stopped at the size limit.
    if (!def || !integerElementOf(next) ||
        !isa<GraphDialect>(def->getDialect()) ||
        def->hasTrait<mlir::OpTrait::ConstantLike>() || !visited.insert(def).second)
      continue;
    bool constantOperands = llvm::all_of(def->getOperands(), [](Value o) {
      return matchPattern(o, m_Constant());
    });
    if (!constantOperands) {
      worklist.append(def->operand_begin(), def->operand_end());
      continue;
    }
    for (Value result : def->getResults())
      if (auto type = dyn_cast<ShapedType>(result.getType());
          type && type.hasStaticShape() &&
          numElements(type.getShape()) > kMaxFoldElements)
        return def;
  }
  return nullptr;
}

} // namespace wafer::graph
