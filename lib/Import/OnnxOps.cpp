//===- OnnxOps.cpp - one importer per supported ONNX op -------------------===//
//
// Each importer reads a node's inputs and attributes as the node's opset
// defines them, computes the static result types, and emits graph ops.
// Shape arithmetic folds as it is built (GraphImporter::create), so later
// nodes can read shapes, axes and indices as constants.
//
// The driver has checked the node's arity (the table at the end) before an
// importer runs: required inputs exist and every name is defined. Typed
// attribute accessors fail on an attribute of the wrong type, so each is
// read through REQUIRE.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "wafer/Dialect/Graph/IR/KnownValues.h"
#include "wafer/Support/ElementCount.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace wafer;
using namespace wafer::graph;
using namespace wafer::onnx_import;

namespace {

using Node = onnx::NodeProto;
using Imp = GraphImporter;

#define REQUIRE(VAR, EXPR)                                                     \
  auto VAR##OrFailure = (EXPR);                                                \
  if (failed(VAR##OrFailure))                                                  \
    return failure();                                                          \
  auto VAR = *VAR##OrFailure;

LogicalResult importIdentity(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  imp.setOutput(node, 0, x);
  return success();
}

/// The value of a constant scalar input, or null when it is not one.
DenseElementsAttr constantScalar(Value v) {
  DenseElementsAttr attr;
  if (!v || !matchPattern(v, m_Constant(&attr)) || attr.getNumElements() != 1)
    return {};
  return attr;
}

LogicalResult importDropout(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  // Inference, training_mode false (the default), passes X through and
  // the mask is all true; so does training with ratio 0.
  if (Value trainingMode = imp.input(node, 2)) {
    DenseElementsAttr training = constantScalar(trainingMode);
    if (!training || !training.getElementType().isInteger(1))
      return imp.notKnownAtCompileTime(
          trainingMode, imp.nodeLabel +
                            ": training_mode must be a constant bool, as "
                            "Wafer compiles for inference; it is computed "
                            "at runtime, which is not supported");
    if (training.getSplatValue<bool>()) {
      Value ratioValue = imp.input(node, 1);
      DenseElementsAttr ratio = constantScalar(ratioValue);
      if (ratioValue && (!ratio || !isa<FloatType>(ratio.getElementType())))
        return imp.notKnownAtCompileTime(
            ratioValue, imp.nodeLabel + ": with training_mode true the "
                                        "ratio must be a constant float "
                                        "scalar; a runtime ratio is not "
                                        "supported");
      double r = ratio ? ratio.getSplatValue<APFloat>().convertToDouble()
                       : 0.5;
      if (r != 0)
        return imp.error() << imp.nodeLabel << ": random dropout "
                           << "(training_mode true, ratio " << r
                           << ") is not supported (training)";
    }
  }
  imp.setOutput(node, 0, x);
  if (node.output_size() > 1 && !node.output(1).empty()) {
    auto type = imp.tensorType(Imp::typeOf(x).getShape(),
                               imp.builder.getI1Type());
    imp.setOutput(node, 1,
                  ConstantOp::create(imp.builder, imp.loc, type,
                                     DenseElementsAttr::get(type, true)));
  }
  return success();
}

LogicalResult importConstant(Imp &imp, const Node &node) {
  Builder &b = imp.builder;
  // ONNX gives a Constant exactly one value attribute.
  static constexpr llvm::StringLiteral valueAttrs[] = {
      "value",        "value_float",  "value_floats", "value_int",
      "value_ints",   "value_string", "value_strings", "sparse_value"};
  SmallVector<StringRef> present;
  for (StringRef name : valueAttrs)
    if (imp.attr(node, name))
      present.push_back(name);
  if (present.size() != 1)
    return imp.error() << imp.nodeLabel << " has "
                       << (present.empty() ? "no value attribute"
                                           : "several value attributes (" +
                                                 llvm::join(present, ", ") +
                                                 ")")
                       << "; it takes exactly one of value, value_float(s), "
                          "value_int(s)";
  StringRef name = present.front();
  ElementsAttr value;
  if (name == "value") {
    REQUIRE(attr, imp.attrTensor(node, "value"));
    value = attr;
  } else if (name == "value_float") {
    REQUIRE(f, imp.attrFloat(node, name, 0.0f));
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getF32Type()), f);
  } else if (name == "value_int") {
    REQUIRE(i, imp.attrInt(node, name, 0));
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getI64Type()), i);
  } else if (name == "value_floats") {
    REQUIRE(a, imp.typedAttr(node, name, onnx::AttributeProto::FLOATS));
    auto type = RankedTensorType::get({a->floats_size()}, b.getF32Type());
    value = DenseElementsAttr::get(
        type, ArrayRef<float>(a->floats().data(), a->floats_size()));
  } else if (name == "value_ints") {
    REQUIRE(ints, imp.attrInts(node, name));
    auto type = RankedTensorType::get({int64_t(ints->size())}, b.getI64Type());
    value = DenseElementsAttr::get(type, ArrayRef<int64_t>(*ints));
  } else {
    return imp.error() << imp.nodeLabel << ": a Constant " << name
                       << " is not supported (strings and sparse tensors)";
  }
  imp.setOutput(node, 0,
                ConstantOp::create(imp.builder, imp.loc, value.getType(),
                                   value));
  return success();
}

LogicalResult importConstantOfShape(Imp &imp, const Node &node) {
  REQUIRE(shapeValue, imp.requiredInput(node, 0));
  REQUIRE(shape, imp.constantInts(shapeValue, "shape of ConstantOfShape"));
  for (int64_t d : shape)
    if (d < 0)
      return imp.error() << "ConstantOfShape shape has negative dimension "
                         << d;
  Attribute fill;
  Type element = imp.builder.getF32Type();
  REQUIRE(valueAttr, imp.attrTensor(node, "value"));
  if (valueAttr) {
    auto dense = dyn_cast<DenseElementsAttr>(valueAttr);
    if (!dense || dense.getNumElements() != 1)
      return imp.error() << "ConstantOfShape value must hold one element";
    element = dense.getElementType();
    fill = dense.getSplatValue<Attribute>();
  } else {
    fill = imp.builder.getF32FloatAttr(0.0f);
  }
  auto type = RankedTensorType::get(shape, element);
  // A splat of any size costs one element, but no tensor may be empty or
  // more than int64_t counts.
  if (failed(imp.checkTensorType(type)))
    return failure();
  auto value = DenseElementsAttr::get(type, fill);
  imp.setOutput(node, 0, ConstantOp::create(imp.builder, imp.loc, type, value));
  return success();
}

LogicalResult importShape(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  int64_t rank = Imp::typeOf(x).getRank();
  REQUIRE(start, imp.attrInt(node, "start", 0));
  REQUIRE(end, imp.attrOptionalInt(node, "end"));
  auto clamp = [&](int64_t v) {
    return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
  };
  int64_t n = std::max<int64_t>((end ? clamp(*end) : rank) - clamp(start), 0);
  if (n == 0)
    return imp.error() << imp.nodeLabel << ": start " << start << " and end "
                       << (end ? std::to_string(*end) : "(none)")
                       << " select no dimension of a rank-" << rank
                       << " tensor; empty tensors are not supported";
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<ShapeOp>(
                    RankedTensorType::get({n}, b.getI64Type()), x,
                    b.getI64IntegerAttr(start),
                    end ? b.getI64IntegerAttr(*end) : IntegerAttr()));
  return success();
}

LogicalResult importCast(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(to, imp.attrOptionalInt(node, "to"));
  if (!to)
    return imp.error() << imp.nodeLabel << " needs attribute 'to'";
  Type element = elementTypeFor(*to, imp.context);
  if (!element)
    return imp.error() << "Cast to " << onnxTypeName(*to)
                       << " is not supported";
  imp.setOutput(node, 0,
                imp.create<CastOp>(
                    imp.tensorType(Imp::typeOf(x).getShape(), element), x));
  return success();
}

LogicalResult importBinary(Imp &imp, const Node &node) {
  // Max and Min are variadic; the rest take exactly two inputs (the arity
  // table says so and the driver has checked it).
  REQUIRE(acc, imp.requiredInput(node, 0));
  Value result = acc;
  for (int i = 1; i < node.input_size(); ++i) {
    REQUIRE(rhs, imp.requiredInput(node, i));
    // Pow alone may mix types; its exponent converts to the base's type.
    Type base = Imp::typeOf(result).getElementType();
    if (node.op_type() == "Pow" && !isa<FloatType>(base))
      return imp.error() << "Pow on " << base
                         << " tensors is not supported (float bases only)";
    if (node.op_type() == "Pow" && isa<FloatType>(base) &&
        Imp::typeOf(rhs).getElementType() != base)
      rhs = imp.create<CastOp>(
          imp.tensorType(Imp::typeOf(rhs).getShape(), base), rhs);
    REQUIRE(next, imp.broadcastBinary(node.op_type(), result, rhs));
    result = next;
  }
  imp.setOutput(node, 0, result);
  return success();
}

template <typename OpTy>
LogicalResult importUnary(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  Type element = Imp::typeOf(x).getElementType();
  bool wantsFloat = std::is_same_v<OpTy, SqrtOp> ||
                    std::is_same_v<OpTy, ReciprocalOp> ||
                    std::is_same_v<OpTy, ExpOp> || std::is_same_v<OpTy, LogOp> ||
                    std::is_same_v<OpTy, ErfOp> ||
                    std::is_same_v<OpTy, TanhOp> ||
                    std::is_same_v<OpTy, SigmoidOp> ||
                    std::is_same_v<OpTy, CosOp> || std::is_same_v<OpTy, SinOp>;
  bool wantsBool = std::is_same_v<OpTy, NotOp>;
  if ((wantsFloat && !isa<FloatType>(element)) ||
      (wantsBool != element.isInteger(1)))
    return imp.error() << node.op_type() << " on " << element
                       << " tensors is not supported";
  imp.setOutput(node, 0, imp.create<OpTy>(x.getType(), x));
  return success();
}

LogicalResult importGelu(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(approximate, imp.attrString(node, "approximate", "none"));
  std::optional<GeluApproximation> kind =
      symbolizeGeluApproximation(approximate);
  if (!kind)
    return imp.error() << "Gelu approximate must be 'none' or 'tanh', not '"
                       << approximate << "'";
  if (!isa<FloatType>(Imp::typeOf(x).getElementType()))
    return imp.error() << "Gelu needs a float tensor";
  imp.setOutput(node, 0, imp.create<GeluOp>(x.getType(), x, *kind));
  return success();
}

LogicalResult importClip(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  Value result = x;
  if (Value lo = imp.input(node, 1)) {
    REQUIRE(clamped, imp.broadcastBinary("Max", result, lo));
    result = clamped;
  }
  if (Value hi = imp.input(node, 2)) {
    REQUIRE(clamped, imp.broadcastBinary("Min", result, hi));
    result = clamped;
  }
  if (result.getType() != x.getType())
    return imp.error() << "Clip bounds must be scalars";
  imp.setOutput(node, 0, result);
  return success();
}

LogicalResult importWhere(Imp &imp, const Node &node) {
  REQUIRE(cond, imp.requiredInput(node, 0));
  REQUIRE(lhs, imp.requiredInput(node, 1));
  REQUIRE(rhs, imp.requiredInput(node, 2));
  if (!Imp::typeOf(cond).getElementType().isInteger(1))
    return imp.error() << "Where condition must be bool";
  if (Imp::typeOf(lhs).getElementType() != Imp::typeOf(rhs).getElementType())
    return imp.error() << "Where branches differ in element type";
  ShapeResult branches = broadcastShapes(Imp::typeOf(lhs).getShape(),
                                         Imp::typeOf(rhs).getShape());
  if (!branches.ok())
    return imp.shapeError(branches);
  ShapeResult shape =
      broadcastShapes(Imp::typeOf(cond).getShape(), branches.shape);
  if (!shape.ok())
    return imp.shapeError(shape);
  imp.setOutput(node, 0,
                imp.create<WhereOp>(
                    imp.tensorType(shape.shape,
                                   Imp::typeOf(lhs).getElementType()),
                    cond, lhs, rhs));
  return success();
}

/// graph.matmul with ONNX's promotion of 1-D operands.
FailureOr<Value> matmul(Imp &imp, Value lhs, Value rhs) {
  auto lt = Imp::typeOf(lhs), rt = Imp::typeOf(rhs);
  if (lt.getElementType() != rt.getElementType())
    return imp.error() << "MatMul operands differ in element type: "
                       << lt.getElementType() << " vs " << rt.getElementType();
  if (lt.getRank() == 0 || rt.getRank() == 0)
    return imp.error() << "MatMul operands must have rank >= 1";
  bool lhsVector = lt.getRank() == 1, rhsVector = rt.getRank() == 1;
  if (lhsVector)
    lhs = imp.reshape(lhs, {1, lt.getDimSize(0)});
  if (rhsVector)
    rhs = imp.reshape(rhs, {rt.getDimSize(0), 1});
  ShapeResult shape =
      matmulShape(Imp::typeOf(lhs).getShape(), Imp::typeOf(rhs).getShape());
  if (!shape.ok())
    return imp.shapeError(shape);
  Value product = imp.create<MatmulOp>(
      imp.tensorType(shape.shape, lt.getElementType()), lhs, rhs);
  Shape out = shape.shape;
  if (lhsVector)
    out.erase(out.end() - 2);
  if (rhsVector)
    out.pop_back();
  return lhsVector || rhsVector ? imp.reshape(product, out) : product;
}

LogicalResult importMatMul(Imp &imp, const Node &node) {
  REQUIRE(lhs, imp.requiredInput(node, 0));
  REQUIRE(rhs, imp.requiredInput(node, 1));
  REQUIRE(product, matmul(imp, lhs, rhs));
  imp.setOutput(node, 0, product);
  return success();
}

LogicalResult importGemm(Imp &imp, const Node &node) {
  REQUIRE(a, imp.requiredInput(node, 0));
  REQUIRE(b, imp.requiredInput(node, 1));
  REQUIRE(transA, imp.attrInt(node, "transA", 0));
  REQUIRE(transB, imp.attrInt(node, "transB", 0));
  REQUIRE(alpha, imp.attrFloat(node, "alpha", 1.0f));
  REQUIRE(beta, imp.attrFloat(node, "beta", 1.0f));
  if (Imp::typeOf(a).getRank() != 2 || Imp::typeOf(b).getRank() != 2)
    return imp.error() << "Gemm operands must be 2-D";
  if (transA)
    a = imp.transpose(a, {1, 0});
  if (transB)
    b = imp.transpose(b, {1, 0});
  REQUIRE(product, matmul(imp, a, b));
  Value result = product;
  if (alpha != 1.0f) {
    REQUIRE(scaled,
            imp.broadcastBinary("Mul", result, imp.scalarLike(result, alpha)));
    result = scaled;
  }
  if (Value c = imp.input(node, 2)) {
    if (beta != 1.0f) {
      REQUIRE(scaledC, imp.broadcastBinary("Mul", c, imp.scalarLike(c, beta)));
      c = scaledC;
    }
    REQUIRE(sum, imp.broadcastBinary("Add", result, c));
    if (sum.getType() != result.getType())
      return imp.error() << "Gemm bias " << c.getType()
                         << " does not broadcast to " << result.getType();
    result = sum;
  }
  imp.setOutput(node, 0, result);
  return success();
}

LogicalResult importSoftmax(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(axisAttr, imp.attrInt(node, "axis", -1));
  auto axis = normalizeAxis(axisAttr, Imp::typeOf(x).getRank());
  if (failed(axis))
    return imp.error() << "Softmax axis out of range for " << x.getType();
  if (!isa<FloatType>(Imp::typeOf(x).getElementType()))
    return imp.error() << "Softmax needs a float tensor";
  imp.setOutput(node, 0,
                imp.create<SoftmaxOp>(x.getType(), x,
                                      imp.builder.getI64IntegerAttr(*axis)));
  return success();
}

LogicalResult checkNormParams(Imp &imp, const Node &node, Value x, int64_t axis,
                              ArrayRef<Value> params) {
  ArrayRef<int64_t> shape = Imp::typeOf(x).getShape();
  for (Value p : params) {
    if (!p)
      continue;
    if (Imp::typeOf(p).getElementType() != Imp::typeOf(x).getElementType())
      return imp.error() << node.op_type() << " scale/bias element type "
                         << Imp::typeOf(p).getElementType()
                         << " differs from the input's";
    if (!broadcastsTo(Imp::typeOf(p).getShape(), shape.drop_front(axis)))
      return imp.error() << node.op_type() << " scale/bias "
                         << formatShape(Imp::typeOf(p).getShape())
                         << " does not match the normalized dimensions "
                         << formatShape(shape.drop_front(axis));
  }
  return success();
}

/// The axis and epsilon every normalization takes.
struct NormAttrs {
  int64_t axis;
  float epsilon;
};
FailureOr<NormAttrs> normAttrs(Imp &imp, const Node &node, Value x) {
  REQUIRE(axisAttr, imp.attrInt(node, "axis", -1));
  REQUIRE(epsilon, imp.attrFloat(node, "epsilon", 1e-5f));
  auto axis = normalizeAxis(axisAttr, Imp::typeOf(x).getRank());
  if (failed(axis))
    return imp.error() << node.op_type() << " axis out of range";
  if (!std::isfinite(epsilon) || epsilon < 0)
    return imp.error() << imp.nodeLabel << ": epsilon must be finite and "
                       << "non-negative, got " << epsilon;
  return NormAttrs{*axis, epsilon};
}

/// The statistics of LayerNormalization's first stage, in `element` (the
/// stash type): the mean and 1 / sqrt(var + epsilon) over the dimensions
/// from `axis` on, which stay as size-1 dimensions. `invStdDev` is left
/// null unless asked for.
struct NormStatistics {
  Value x, mean, deviation, invStdDev;
};
FailureOr<NormStatistics> normStatistics(Imp &imp, Value x, int64_t axis,
                                         float epsilon, Type element,
                                         bool withInvStdDev) {
  auto t = Imp::typeOf(x);
  if (t.getElementType() != element)
    x = imp.create<CastOp>(imp.tensorType(t.getShape(), element), x);
  SmallVector<int64_t> axes;
  Shape kept(t.getShape());
  for (int64_t d = axis; d < t.getRank(); ++d) {
    axes.push_back(d);
    kept[d] = 1;
  }
  Builder &b = imp.builder;
  auto mean = [&](Value v) {
    return imp.create<ReduceMeanOp>(imp.tensorType(kept, element), v,
                                    b.getDenseI64ArrayAttr(axes),
                                    b.getBoolAttr(true));
  };
  NormStatistics s{x, mean(x), {}, {}};
  if (!withInvStdDev)
    return s;
  REQUIRE(deviation, imp.broadcastBinary("Sub", x, s.mean));
  REQUIRE(squared, imp.broadcastBinary("Mul", deviation, deviation));
  // One op per statement: the order of a call's arguments is the
  // compiler's, and the IR must not depend on it.
  Value meanSquare = mean(squared);
  Value eps = imp.scalarLike(s.mean, double(epsilon));
  REQUIRE(variance, imp.broadcastBinary("Add", meanSquare, eps));
  Value stdDev = imp.create<SqrtOp>(variance.getType(), variance);
  s.deviation = deviation;
  s.invStdDev = imp.create<ReciprocalOp>(stdDev.getType(), stdDev);
  return s;
}

LogicalResult importLayerNorm(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(scale, imp.requiredInput(node, 1));
  Value bias = imp.input(node, 2);
  REQUIRE(attrs, normAttrs(imp, node, x));
  if (failed(checkNormParams(imp, node, x, attrs.axis, {scale, bias})))
    return failure();
  // stash_type: the precision of the first stage and the type of Mean and
  // InvStdDev, FLOAT or BFLOAT16.
  REQUIRE(stashType, imp.attrInt(node, "stash_type", onnx::TensorProto::FLOAT));
  if (stashType != onnx::TensorProto::FLOAT &&
      stashType != onnx::TensorProto::BFLOAT16)
    return imp.error() << imp.nodeLabel << ": stash_type must be FLOAT (1) "
                       << "or BFLOAT16 (16), got "
                       << onnxTypeName(int32_t(stashType));
  Type stash = elementTypeFor(int32_t(stashType), imp.context);
  bool wantsMean = node.output_size() > 1 && !node.output(1).empty();
  bool wantsInvStdDev = node.output_size() > 2 && !node.output(2).empty();
  // graph.layer_norm computes its statistics in at least FLOAT; a BFLOAT16
  // stash rounds them, so that case is spelled out in graph ops.
  bool spelledOut = stashType == onnx::TensorProto::BFLOAT16;
  std::optional<NormStatistics> stats;
  if (wantsMean || wantsInvStdDev || spelledOut) {
    REQUIRE(s, normStatistics(imp, x, attrs.axis, attrs.epsilon, stash,
                              wantsInvStdDev || spelledOut));
    stats = s;
    imp.setOutput(node, 1, s.mean);
    imp.setOutput(node, 2, s.invStdDev);
  }
  Builder &b = imp.builder;
  if (!spelledOut) {
    imp.setOutput(node, 0,
                  imp.create<LayerNormOp>(x.getType(), x, scale, bias,
                                          b.getI64IntegerAttr(attrs.axis),
                                          b.getF32FloatAttr(attrs.epsilon)));
    return success();
  }
  // Normalized = D * InvStdDev in the stash type, back in X's type, then
  // scaled and shifted there.
  REQUIRE(normalized,
          imp.broadcastBinary("Mul", stats->deviation, stats->invStdDev));
  Value y = normalized;
  if (Imp::typeOf(y).getElementType() != Imp::typeOf(x).getElementType())
    y = imp.create<CastOp>(x.getType(), y);
  REQUIRE(scaled, imp.broadcastBinary("Mul", y, scale));
  y = scaled;
  if (bias) {
    REQUIRE(shifted, imp.broadcastBinary("Add", y, bias));
    y = shifted;
  }
  imp.setOutput(node, 0, y);
  return success();
}

LogicalResult importRmsNorm(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(scale, imp.requiredInput(node, 1));
  REQUIRE(attrs, normAttrs(imp, node, x));
  if (failed(checkNormParams(imp, node, x, attrs.axis, {scale})))
    return failure();
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<RmsNormOp>(x.getType(), x, scale,
                                      b.getI64IntegerAttr(attrs.axis),
                                      b.getF32FloatAttr(attrs.epsilon)));
  return success();
}

/// Normalizes and sorts axes; fails (emitted) on out-of-range entries.
FailureOr<SmallVector<int64_t>> normalizeAxes(Imp &imp, ArrayRef<int64_t> axes,
                                              int64_t rank, StringRef what) {
  SmallVector<int64_t> out;
  for (int64_t a : axes) {
    auto n = normalizeAxis(a, rank);
    if (failed(n))
      return imp.error() << what << " axis " << a << " out of range for rank "
                         << rank;
    out.push_back(*n);
  }
  llvm::sort(out);
  return out;
}

template <typename OpTy>
LogicalResult importReduce(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  // ReduceSum takes axes as an input from opset 13, the others from 18.
  REQUIRE(axesOpt, imp.axesOf(node, 1, "axes of " + node.op_type()));
  REQUIRE(noopWithEmptyAxes, imp.attrInt(node, "noop_with_empty_axes", 0));
  REQUIRE(keepdimsAttr, imp.attrInt(node, "keepdims", 1));
  int64_t rank = Imp::typeOf(x).getRank();
  SmallVector<int64_t> axes;
  if (axesOpt && !axesOpt->empty()) {
    REQUIRE(normalized, normalizeAxes(imp, *axesOpt, rank, node.op_type()));
    axes = normalized;
  } else if (!noopWithEmptyAxes) {
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  bool keepdims = keepdimsAttr != 0;
  ShapeResult shape = reduceShape(Imp::typeOf(x).getShape(), axes, keepdims);
  if (!shape.ok())
    return imp.shapeError(shape);
  Type element = Imp::typeOf(x).getElementType();
  // Opset 20 adds bool to ReduceMax and ReduceMin (false < true): they
  // reduce the 0/1 values as int32.
  constexpr bool boolOrdered =
      std::is_same_v<OpTy, ReduceMaxOp> || std::is_same_v<OpTy, ReduceMinOp>;
  bool viaInt = boolOrdered && element.isInteger(1) && imp.opset >= 20;
  if ((std::is_same_v<OpTy, ReduceMeanOp> && !isa<FloatType>(element)) ||
      (element.isInteger(1) && !viaInt))
    return imp.error() << node.op_type() << " on " << element
                       << " tensors is not supported"
                       << (boolOrdered && element.isInteger(1)
                               ? " before opset 20"
                               : "");
  Builder &b = imp.builder;
  Type i32 = b.getI32Type();
  if (viaInt)
    x = imp.create<CastOp>(imp.tensorType(Imp::typeOf(x).getShape(), i32), x);
  Value result = imp.create<OpTy>(
      imp.tensorType(shape.shape, viaInt ? i32 : element), x,
      b.getDenseI64ArrayAttr(axes), b.getBoolAttr(keepdims));
  if (viaInt)
    result = imp.create<CastOp>(imp.tensorType(shape.shape, element), result);
  imp.setOutput(node, 0, result);
  return success();
}

LogicalResult importTranspose(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(permAttr, imp.attrInts(node, "perm"));
  int64_t rank = Imp::typeOf(x).getRank();
  SmallVector<int64_t> perm;
  if (permAttr)
    perm = *permAttr;
  else
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  ShapeResult shape = transposeShape(Imp::typeOf(x).getShape(), perm);
  if (!shape.ok())
    return imp.shapeError(shape);
  imp.setOutput(node, 0, imp.transpose(x, perm));
  return success();
}

LogicalResult reshapeTo(Imp &imp, const Node &node, Value x,
                        ArrayRef<int64_t> shape) {
  // The target comes from the model: check it before counting it.
  ShapeResult target = resultShape(shape);
  if (!target.ok())
    return imp.error() << imp.nodeLabel << ": " << target.error;
  int64_t have = numElements(Imp::typeOf(x).getShape());
  if (numElements(shape) != have)
    return imp.error() << node.op_type() << " cannot turn "
                       << formatShape(Imp::typeOf(x).getShape()) << " ("
                       << have << " elements) into " << formatShape(shape)
                       << " (" << numElements(shape) << " elements)";
  imp.setOutput(node, 0, imp.reshape(x, shape));
  return success();
}

LogicalResult importReshape(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(shapeValue, imp.requiredInput(node, 1));
  REQUIRE(target, imp.constantInts(shapeValue, "target shape of Reshape"));
  REQUIRE(allowZeroAttr, imp.attrInt(node, "allowzero", 0));
  ArrayRef<int64_t> in = Imp::typeOf(x).getShape();
  bool allowZero = allowZeroAttr != 0;
  SmallVector<int64_t> shape;
  int inferred = -1;
  int64_t known = 1;
  for (auto [i, d] : llvm::enumerate(target)) {
    if (d == 0 && !allowZero) {
      if (i >= in.size())
        return imp.error() << "Reshape copies dimension " << i
                           << " (0) but the input has rank " << in.size();
      d = in[i];
    }
    if (d == -1) {
      if (inferred >= 0)
        return imp.error() << "Reshape target " << formatShape(target)
                           << " has more than one -1";
      inferred = i;
      shape.push_back(1);
      continue;
    }
    if (d < 0)
      return imp.error() << "Reshape target " << formatShape(target)
                         << " has invalid dimension " << d;
    std::optional<int64_t> product = checkedMul(known, d);
    if (!product)
      return imp.error() << imp.nodeLabel << ": the target "
                         << formatShape(target)
                         << " has more elements than a 64-bit count holds";
    known = *product;
    shape.push_back(d);
  }
  if (inferred >= 0) {
    int64_t total = numElements(in);
    if (known == 0 || total % known != 0)
      return imp.error() << "Reshape cannot infer -1 in "
                         << formatShape(target) << " from "
                         << formatShape(in);
    shape[inferred] = total / known;
  }
  return reshapeTo(imp, node, x, shape);
}

LogicalResult importFlatten(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(axisAttr, imp.attrInt(node, "axis", 1));
  ArrayRef<int64_t> in = Imp::typeOf(x).getShape();
  int64_t rank = in.size();
  int64_t axis = axisAttr;
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis > rank)
    return imp.error() << "Flatten axis out of range";
  int64_t outer = numElements(in.take_front(axis));
  return reshapeTo(imp, node, x, {outer, numElements(in) / outer});
}

LogicalResult importSqueeze(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  ArrayRef<int64_t> in = Imp::typeOf(x).getShape();
  REQUIRE(axesOpt, imp.axesOf(node, 1, "axes of Squeeze"));
  SmallVector<int64_t> axes;
  if (axesOpt) {
    REQUIRE(normalized, normalizeAxes(imp, *axesOpt, in.size(), "Squeeze"));
    axes = normalized;
  } else {
    for (auto [i, d] : llvm::enumerate(in))
      if (d == 1)
        axes.push_back(i);
  }
  SmallVector<int64_t> shape;
  for (auto [i, d] : llvm::enumerate(in)) {
    if (!llvm::is_contained(axes, static_cast<int64_t>(i))) {
      shape.push_back(d);
      continue;
    }
    if (d != 1)
      return imp.error() << "Squeeze axis " << i << " has size " << d
                         << ", not 1";
  }
  return reshapeTo(imp, node, x, shape);
}

LogicalResult importUnsqueeze(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  ArrayRef<int64_t> in = Imp::typeOf(x).getShape();
  REQUIRE(axesOpt, imp.axesOf(node, 1, "axes of Unsqueeze"));
  if (!axesOpt)
    return imp.error() << "Unsqueeze needs axes";
  int64_t rank = in.size() + axesOpt->size();
  REQUIRE(axes, normalizeAxes(imp, *axesOpt, rank, "Unsqueeze"));
  // Sorted: a repeated axis would leave fewer new dimensions than axes.
  if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
    return imp.error() << "Unsqueeze axes " << formatShape(*axesOpt)
                       << " repeat an axis";
  SmallVector<int64_t> shape;
  auto next = in.begin();
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(llvm::is_contained(axes, d) ? 1 : *next++);
  return reshapeTo(imp, node, x, shape);
}

LogicalResult importConcat(Imp &imp, const Node &node) {
  // Empty tensors (only constants can be: nothing else in the graph is)
  // contribute nothing: exporters concat [] shape pieces.
  SmallVector<Value> inputs;
  SmallVector<Shape> shapes;
  for (int i = 0; i < node.input_size(); ++i) {
    REQUIRE(v, imp.requiredInput(node, i));
    if (numElements(Imp::typeOf(v).getShape()) == 0)
      continue;
    inputs.push_back(v);
    shapes.emplace_back(Imp::typeOf(v).getShape());
  }
  if (inputs.empty())
    return imp.error() << imp.nodeLabel << ": every input is empty, and so "
                       << "would the result be; empty tensors are not "
                          "supported";
  Type element = Imp::typeOf(inputs.front()).getElementType();
  for (Value v : inputs)
    if (Imp::typeOf(v).getElementType() != element)
      return imp.error() << "Concat inputs differ in element type";
  REQUIRE(axisAttr, imp.attrInt(node, "axis", 0));
  auto axis = normalizeAxis(axisAttr, shapes.front().size());
  if (failed(axis))
    return imp.error() << "Concat axis out of range";
  ShapeResult shape = concatShape(shapes, *axis);
  if (!shape.ok())
    return imp.shapeError(shape);
  imp.setOutput(node, 0,
                imp.create<ConcatOp>(imp.tensorType(shape.shape, element),
                                     inputs,
                                     imp.builder.getI64IntegerAttr(*axis)));
  return success();
}

LogicalResult importSplit(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  auto type = Imp::typeOf(x);
  REQUIRE(axisAttr, imp.attrInt(node, "axis", 0));
  REQUIRE(splitAttr, imp.attrInts(node, "split"));
  REQUIRE(numOutputs, imp.attrOptionalInt(node, "num_outputs"));
  auto axis = normalizeAxis(axisAttr, type.getRank());
  if (failed(axis))
    return imp.error() << "Split axis out of range";
  int64_t dim = type.getDimSize(*axis);
  int64_t pieces = node.output_size();
  SmallVector<int64_t> sizes;
  if (splitAttr) {
    sizes = *splitAttr;
  } else if (Value splitValue = imp.input(node, 1)) {
    REQUIRE(fromInput, imp.constantInts(splitValue, "split sizes of Split"));
    sizes = fromInput;
  } else {
    // Equal pieces, the last one smaller (opset 18's num_outputs).
    if (numOutputs && *numOutputs != pieces)
      return imp.error() << imp.nodeLabel << ": num_outputs is " << *numOutputs
                         << " but the node has " << pieces << " outputs";
    int64_t chunk = (dim - 1) / pieces + 1;
    for (int64_t i = 0; i < pieces; ++i)
      sizes.push_back(std::max<int64_t>(std::min(chunk, dim - i * chunk), 0));
  }
  int64_t total = 0;
  for (int64_t s : sizes) {
    if (s < 0)
      return imp.error() << "Split sizes " << formatShape(sizes)
                         << " include a negative size";
    total = checkedAdd(total, s).value_or(-1);
    if (total < 0)
      return imp.error() << "Split sizes " << formatShape(sizes)
                         << " add up to more than 2^63 - 1";
  }
  if (total != dim || static_cast<int64_t>(sizes.size()) != pieces)
    return imp.error() << "Split sizes " << formatShape(sizes)
                       << " do not cover dimension " << *axis << " of size "
                       << dim << " in " << pieces << " outputs";
  SmallVector<Type> types;
  for (auto [i, s] : llvm::enumerate(sizes)) {
    Shape piece(type.getShape());
    piece[*axis] = s;
    ShapeResult checked = resultShape(piece);
    if (!checked.ok())
      return imp.error() << imp.nodeLabel << ": output " << i << ": "
                         << checked.error;
    types.push_back(imp.tensorType(piece, type.getElementType()));
  }
  SmallVector<Value> results;
  imp.createMulti<SplitOp>(results, types, x,
                           imp.builder.getI64IntegerAttr(*axis));
  for (auto [i, v] : llvm::enumerate(results))
    imp.setOutput(node, i, v);
  return success();
}

LogicalResult importSlice(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  ArrayRef<int64_t> in = Imp::typeOf(x).getShape();
  int64_t rank = in.size();
  REQUIRE(startsValue, imp.requiredInput(node, 1));
  REQUIRE(endsValue, imp.requiredInput(node, 2));
  REQUIRE(starts, imp.constantInts(startsValue, "starts of Slice"));
  REQUIRE(ends, imp.constantInts(endsValue, "ends of Slice"));
  SmallVector<int64_t> axes, steps(starts.size(), 1);
  if (Value a = imp.input(node, 3)) {
    REQUIRE(v, imp.constantInts(a, "axes of Slice"));
    axes = v;
  } else {
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(i);
  }
  if (Value s = imp.input(node, 4)) {
    REQUIRE(v, imp.constantInts(s, "steps of Slice"));
    steps = v;
  }
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return imp.error() << "Slice starts, ends, axes and steps differ in length";
  // One start, end and step per dimension; unnamed dimensions are whole.
  SmallVector<int64_t> fullStarts(rank, 0), fullEnds(rank, INT64_MAX),
      fullSteps(rank, 1);
  SmallVector<bool> seen(rank, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    auto axis = normalizeAxis(axes[i], rank);
    if (failed(axis) || seen[*axis])
      return imp.error() << "Slice axis " << axes[i]
                         << " is out of range or repeated";
    seen[*axis] = true;
    if (steps[i] == 0)
      return imp.error() << "Slice step is zero";
    fullStarts[*axis] = starts[i];
    fullEnds[*axis] = ends[i];
    fullSteps[*axis] = steps[i];
  }
  ShapeResult shape = sliceShape(in, fullStarts, fullEnds, fullSteps);
  if (!shape.ok())
    return imp.error() << imp.nodeLabel << ": " << shape.error;
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<SliceOp>(
                    imp.tensorType(shape.shape, Imp::typeOf(x).getElementType()),
                    x, b.getDenseI64ArrayAttr(fullStarts),
                    b.getDenseI64ArrayAttr(fullSteps)));
  return success();
}

LogicalResult importGather(Imp &imp, const Node &node) {
  REQUIRE(data, imp.requiredInput(node, 0));
  REQUIRE(indices, imp.requiredInput(node, 1));
  REQUIRE(axisAttr, imp.attrInt(node, "axis", 0));
  auto axis = normalizeAxis(axisAttr, Imp::typeOf(data).getRank());
  if (failed(axis))
    return imp.error() << "Gather axis out of range for " << data.getType();
  Type indexElement = Imp::typeOf(indices).getElementType();
  if (!indexElement.isInteger(64) && !indexElement.isInteger(32))
    return imp.error() << "Gather indices must be int64 or int32";
  // Indices known now (constants, and ranges too big to fold) must select
  // existing slices: past the end is a model error, not a runtime one.
  int64_t dim = Imp::typeOf(data).getDimSize(*axis);
  if (std::optional<int64_t> bad =
          knownIndexOutOfRange(indices, dim, /*allowNegative=*/true))
    return imp.error() << "Gather index " << *bad
                       << " out of range for dimension " << *axis
                       << " of size " << dim;
  ShapeResult shape = gatherShape(Imp::typeOf(data).getShape(),
                                  Imp::typeOf(indices).getShape(), *axis);
  if (!shape.ok())
    return imp.shapeError(shape);
  imp.setOutput(node, 0,
                imp.create<GatherOp>(
                    imp.tensorType(shape.shape,
                                   Imp::typeOf(data).getElementType()),
                    data, indices, imp.builder.getI64IntegerAttr(*axis)));
  return success();
}

LogicalResult importExpand(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(shapeValue, imp.requiredInput(node, 1));
  REQUIRE(target, imp.constantInts(shapeValue, "target shape of Expand"));
  if (llvm::any_of(target, [](int64_t d) { return d < 0; }))
    return imp.error() << "Expand target shape " << formatShape(target)
                       << " has a negative dimension";
  ShapeResult shape = broadcastShapes(Imp::typeOf(x).getShape(), target);
  if (!shape.ok())
    return imp.shapeError(shape);
  imp.setOutput(node, 0,
                imp.create<ExpandOp>(
                    imp.tensorType(shape.shape,
                                   Imp::typeOf(x).getElementType()),
                    x));
  return success();
}

/// The number of elements of Range(start, limit, delta): ceil((limit -
/// start) / delta), at least 0; nothing when it does not fit int64_t.
std::optional<int64_t> rangeCount(Attribute start, Attribute limit,
                                  Attribute delta) {
  if (auto s = dyn_cast<IntegerAttr>(start)) {
    // 128 bits hold every difference of two int64_t values.
    __int128 distance = __int128(cast<IntegerAttr>(limit).getInt()) - s.getInt();
    __int128 d = cast<IntegerAttr>(delta).getInt();
    __int128 n = distance / d + (distance % d != 0 && (distance < 0) == (d < 0));
    if (n <= 0)
      return 0;
    return n > INT64_MAX ? std::nullopt : std::optional<int64_t>(int64_t(n));
  }
  double s = cast<FloatAttr>(start).getValueAsDouble(),
         l = cast<FloatAttr>(limit).getValueAsDouble(),
         d = cast<FloatAttr>(delta).getValueAsDouble();
  double n = std::ceil((l - s) / d);
  // 2^63 as a double: anything at or above it does not fit.
  if (std::isnan(n) || n >= 9223372036854775808.0)
    return std::nullopt;
  return n <= 0 ? 0 : int64_t(n);
}

LogicalResult importRange(Imp &imp, const Node &node) {
  SmallVector<Attribute> scalars;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(v, imp.requiredInput(node, i));
    DenseElementsAttr attr;
    if (!matchPattern(v, m_Constant(&attr)) || attr.getNumElements() != 1)
      return imp.notKnownAtCompileTime(
          v, "Range start, limit and delta must be scalars known at compile "
             "time; bind every symbolic dimension with --dim");
    scalars.push_back(attr.getSplatValue<Attribute>());
  }
  Type element = cast<TypedAttr>(scalars[0]).getType();
  for (Attribute a : ArrayRef(scalars).drop_front())
    if (cast<TypedAttr>(a).getType() != element)
      return imp.error() << imp.nodeLabel << ": start, limit and delta differ "
                         << "in type (" << element << " and "
                         << cast<TypedAttr>(a).getType() << ")";
  if (!element.isInteger(64) && !element.isInteger(32) && !element.isF32() &&
      !element.isF64())
    return imp.error() << imp.nodeLabel << ": Range of " << element
                       << " is not supported (int64, int32, float, double)";
  auto isZero = [](Attribute a) {
    if (auto i = dyn_cast<IntegerAttr>(a))
      return i.getValue().isZero();
    return cast<FloatAttr>(a).getValue().isZero();
  };
  if (isZero(scalars[2]))
    return imp.error() << "Range delta is zero";
  for (Attribute a : scalars)
    if (auto f = dyn_cast<FloatAttr>(a); f && !f.getValue().isFinite())
      return imp.error() << imp.nodeLabel << ": start, limit and delta must "
                         << "be finite, got " << f.getValueAsDouble();
  std::optional<int64_t> count = rangeCount(scalars[0], scalars[1], scalars[2]);
  // "from 12 to 2 by 2", the values without their types.
  std::string span;
  llvm::raw_string_ostream os(span);
  for (auto [word, a] : llvm::zip(std::array{"from ", " to ", " by "}, scalars)) {
    os << word;
    if (auto i = dyn_cast<IntegerAttr>(a))
      os << i.getInt();
    else
      os << cast<FloatAttr>(a).getValueAsDouble();
  }
  if (!count)
    return imp.error() << imp.nodeLabel << ": " << span
                       << " is more elements than a 64-bit count holds";
  if (*count == 0)
    return imp.error() << imp.nodeLabel << ": " << span
                       << " is empty; empty tensors are not supported";
  imp.setOutput(node, 0,
                imp.create<RangeOp>(imp.tensorType({*count}, element),
                                    cast<TypedAttr>(scalars[0]),
                                    cast<TypedAttr>(scalars[2])));
  return success();
}

LogicalResult importTrilu(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(upper, imp.attrInt(node, "upper", 1));
  if (Imp::typeOf(x).getRank() < 2)
    return imp.error() << "Trilu needs rank >= 2";
  int64_t k = 0;
  if (Value kValue = imp.input(node, 1)) {
    REQUIRE(ks, imp.constantInts(kValue, "k of Trilu"));
    if (ks.size() != 1)
      return imp.error() << "Trilu k must be a scalar";
    k = ks.front();
  }
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<TriluOp>(x.getType(), x, b.getI64IntegerAttr(k),
                                    b.getBoolAttr(upper != 0)));
  return success();
}

/// [B, S, H*D] -> [B, H, S, D].
Value splitHeads(Imp &imp, Value x, int64_t heads) {
  auto t = Imp::typeOf(x);
  int64_t b = t.getDimSize(0), s = t.getDimSize(1), hd = t.getDimSize(2);
  return imp.transpose(imp.reshape(x, {b, s, heads, hd / heads}),
                       {0, 2, 1, 3});
}

/// [B, H, S, D] -> [B, S, H*D].
Value mergeHeads(Imp &imp, Value x) {
  auto t = Imp::typeOf(x);
  Value y = imp.transpose(x, {0, 2, 1, 3});
  return imp.reshape(y, {t.getDimSize(0), t.getDimSize(2),
                         t.getDimSize(1) * t.getDimSize(3)});
}

FailureOr<Value> toHeads(Imp &imp, Value x, int64_t heads, StringRef what) {
  auto t = Imp::typeOf(x);
  if (t.getRank() == 4)
    return x;
  if (t.getRank() != 3)
    return imp.error() << what << " must be 3-D or 4-D, got " << x.getType();
  if (heads <= 0 || t.getDimSize(2) % heads != 0)
    return imp.error() << what << " is 3-D " << x.getType()
                       << " but the head count (" << heads
                       << ") does not divide its hidden size";
  return splitHeads(imp, x, heads);
}

/// The keys an Attention query may attend besides its attn_mask, as ONNX
/// defines them relative to `offset`, the number of valid keys before the
/// query block: query i attends key j iff j - i lies in [offset - left,
/// offset + right] (a bound of -1 is none; is_causal caps the right one at
/// 0), and, with an external cache, j < nonpad_kv_seqlen[b].
struct KeyWindow {
  int64_t batch, queries, keys;
  /// past_sequence_length, or 0 (used when `nonpad` is null).
  int64_t offset = 0;
  /// nonpad_kv_seqlen, [batch] int64: the offset is nonpad - queries.
  Value nonpad;
  bool causal = false;
  int64_t left = -1, right = -1;
};

/// A boolean mask, true where a query may attend a key: [S, L], or
/// [B, 1, S, L] with an external cache; null when every key may be. Small
/// masks fold to constants as they are built.
FailureOr<Value> allowedKeys(Imp &imp, const KeyWindow &w) {
  int64_t upper = w.causal ? 0 : w.right;
  if (!w.nonpad && upper < 0 && w.left < 0)
    return Value();
  Builder &b = imp.builder;
  auto iota = [&](int64_t n, ArrayRef<int64_t> shape) {
    Value r = imp.create<RangeOp>(imp.tensorType({n}, b.getI64Type()),
                                  b.getI64IntegerAttr(0), b.getI64IntegerAttr(1));
    return imp.reshape(r, shape);
  };
  Value keyIndex = iota(w.keys, {1, w.keys});
  // j - i, [S, L].
  REQUIRE(distance, imp.broadcastBinary("Sub", keyIndex,
                                        iota(w.queries, {w.queries, 1})));
  Value offset, validLength;
  if (w.nonpad) {
    validLength = imp.reshape(w.nonpad, {w.batch, 1, 1, 1});
    REQUIRE(o, imp.broadcastBinary(
                   "Sub", validLength,
                   imp.scalarLike(validLength, double(w.queries))));
    offset = o;
  } else {
    offset = imp.constantInts({w.offset}, {});
  }
  SmallVector<Value> conditions;
  auto bound = [&](StringRef compare, int64_t delta) -> LogicalResult {
    Value limit = offset;
    if (delta != 0) {
      auto shifted = imp.broadcastBinary("Add", offset,
                                         imp.scalarLike(offset, double(delta)));
      if (failed(shifted))
        return failure();
      limit = *shifted;
    }
    auto c = imp.broadcastBinary(compare, distance, limit);
    if (failed(c))
      return failure();
    conditions.push_back(*c);
    return success();
  };
  if (upper >= 0 && failed(bound("LessOrEqual", upper)))
    return failure();
  if (w.left >= 0 && failed(bound("GreaterOrEqual", -w.left)))
    return failure();
  if (validLength) {
    REQUIRE(c, imp.broadcastBinary("Less", keyIndex, validLength));
    conditions.push_back(c);
  }
  Value allowed = conditions.front();
  for (Value c : ArrayRef(conditions).drop_front()) {
    REQUIRE(both, imp.broadcastBinary("And", allowed, c));
    allowed = both;
  }
  return allowed;
}

/// Pads the key dimension of an attn_mask shorter than the keys (opset 24)
/// with keys it does not attend: false, or -inf for an additive mask.
Value padMask(Imp &imp, Value mask, int64_t keys) {
  auto t = Imp::typeOf(mask);
  int64_t have = t.getShape().back();
  Shape padShape(t.getShape());
  padShape.back() = keys - have;
  auto padType = imp.tensorType(padShape, t.getElementType());
  Attribute fill =
      t.getElementType().isInteger(1)
          ? Attribute(imp.builder.getBoolAttr(false))
          : Attribute(imp.builder.getFloatAttr(
                t.getElementType(), -std::numeric_limits<double>::infinity()));
  Value pad = ConstantOp::create(imp.builder, imp.loc, padType,
                                 DenseElementsAttr::get(padType, fill));
  Shape full(t.getShape());
  full.back() = keys;
  return imp.create<ConcatOp>(imp.tensorType(full, t.getElementType()),
                              ValueRange{mask, pad},
                              imp.builder.getI64IntegerAttr(t.getRank() - 1));
}

LogicalResult importAttention(Imp &imp, const Node &node) {
  REQUIRE(q3, imp.requiredInput(node, 0));
  REQUIRE(k3, imp.requiredInput(node, 1));
  REQUIRE(v3, imp.requiredInput(node, 2));
  REQUIRE(qHeads, imp.attrInt(node, "q_num_heads", 0));
  REQUIRE(kvHeads, imp.attrInt(node, "kv_num_heads", 0));
  REQUIRE(isCausal, imp.attrInt(node, "is_causal", 0));
  REQUIRE(softmaxPrecision, imp.attrInt(node, "softmax_precision", 0));
  REQUIRE(softcap, imp.attrFloat(node, "softcap", 0.0f));
  // The sliding window is new in opset 25.
  for (StringRef name : {"left_window_size", "right_window_size"})
    if (imp.opset < 25 && imp.attr(node, name))
      return imp.error() << imp.nodeLabel << ": attribute '" << name
                         << "' needs opset >= 25 (the model's is "
                         << imp.opset << ")";
  REQUIRE(leftWindow, imp.attrInt(node, "left_window_size", -1));
  REQUIRE(rightWindow, imp.attrInt(node, "right_window_size", -1));
  if (leftWindow < -1 || rightWindow < -1)
    return imp.error() << imp.nodeLabel << ": left_window_size and "
                       << "right_window_size must be -1 (unbounded) or "
                       << "non-negative, got " << leftWindow << " and "
                       << rightWindow;
  if (node.output_size() > 3 && !node.output(3).empty())
    return imp.error() << "Attention qk_matmul_output is not supported";
  bool queryIs3D = Imp::typeOf(q3).getRank() == 3;
  REQUIRE(q, toHeads(imp, q3, qHeads, "query"));
  REQUIRE(k, toHeads(imp, k3, kvHeads, "key"));
  REQUIRE(v, toHeads(imp, v3, kvHeads, "value"));
  Value pastKey = imp.input(node, 4), pastValue = imp.input(node, 5);
  Value nonpad = imp.input(node, 6);
  if (bool(pastKey) != bool(pastValue))
    return imp.error() << "Attention needs both past_key and past_value or "
                          "neither";
  if (nonpad && pastKey)
    return imp.error() << imp.nodeLabel << ": nonpad_kv_seqlen (an external "
                       << "cache) cannot be used with past_key and "
                          "past_value";
  int64_t pastLength = 0;
  if (pastKey) {
    for (auto [past, cur, name] :
         {std::tuple{pastKey, &k, "key"}, std::tuple{pastValue, &v, "value"}}) {
      SmallVector<Shape> shapes{Shape(Imp::typeOf(past).getShape()),
                                Shape(Imp::typeOf(*cur).getShape())};
      ShapeResult shape = concatShape(shapes, 2);
      if (!shape.ok())
        return imp.error() << "past_" << name << ": " << shape.error;
      *cur = imp.create<ConcatOp>(
          imp.tensorType(shape.shape, Imp::typeOf(*cur).getElementType()),
          ValueRange{past, *cur}, imp.builder.getI64IntegerAttr(2));
    }
    pastLength = Imp::typeOf(pastKey).getDimSize(2);
  }
  auto qt = Imp::typeOf(q), kt = Imp::typeOf(k), vt = Imp::typeOf(v);
  if (qt.getDimSize(3) != kt.getDimSize(3) ||
      qt.getDimSize(1) % kt.getDimSize(1) != 0 ||
      vt.getDimSize(2) != kt.getDimSize(2))
    return imp.error() << "Attention shapes do not fit: query " << q.getType()
                       << ", key " << k.getType() << ", value " << v.getType();
  int64_t batch = qt.getDimSize(0), queries = qt.getDimSize(2),
          keys = kt.getDimSize(2);
  if (nonpad) {
    auto nt = Imp::typeOf(nonpad);
    if (!nt.getElementType().isInteger(64) || nt.getRank() != 1 ||
        nt.getDimSize(0) != batch)
      return imp.error() << imp.nodeLabel << ": nonpad_kv_seqlen must be "
                         << "int64 [" << batch << "] (one length per batch), "
                         << "got " << nonpad.getType();
  }
  // graph.attention's is_causal is ONNX's with an offset of L - S: that of
  // a cache whose new keys are as many as the queries. Any other causal
  // frontier, the sliding window and the padding of an external cache
  // become a boolean mask.
  bool causal = isCausal != 0;
  bool graphCausal = causal && !nonpad && pastLength == keys - queries;
  KeyWindow window{batch, queries, keys, pastLength, nonpad};
  window.causal = causal && !graphCausal;
  window.left = leftWindow;
  // Under is_causal a right window allows nothing more.
  window.right = causal ? -1 : rightWindow;
  REQUIRE(allowed, allowedKeys(imp, window));

  Value mask = imp.input(node, 3);
  Shape scores{batch, qt.getDimSize(1), queries, keys};
  if (mask && imp.opset >= 24) {
    auto mt = Imp::typeOf(mask);
    int64_t have = mt.getRank() ? mt.getShape().back() : 1;
    if (have > 1 && have < keys)
      mask = padMask(imp, mask, keys);
  }
  if (mask && !broadcastsTo(Imp::typeOf(mask).getShape(), scores))
    return imp.error() << "Attention mask " << mask.getType()
                       << " does not broadcast to the scores "
                       << formatShape(scores);
  if (mask && allowed) {
    Type maskElement = Imp::typeOf(mask).getElementType();
    if (maskElement.isInteger(1)) {
      REQUIRE(both, imp.broadcastBinary("And", mask, allowed));
      mask = both;
    } else {
      // An additive mask keeps its values where the window allows a key.
      Value negInf = imp.scalarLike(mask, -std::numeric_limits<double>::infinity());
      ShapeResult shape = broadcastShapes(Imp::typeOf(mask).getShape(),
                                          Imp::typeOf(allowed).getShape());
      if (!shape.ok())
        return imp.shapeError(shape);
      mask = imp.create<WhereOp>(imp.tensorType(shape.shape, maskElement),
                                 allowed, mask, negInf);
    }
  } else if (allowed) {
    mask = allowed;
  }
  if (softmaxPrecision != 0 && softmaxPrecision != onnx::TensorProto::FLOAT)
    return imp.error() << "Attention softmax_precision other than FLOAT is "
                          "not supported";
  REQUIRE(scale, imp.attrFloat(node, "scale",
                               1.0f / std::sqrt(float(qt.getDimSize(3)))));
  if (!std::isfinite(scale))
    return imp.error() << imp.nodeLabel << ": scale must be finite, got "
                       << scale;
  if (!std::isfinite(softcap) || softcap < 0)
    return imp.error() << imp.nodeLabel << ": softcap must be finite and "
                       << "non-negative (0 disables it), got " << softcap;
  Builder &b = imp.builder;
  Value y = imp.create<AttentionOp>(
      imp.tensorType({batch, qt.getDimSize(1), queries, vt.getDimSize(3)},
                     qt.getElementType()),
      q, k, v, mask, b.getF32FloatAttr(scale), b.getBoolAttr(graphCausal),
      b.getF32FloatAttr(softcap));
  imp.setOutput(node, 0, queryIs3D ? mergeHeads(imp, y) : y);
  imp.setOutput(node, 1, k);
  imp.setOutput(node, 2, v);
  return success();
}

LogicalResult importRotaryEmbedding(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(cosCache, imp.requiredInput(node, 1));
  REQUIRE(sinCache, imp.requiredInput(node, 2));
  REQUIRE(numHeads, imp.attrInt(node, "num_heads", 0));
  REQUIRE(rotaryDimAttr, imp.attrInt(node, "rotary_embedding_dim", 0));
  REQUIRE(interleaved, imp.attrInt(node, "interleaved", 0));
  bool is3D = Imp::typeOf(x).getRank() == 3;
  REQUIRE(x4, toHeads(imp, x, numHeads, "input"));
  auto xt = Imp::typeOf(x4);
  Value cos = cosCache, sin = sinCache;
  if (Value positions = imp.input(node, 3)) {
    // Caches are [max_position, rotary_dim / 2], indexed by position id.
    if (Imp::typeOf(cosCache).getRank() != 2 ||
        Imp::typeOf(positions).getRank() != 2)
      return imp.error() << "RotaryEmbedding with position_ids needs 2-D "
                            "caches and [batch, seq] positions";
    Type positionElement = Imp::typeOf(positions).getElementType();
    if (!positionElement.isInteger(64) && !positionElement.isInteger(32))
      return imp.error() << imp.nodeLabel << ": position_ids must be int64, "
                         << "got " << positionElement;
    // Position ids are rows of the caches, not Gather indices: no negative
    // ones. Those known now (a constant, a Range of any length) are checked.
    int64_t rows = Imp::typeOf(cosCache).getDimSize(0);
    if (std::optional<int64_t> bad =
            knownIndexOutOfRange(positions, rows, /*allowNegative=*/false))
      return imp.error() << imp.nodeLabel << ": position id " << *bad
                         << " is outside the " << rows
                         << "-row cos/sin cache (valid: 0 to " << rows - 1
                         << ")";
    for (Value *cache : {&cos, &sin}) {
      ShapeResult shape = gatherShape(Imp::typeOf(*cache).getShape(),
                                      Imp::typeOf(positions).getShape(), 0);
      if (!shape.ok())
        return imp.shapeError(shape);
      *cache = imp.create<GatherOp>(
          imp.tensorType(shape.shape, Imp::typeOf(*cache).getElementType()),
          *cache, positions, imp.builder.getI64IntegerAttr(0));
    }
  }
  auto ct = Imp::typeOf(cos);
  if (ct != Imp::typeOf(sin) || ct.getRank() != 3 ||
      ct.getDimSize(0) != xt.getDimSize(0) ||
      ct.getDimSize(1) != xt.getDimSize(2))
    return imp.error() << "RotaryEmbedding cos/sin " << ct
                       << " do not match the input " << xt
                       << " (expected [batch, seq, rotary_dim/2])";
  int64_t rotaryDim = rotaryDimAttr;
  if (rotaryDim == 0)
    rotaryDim = xt.getDimSize(3);
  if (rotaryDim != 2 * ct.getDimSize(2) || rotaryDim > xt.getDimSize(3))
    return imp.error() << "RotaryEmbedding rotary_embedding_dim " << rotaryDim
                       << " does not match caches of width "
                       << ct.getDimSize(2) << " and head size "
                       << xt.getDimSize(3);
  if (ct.getElementType() != xt.getElementType())
    return imp.error() << "RotaryEmbedding caches and input differ in type";
  Value y = imp.create<RotaryEmbeddingOp>(
      xt, x4, cos, sin, imp.builder.getBoolAttr(interleaved != 0));
  imp.setOutput(node, 0, is3D ? mergeHeads(imp, y) : y);
  return success();
}

} // namespace

const llvm::StringMap<OpImporterInfo> &wafer::onnx_import::opImporters() {
  static const llvm::StringMap<OpImporterInfo> table = [] {
    llvm::StringMap<OpImporterInfo> t;
    constexpr int any = Arity::kUnbounded;
    // The arities are the ONNX operator schemas' (onnx/defs), from the
    // opset in which each last changed; older opsets than 13 are refused.
    auto add = [&](StringRef name, int64_t since, OpImporterFn fn,
                   std::initializer_list<Arity> arities,
                   uint64_t compileTimeInputs = 0) {
      t[name] = {since, std::move(fn), SmallVector<Arity, 1>(arities),
                 compileTimeInputs};
    };
    // Masks of compile-time inputs (OpImporterInfo::compileTimeInputs).
    constexpr uint64_t in1 = 1 << 1, allInputs = ~uint64_t(0);
    auto io = [](int minIn, int maxIn, int minOut = 1, int maxOut = 1) {
      return Arity{1, minIn, maxIn, minOut, maxOut};
    };
    add("Identity", 1, importIdentity, {io(1, 1)});
    // training_mode and ratio are read at compile time when given.
    add("Dropout", 1, importDropout, {io(1, 3, 1, 2)});
    add("Constant", 1, importConstant, {io(0, 0)});
    add("ConstantOfShape", 9, importConstantOfShape, {io(1, 1)}, 1 << 0);
    add("Shape", 1, importShape, {io(1, 1)});
    add("Cast", 1, importCast, {io(1, 1)});
    for (StringRef name : {"Add", "Sub", "Mul", "Div", "Pow", "Equal", "Less",
                           "LessOrEqual", "Greater", "GreaterOrEqual", "And",
                           "Or"})
      add(name, 1, importBinary, {io(2, 2)});
    add("Max", 1, importBinary, {io(1, any)});
    add("Min", 1, importBinary, {io(1, any)});
    add("Neg", 1, importUnary<NegOp>, {io(1, 1)});
    add("Abs", 1, importUnary<AbsOp>, {io(1, 1)});
    add("Sqrt", 1, importUnary<SqrtOp>, {io(1, 1)});
    add("Reciprocal", 1, importUnary<ReciprocalOp>, {io(1, 1)});
    add("Exp", 1, importUnary<ExpOp>, {io(1, 1)});
    add("Log", 1, importUnary<LogOp>, {io(1, 1)});
    add("Erf", 1, importUnary<ErfOp>, {io(1, 1)});
    add("Tanh", 1, importUnary<TanhOp>, {io(1, 1)});
    add("Sigmoid", 1, importUnary<SigmoidOp>, {io(1, 1)});
    add("Cos", 1, importUnary<CosOp>, {io(1, 1)});
    add("Sin", 1, importUnary<SinOp>, {io(1, 1)});
    add("Relu", 1, importUnary<ReluOp>, {io(1, 1)});
    add("Not", 1, importUnary<NotOp>, {io(1, 1)});
    add("Gelu", 20, importGelu, {io(1, 1)});
    add("Clip", 11, importClip, {io(1, 3)});
    add("Where", 1, importWhere, {io(3, 3)});
    add("MatMul", 1, importMatMul, {io(2, 2)});
    add("Gemm", 1, importGemm, {io(2, 3)});
    add("Softmax", 13, importSoftmax, {io(1, 1)});
    add("LayerNormalization", 17, importLayerNorm, {io(2, 3, 1, 3)});
    add("RMSNormalization", 23, importRmsNorm, {io(2, 2)});
    add("ReduceSum", 13, importReduce<ReduceSumOp>, {io(1, 2)}, in1);
    // The other reductions take their axes as an input from opset 18.
    auto reduceArity = {io(1, 1), Arity{18, 1, 2}};
    add("ReduceMean", 1, importReduce<ReduceMeanOp>, reduceArity, in1);
    add("ReduceMax", 1, importReduce<ReduceMaxOp>, reduceArity, in1);
    add("ReduceMin", 1, importReduce<ReduceMinOp>, reduceArity, in1);
    add("ReduceProd", 1, importReduce<ReduceProdOp>, reduceArity, in1);
    add("Transpose", 1, importTranspose, {io(1, 1)});
    add("Reshape", 5, importReshape, {io(2, 2)}, in1);
    add("Flatten", 1, importFlatten, {io(1, 1)});
    add("Squeeze", 13, importSqueeze, {io(1, 2)}, in1);
    add("Unsqueeze", 13, importUnsqueeze, {io(2, 2)}, in1);
    // Empty Concat inputs are shape pieces that contribute nothing.
    add("Concat", 1, importConcat, {io(1, any)}, allInputs);
    add("Split", 13, importSplit, {io(1, 2, 1, any)}, in1);
    add("Slice", 10, importSlice, {io(3, 5)}, allInputs & ~uint64_t(1));
    add("Gather", 1, importGather, {io(2, 2)});
    add("Expand", 8, importExpand, {io(2, 2)}, in1);
    add("Range", 11, importRange, {io(3, 3)}, allInputs);
    add("Trilu", 14, importTrilu, {io(1, 2)}, in1);
    // Opset 24 adds the nonpad_kv_seqlen input.
    add("Attention", 23, importAttention,
        {Arity{23, 3, 6, 1, 4}, Arity{24, 3, 7, 1, 4}});
    add("RotaryEmbedding", 23, importRotaryEmbedding, {io(3, 4)});
    return t;
  }();
  return table;
}
