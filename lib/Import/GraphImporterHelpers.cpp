//===- GraphImporterHelpers.cpp - building blocks of op importers ---------===//

#include "GraphImporter.h"

#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace wafer::onnx_import {

Value GraphImporter::input(const onnx::NodeProto &node, int i) const {
  if (i >= node.input_size() || node.input(i).empty())
    return {};
  return values.lookup(node.input(i));
}

FailureOr<Value> GraphImporter::requiredInput(const onnx::NodeProto &node,
                                              int i) {
  if (i >= node.input_size() || node.input(i).empty())
    return emitError(loc) << node.op_type() << " node is missing input " << i;
  Value v = values.lookup(node.input(i));
  if (!v)
    return emitError(loc) << "input '" << node.input(i)
                          << "' is not defined before its use (the graph is "
                             "not topologically sorted, or the name is wrong)";
  return v;
}

void GraphImporter::setOutput(const onnx::NodeProto &node, int i, Value v) {
  if (i < node.output_size() && !node.output(i).empty())
    values[node.output(i)] = v;
}

const onnx::AttributeProto *GraphImporter::attr(const onnx::NodeProto &node,
                                                StringRef name) const {
  for (const auto &a : node.attribute())
    if (a.name() == name)
      return &a;
  return nullptr;
}

int64_t GraphImporter::attrInt(const onnx::NodeProto &node, StringRef name,
                               int64_t fallback) const {
  const auto *a = attr(node, name);
  return a ? a->i() : fallback;
}

float GraphImporter::attrFloat(const onnx::NodeProto &node, StringRef name,
                               float fallback) const {
  const auto *a = attr(node, name);
  return a ? a->f() : fallback;
}

std::string GraphImporter::attrString(const onnx::NodeProto &node,
                                      StringRef name,
                                      StringRef fallback) const {
  const auto *a = attr(node, name);
  return a ? a->s() : fallback.str();
}

std::optional<SmallVector<int64_t>>
GraphImporter::attrInts(const onnx::NodeProto &node, StringRef name) const {
  const auto *a = attr(node, name);
  if (!a)
    return std::nullopt;
  return SmallVector<int64_t>(a->ints().begin(), a->ints().end());
}

FailureOr<SmallVector<int64_t>> GraphImporter::constantInts(Value v,
                                                            StringRef what) {
  DenseIntElementsAttr attr;
  if (!v || !matchPattern(v, m_Constant(&attr)))
    return emitError(loc)
           << "the " << what
           << " must be known at compile time, but it is computed from "
              "runtime values; bind every symbolic dimension with --dim so "
              "that shape arithmetic folds";
  SmallVector<int64_t> out;
  for (const APInt &i : attr.getValues<APInt>())
    out.push_back(i.getSExtValue());
  return out;
}

FailureOr<std::optional<SmallVector<int64_t>>>
GraphImporter::axesOf(const onnx::NodeProto &node, int inputIndex,
                      StringRef what) {
  if (auto fromAttr = attrInts(node, "axes"))
    return std::optional<SmallVector<int64_t>>(*fromAttr);
  Value axes = input(node, inputIndex);
  if (!axes)
    return std::optional<SmallVector<int64_t>>();
  auto ints = constantInts(axes, what);
  if (failed(ints))
    return failure();
  return std::optional<SmallVector<int64_t>>(*ints);
}

Value GraphImporter::constantInts(ArrayRef<int64_t> ints,
                                  ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get(shape, builder.getI64Type());
  return graph::ConstantOp::create(builder, loc, type,
                                   DenseIntElementsAttr::get(type, ints));
}

Value GraphImporter::scalarLike(Value like, double value) {
  Type element = typeOf(like).getElementType();
  auto type = RankedTensorType::get({}, element);
  Attribute scalar;
  if (auto f = dyn_cast<FloatType>(element))
    scalar = builder.getFloatAttr(f, value);
  else
    scalar = builder.getIntegerAttr(element, static_cast<int64_t>(value));
  return graph::ConstantOp::create(builder, loc, type,
                                   DenseElementsAttr::get(type, scalar));
}

Value GraphImporter::reshape(Value v, ArrayRef<int64_t> shape) {
  return create<graph::ReshapeOp>(
      tensorType(shape, typeOf(v).getElementType()), v);
}

Value GraphImporter::transpose(Value v, ArrayRef<int64_t> perm) {
  graph::ShapeResult r = graph::transposeShape(typeOf(v).getShape(), perm);
  return create<graph::TransposeOp>(
      tensorType(r.shape, typeOf(v).getElementType()), v,
      builder.getDenseI64ArrayAttr(perm));
}

FailureOr<Value> GraphImporter::broadcastBinary(StringRef opType, Value lhs,
                                                Value rhs) {
  Type lhsElement = typeOf(lhs).getElementType();
  Type rhsElement = typeOf(rhs).getElementType();
  if (lhsElement != rhsElement)
    return emitError(loc) << opType << " operands have different element "
                          << "types " << lhsElement << " and " << rhsElement;
  bool logical = opType == "And" || opType == "Or";
  bool isBool = lhsElement.isInteger(1);
  if ((logical && !isBool) || (!logical && isBool && opType != "Equal") ||
      (opType == "Pow" && !isa<FloatType>(lhsElement)))
    return emitError(loc) << opType << " on " << lhsElement
                          << " tensors is not supported";
  graph::ShapeResult shape =
      graph::broadcastShapes(typeOf(lhs).getShape(), typeOf(rhs).getShape());
  if (!shape.ok())
    return emitError(loc) << opType << ": " << shape.error;
  bool predicate = opType == "Equal" ||
                   opType == "Less" || opType == "LessOrEqual" ||
                   opType == "Greater" || opType == "GreaterOrEqual";
  Type element = predicate ? builder.getI1Type() : lhsElement;
  auto type = tensorType(shape.shape, element);
#define WAFER_BINARY(NAME, OP)                                                 \
  if (opType == NAME)                                                          \
    return create<graph::OP>(type, lhs, rhs);
  WAFER_BINARY("Add", AddOp)
  WAFER_BINARY("Sub", SubOp)
  WAFER_BINARY("Mul", MulOp)
  WAFER_BINARY("Div", DivOp)
  WAFER_BINARY("Pow", PowOp)
  WAFER_BINARY("Max", MaxOp)
  WAFER_BINARY("Min", MinOp)
  WAFER_BINARY("Equal", EqualOp)
  WAFER_BINARY("Less", LessOp)
  WAFER_BINARY("LessOrEqual", LessEqualOp)
  WAFER_BINARY("Greater", GreaterOp)
  WAFER_BINARY("GreaterOrEqual", GreaterEqualOp)
  WAFER_BINARY("And", AndOp)
  WAFER_BINARY("Or", OrOp)
#undef WAFER_BINARY
  return emitError(loc) << "internal error: no binary op for " << opType;
}

} // namespace wafer::onnx_import
