//===- OnnxOps.cpp - one importer per supported ONNX op -------------------===//
//
// Each importer reads a node's inputs and attributes as the node's opset
// defines them, computes the static result types, and emits graph ops.
// Shape arithmetic folds as it is built (createOrFold), so later nodes can
// read shapes, axes and indices as constants.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>

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

LogicalResult forward(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  imp.setOutput(node, 0, x);
  if (node.output_size() > 1 && !node.output(1).empty())
    return imp.error() << node.op_type()
                       << " mask output is not supported in inference";
  return success();
}

LogicalResult importConstant(Imp &imp, const Node &node) {
  Builder &b = imp.builder;
  ElementsAttr value;
  if (const auto *a = imp.attr(node, "value")) {
    auto attr = imp.tensor(a->t(), node.output(0));
    if (failed(attr))
      return failure();
    value = *attr;
  } else if (const auto *a = imp.attr(node, "value_float")) {
    auto type = RankedTensorType::get({}, b.getF32Type());
    value = DenseElementsAttr::get(type, a->f());
  } else if (const auto *a = imp.attr(node, "value_floats")) {
    auto type = RankedTensorType::get({a->floats_size()}, b.getF32Type());
    value = DenseElementsAttr::get(
        type, ArrayRef<float>(a->floats().data(), a->floats_size()));
  } else if (const auto *a = imp.attr(node, "value_int")) {
    auto type = RankedTensorType::get({}, b.getI64Type());
    value = DenseElementsAttr::get(type, static_cast<int64_t>(a->i()));
  } else if (const auto *a = imp.attr(node, "value_ints")) {
    auto type = RankedTensorType::get({a->ints_size()}, b.getI64Type());
    value = DenseElementsAttr::get(
        type, ArrayRef<int64_t>(a->ints().data(), a->ints_size()));
  } else {
    return imp.error() << "Constant node has no supported value attribute "
                          "(value, value_float(s), value_int(s))";
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
  if (const auto *a = imp.attr(node, "value")) {
    auto attr = imp.tensor(a->t(), node.output(0));
    if (failed(attr))
      return failure();
    auto dense = dyn_cast<DenseElementsAttr>(*attr);
    if (!dense || dense.getNumElements() != 1)
      return imp.error() << "ConstantOfShape value must hold one element";
    element = dense.getElementType();
    fill = *dense.value_begin<Attribute>();
  } else {
    fill = imp.builder.getF32FloatAttr(0.0f);
  }
  auto type = RankedTensorType::get(shape, element);
  auto value = DenseElementsAttr::get(type, fill);
  imp.setOutput(node, 0, ConstantOp::create(imp.builder, imp.loc, type, value));
  return success();
}

LogicalResult importShape(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  int64_t rank = Imp::typeOf(x).getRank();
  int64_t start = imp.attrInt(node, "start", 0);
  const auto *endAttr = imp.attr(node, "end");
  auto clamp = [&](int64_t v) {
    return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
  };
  int64_t end = endAttr ? clamp(endAttr->i()) : rank;
  int64_t n = std::max<int64_t>(end - clamp(start), 0);
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<ShapeOp>(
                    RankedTensorType::get({n}, b.getI64Type()), x,
                    b.getI64IntegerAttr(start),
                    endAttr ? b.getI64IntegerAttr(endAttr->i()) : IntegerAttr()));
  return success();
}

LogicalResult importCast(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  int64_t to = imp.attrInt(node, "to", 0);
  Type element = elementTypeFor(to, imp.context);
  if (!element)
    return imp.error() << "Cast to " << onnxTypeName(to)
                       << " is not supported";
  imp.setOutput(node, 0,
                imp.create<CastOp>(
                    imp.tensorType(Imp::typeOf(x).getShape(), element), x));
  return success();
}

LogicalResult importBinary(Imp &imp, const Node &node) {
  // Max and Min are variadic; the rest take exactly two inputs.
  REQUIRE(acc, imp.requiredInput(node, 0));
  Value result = acc;
  if (node.input_size() < 2 && node.op_type() != "Max" &&
      node.op_type() != "Min")
    return imp.error() << node.op_type() << " needs two inputs";
  for (int i = 1; i < node.input_size(); ++i) {
    REQUIRE(rhs, imp.requiredInput(node, i));
    // Pow alone may mix types; its exponent converts to the base's type.
    Type base = Imp::typeOf(result).getElementType();
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
  std::string approximate = imp.attrString(node, "approximate", "none");
  if (approximate != "none" && approximate != "tanh")
    return imp.error() << "Gelu approximate must be 'none' or 'tanh', not '"
                       << approximate << "'";
  if (!isa<FloatType>(Imp::typeOf(x).getElementType()))
    return imp.error() << "Gelu needs a float tensor";
  imp.setOutput(node, 0,
                imp.create<GeluOp>(x.getType(), x,
                                   imp.builder.getStringAttr(approximate)));
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
  if (Imp::typeOf(a).getRank() != 2 || Imp::typeOf(b).getRank() != 2)
    return imp.error() << "Gemm operands must be 2-D";
  if (imp.attrInt(node, "transA", 0))
    a = imp.transpose(a, {1, 0});
  if (imp.attrInt(node, "transB", 0))
    b = imp.transpose(b, {1, 0});
  REQUIRE(product, matmul(imp, a, b));
  Value result = product;
  float alpha = imp.attrFloat(node, "alpha", 1.0f);
  float beta = imp.attrFloat(node, "beta", 1.0f);
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
  auto axis = normalizeAxis(imp.attrInt(node, "axis", -1),
                            Imp::typeOf(x).getRank());
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
  for (int i = 1; i < node.output_size(); ++i)
    if (!node.output(i).empty())
      return imp.error() << node.op_type()
                         << " mean/inverse-std outputs (training) are not "
                            "supported";
  return success();
}

LogicalResult importLayerNorm(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(scale, imp.requiredInput(node, 1));
  Value bias = imp.input(node, 2);
  auto axis = normalizeAxis(imp.attrInt(node, "axis", -1),
                            Imp::typeOf(x).getRank());
  if (failed(axis))
    return imp.error() << "LayerNormalization axis out of range";
  if (failed(checkNormParams(imp, node, x, *axis, {scale, bias})))
    return failure();
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<LayerNormOp>(
                    x.getType(), x, scale, bias, b.getI64IntegerAttr(*axis),
                    b.getF32FloatAttr(imp.attrFloat(node, "epsilon", 1e-5f))));
  return success();
}

LogicalResult importRmsNorm(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(scale, imp.requiredInput(node, 1));
  auto axis = normalizeAxis(imp.attrInt(node, "axis", -1),
                            Imp::typeOf(x).getRank());
  if (failed(axis))
    return imp.error() << "RMSNormalization axis out of range";
  if (failed(checkNormParams(imp, node, x, *axis, {scale})))
    return failure();
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<RmsNormOp>(
                    x.getType(), x, scale, b.getI64IntegerAttr(*axis),
                    b.getF32FloatAttr(imp.attrFloat(node, "epsilon", 1e-5f))));
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
  int64_t rank = Imp::typeOf(x).getRank();
  SmallVector<int64_t> axes;
  if (axesOpt && !axesOpt->empty()) {
    REQUIRE(normalized, normalizeAxes(imp, *axesOpt, rank, node.op_type()));
    axes = normalized;
  } else if (!imp.attrInt(node, "noop_with_empty_axes", 0)) {
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  bool keepdims = imp.attrInt(node, "keepdims", 1) != 0;
  ShapeResult shape = reduceShape(Imp::typeOf(x).getShape(), axes, keepdims);
  if (!shape.ok())
    return imp.shapeError(shape);
  Type element = Imp::typeOf(x).getElementType();
  if ((std::is_same_v<OpTy, ReduceMeanOp> && !isa<FloatType>(element)) ||
      element.isInteger(1))
    return imp.error() << node.op_type() << " on " << element
                       << " tensors is not supported";
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<OpTy>(
                    imp.tensorType(shape.shape,
                                   Imp::typeOf(x).getElementType()),
                    x, b.getDenseI64ArrayAttr(axes), b.getBoolAttr(keepdims)));
  return success();
}

LogicalResult importTranspose(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  int64_t rank = Imp::typeOf(x).getRank();
  SmallVector<int64_t> perm;
  if (auto p = imp.attrInts(node, "perm"))
    perm = *p;
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
  ArrayRef<int64_t> in = Imp::typeOf(x).getShape();
  bool allowZero = imp.attrInt(node, "allowzero", 0) != 0;
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
    known *= d;
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
  ArrayRef<int64_t> in = Imp::typeOf(x).getShape();
  int64_t rank = in.size();
  int64_t axis = imp.attrInt(node, "axis", 1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis > rank)
    return imp.error() << "Flatten axis out of range";
  int64_t outer = numElements(in.take_front(axis));
  return reshapeTo(imp, node, x, {outer, numElements(in) / std::max<int64_t>(outer, 1)});
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
  SmallVector<Value> inputs;
  SmallVector<Shape> shapes;
  for (int i = 0; i < node.input_size(); ++i) {
    REQUIRE(v, imp.requiredInput(node, i));
    // Empty tensors contribute nothing (exporters concat [] shapes).
    if (Imp::typeOf(v).getNumElements() == 0 && node.input_size() > 1)
      continue;
    inputs.push_back(v);
    shapes.emplace_back(Imp::typeOf(v).getShape());
  }
  if (inputs.empty()) {
    // All empty: they still add up along the axis ([2, 0] ++ [2, 0] along
    // axis 0 is [4, 0]), so keep every one.
    for (int i = 0; i < node.input_size(); ++i) {
      REQUIRE(v, imp.requiredInput(node, i));
      inputs.push_back(v);
      shapes.emplace_back(Imp::typeOf(v).getShape());
    }
  }
  Type element = Imp::typeOf(inputs.front()).getElementType();
  for (Value v : inputs)
    if (Imp::typeOf(v).getElementType() != element)
      return imp.error() << "Concat inputs differ in element type";
  auto axis = normalizeAxis(imp.attrInt(node, "axis", 0), shapes.front().size());
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
  auto axis = normalizeAxis(imp.attrInt(node, "axis", 0), type.getRank());
  if (failed(axis))
    return imp.error() << "Split axis out of range";
  int64_t dim = type.getDimSize(*axis);
  SmallVector<int64_t> sizes;
  if (auto fromAttr = imp.attrInts(node, "split")) {
    sizes = *fromAttr;
  } else if (Value splitValue = imp.input(node, 1)) {
    REQUIRE(fromInput, imp.constantInts(splitValue, "split sizes of Split"));
    sizes = fromInput;
  } else {
    int64_t n = imp.attrInt(node, "num_outputs", node.output_size());
    if (n <= 0)
      return imp.error() << "Split into " << n << " pieces";
    int64_t chunk = (dim + n - 1) / n;
    for (int64_t i = 0; i < n; ++i)
      sizes.push_back(std::max<int64_t>(std::min(chunk, dim - i * chunk), 0));
  }
  int64_t total = 0;
  for (int64_t s : sizes) {
    if (s < 0)
      return imp.error() << "Split sizes " << formatShape(sizes)
                         << " include a negative size";
    total += s;
  }
  if (total != dim || static_cast<int>(sizes.size()) != node.output_size())
    return imp.error() << "Split sizes " << formatShape(sizes)
                       << " do not cover dimension " << *axis << " of size "
                       << dim << " in " << node.output_size() << " outputs";
  SmallVector<Type> types;
  for (int64_t s : sizes) {
    Shape piece(type.getShape());
    piece[*axis] = s;
    types.push_back(imp.tensorType(piece, type.getElementType()));
  }
  SmallVector<Value> results;
  imp.builder.createOrFold<SplitOp>(results, imp.loc, types, x,
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
  SmallVector<int64_t> fullStarts(rank, 0), fullSteps(rank, 1);
  Shape shape(in);
  SmallVector<bool> seen(rank, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    auto axis = normalizeAxis(axes[i], rank);
    if (failed(axis) || seen[*axis])
      return imp.error() << "Slice axis " << axes[i]
                         << " is out of range or repeated";
    seen[*axis] = true;
    if (steps[i] == 0)
      return imp.error() << "Slice step is zero";
    int64_t start = starts[i], end = ends[i];
    clampSliceBounds(in[*axis], steps[i], start, end);
    fullStarts[*axis] = start;
    fullSteps[*axis] = steps[i];
    shape[*axis] = sliceLength(start, end, steps[i]);
  }
  Builder &b = imp.builder;
  imp.setOutput(node, 0,
                imp.create<SliceOp>(
                    imp.tensorType(shape, Imp::typeOf(x).getElementType()), x,
                    b.getDenseI64ArrayAttr(fullStarts),
                    b.getDenseI64ArrayAttr(fullSteps)));
  return success();
}

LogicalResult importGather(Imp &imp, const Node &node) {
  REQUIRE(data, imp.requiredInput(node, 0));
  REQUIRE(indices, imp.requiredInput(node, 1));
  auto axis = normalizeAxis(imp.attrInt(node, "axis", 0),
                            Imp::typeOf(data).getRank());
  if (failed(axis))
    return imp.error() << "Gather axis out of range for " << data.getType();
  Type indexElement = Imp::typeOf(indices).getElementType();
  if (!indexElement.isInteger(64) && !indexElement.isInteger(32))
    return imp.error() << "Gather indices must be int64 or int32";
  // Constant indices are checked now: past the end is a model error.
  DenseIntElementsAttr constIndices;
  if (matchPattern(indices, m_Constant(&constIndices))) {
    int64_t dim = Imp::typeOf(data).getDimSize(*axis);
    for (const APInt &i : constIndices.getValues<APInt>())
      if (i.getSExtValue() < -dim || i.getSExtValue() >= dim)
        return imp.error() << "Gather index " << i.getSExtValue()
                           << " out of range for dimension " << *axis
                           << " of size " << dim;
  }
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

LogicalResult importRange(Imp &imp, const Node &node) {
  SmallVector<Attribute> scalars;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(v, imp.requiredInput(node, i));
    DenseElementsAttr attr;
    if (!matchPattern(v, m_Constant(&attr)) || attr.getNumElements() != 1)
      return imp.error() << "Range start, limit and delta must be scalars "
                            "known at compile time; bind every symbolic "
                            "dimension with --dim";
    scalars.push_back(*attr.value_begin<Attribute>());
  }
  Type element = cast<TypedAttr>(scalars[0]).getType();
  int64_t count;
  if (auto start = dyn_cast<IntegerAttr>(scalars[0])) {
    int64_t s = start.getInt(), l = cast<IntegerAttr>(scalars[1]).getInt(),
            d = cast<IntegerAttr>(scalars[2]).getInt();
    if (d == 0)
      return imp.error() << "Range delta is zero";
    count = std::max<int64_t>((l - s + d + (d > 0 ? -1 : 1)) / d, 0);
  } else {
    double s = cast<FloatAttr>(scalars[0]).getValueAsDouble(),
           l = cast<FloatAttr>(scalars[1]).getValueAsDouble(),
           d = cast<FloatAttr>(scalars[2]).getValueAsDouble();
    if (d == 0)
      return imp.error() << "Range delta is zero";
    count = std::max<int64_t>(static_cast<int64_t>(std::ceil((l - s) / d)), 0);
  }
  imp.setOutput(node, 0,
                imp.create<RangeOp>(imp.tensorType({count}, element),
                                    cast<TypedAttr>(scalars[0]),
                                    cast<TypedAttr>(scalars[2])));
  return success();
}

LogicalResult importTrilu(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
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
                                    b.getBoolAttr(imp.attrInt(node, "upper",
                                                              1) != 0)));
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

LogicalResult importAttention(Imp &imp, const Node &node) {
  REQUIRE(q3, imp.requiredInput(node, 0));
  REQUIRE(k3, imp.requiredInput(node, 1));
  REQUIRE(v3, imp.requiredInput(node, 2));
  if (node.output_size() > 3 && !node.output(3).empty())
    return imp.error() << "Attention qk_matmul_output is not supported";
  if (imp.input(node, 6))
    return imp.error() << "Attention nonpad_kv_seqlen is not supported";
  bool queryIs3D = Imp::typeOf(q3).getRank() == 3;
  REQUIRE(q, toHeads(imp, q3, imp.attrInt(node, "q_num_heads", 0), "query"));
  REQUIRE(k, toHeads(imp, k3, imp.attrInt(node, "kv_num_heads", 0), "key"));
  REQUIRE(v, toHeads(imp, v3, imp.attrInt(node, "kv_num_heads", 0), "value"));
  Value pastKey = imp.input(node, 4), pastValue = imp.input(node, 5);
  if (bool(pastKey) != bool(pastValue))
    return imp.error() << "Attention needs both past_key and past_value or "
                          "neither";
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
  }
  auto qt = Imp::typeOf(q), kt = Imp::typeOf(k), vt = Imp::typeOf(v);
  if (qt.getDimSize(3) != kt.getDimSize(3) || kt.getDimSize(1) == 0 ||
      qt.getDimSize(1) % kt.getDimSize(1) != 0 ||
      vt.getDimSize(2) != kt.getDimSize(2))
    return imp.error() << "Attention shapes do not fit: query " << q.getType()
                       << ", key " << k.getType() << ", value " << v.getType();
  bool causal = imp.attrInt(node, "is_causal", 0) != 0;
  if (causal && qt.getDimSize(2) != kt.getDimSize(2))
    return imp.error()
           << "Attention with is_causal and a query length ("
           << qt.getDimSize(2) << ") different from the key length ("
           << kt.getDimSize(2)
           << ") is not supported: pass an explicit attn_mask instead";
  Value mask = imp.input(node, 3);
  Shape scores{qt.getDimSize(0), qt.getDimSize(1), qt.getDimSize(2),
               kt.getDimSize(2)};
  if (mask && !broadcastsTo(Imp::typeOf(mask).getShape(), scores))
    return imp.error() << "Attention mask " << mask.getType()
                       << " does not broadcast to the scores "
                       << formatShape(scores);
  if (imp.attrInt(node, "softmax_precision", 0) != 0 &&
      imp.attrInt(node, "softmax_precision", 0) != onnx::TensorProto::FLOAT)
    return imp.error() << "Attention softmax_precision other than FLOAT is "
                          "not supported";
  float scale = imp.attrFloat(node, "scale",
                              1.0f / std::sqrt(float(qt.getDimSize(3))));
  Builder &b = imp.builder;
  Value y = imp.create<AttentionOp>(
      imp.tensorType({qt.getDimSize(0), qt.getDimSize(1), qt.getDimSize(2),
                      vt.getDimSize(3)},
                     qt.getElementType()),
      q, k, v, mask, b.getF32FloatAttr(scale), b.getBoolAttr(causal),
      b.getF32FloatAttr(imp.attrFloat(node, "softcap", 0.0f)));
  imp.setOutput(node, 0, queryIs3D ? mergeHeads(imp, y) : y);
  imp.setOutput(node, 1, k);
  imp.setOutput(node, 2, v);
  return success();
}

LogicalResult importRotaryEmbedding(Imp &imp, const Node &node) {
  REQUIRE(x, imp.requiredInput(node, 0));
  REQUIRE(cosCache, imp.requiredInput(node, 1));
  REQUIRE(sinCache, imp.requiredInput(node, 2));
  bool is3D = Imp::typeOf(x).getRank() == 3;
  REQUIRE(x4, toHeads(imp, x, imp.attrInt(node, "num_heads", 0), "input"));
  auto xt = Imp::typeOf(x4);
  Value cos = cosCache, sin = sinCache;
  if (Value positions = imp.input(node, 3)) {
    // Caches are [max_position, rotary_dim / 2], indexed by position id.
    if (Imp::typeOf(cosCache).getRank() != 2 ||
        Imp::typeOf(positions).getRank() != 2)
      return imp.error() << "RotaryEmbedding with position_ids needs 2-D "
                            "caches and [batch, seq] positions";
    for (Value *cache : {&cos, &sin}) {
      ShapeResult shape = gatherShape(Imp::typeOf(*cache).getShape(),
                                      Imp::typeOf(positions).getShape(), 0);
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
  int64_t rotaryDim = imp.attrInt(node, "rotary_embedding_dim", 0);
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
      xt, x4, cos, sin,
      imp.builder.getBoolAttr(imp.attrInt(node, "interleaved", 0) != 0));
  imp.setOutput(node, 0, is3D ? mergeHeads(imp, y) : y);
  return success();
}

} // namespace

const llvm::StringMap<OpImporterInfo> &wafer::onnx_import::opImporters() {
  static const llvm::StringMap<OpImporterInfo> table = [] {
    llvm::StringMap<OpImporterInfo> t;
    auto add = [&](StringRef name, int64_t since, OpImporterFn fn) {
      t[name] = {since, std::move(fn)};
    };
    add("Identity", 1, forward);
    add("Dropout", 1, forward);
    add("Constant", 1, importConstant);
    add("ConstantOfShape", 9, importConstantOfShape);
    add("Shape", 1, importShape);
    add("Cast", 1, importCast);
    for (StringRef name : {"Add", "Sub", "Mul", "Div", "Pow", "Max", "Min",
                           "Equal", "Less", "LessOrEqual", "Greater",
                           "GreaterOrEqual", "And", "Or"})
      add(name, 1, importBinary);
    add("Neg", 1, importUnary<NegOp>);
    add("Abs", 1, importUnary<AbsOp>);
    add("Sqrt", 1, importUnary<SqrtOp>);
    add("Reciprocal", 1, importUnary<ReciprocalOp>);
    add("Exp", 1, importUnary<ExpOp>);
    add("Log", 1, importUnary<LogOp>);
    add("Erf", 1, importUnary<ErfOp>);
    add("Tanh", 1, importUnary<TanhOp>);
    add("Sigmoid", 1, importUnary<SigmoidOp>);
    add("Cos", 1, importUnary<CosOp>);
    add("Sin", 1, importUnary<SinOp>);
    add("Relu", 1, importUnary<ReluOp>);
    add("Not", 1, importUnary<NotOp>);
    add("Gelu", 20, importGelu);
    add("Clip", 11, importClip);
    add("Where", 1, importWhere);
    add("MatMul", 1, importMatMul);
    add("Gemm", 1, importGemm);
    add("Softmax", 13, importSoftmax);
    add("LayerNormalization", 17, importLayerNorm);
    add("RMSNormalization", 23, importRmsNorm);
    add("ReduceSum", 13, importReduce<ReduceSumOp>);
    add("ReduceMean", 1, importReduce<ReduceMeanOp>);
    add("ReduceMax", 1, importReduce<ReduceMaxOp>);
    add("ReduceMin", 1, importReduce<ReduceMinOp>);
    add("ReduceProd", 1, importReduce<ReduceProdOp>);
    add("Transpose", 1, importTranspose);
    add("Reshape", 5, importReshape);
    add("Flatten", 1, importFlatten);
    add("Squeeze", 13, importSqueeze);
    add("Unsqueeze", 13, importUnsqueeze);
    add("Concat", 1, importConcat);
    add("Split", 13, importSplit);
    add("Slice", 10, importSlice);
    add("Gather", 1, importGather);
    add("Expand", 8, importExpand);
    add("Range", 11, importRange);
    add("Trilu", 14, importTrilu);
    add("Attention", 23, importAttention);
    add("RotaryEmbedding", 23, importRotaryEmbedding);
    return t;
  }();
  return table;
}
