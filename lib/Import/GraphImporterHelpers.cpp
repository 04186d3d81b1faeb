//===- GraphImporterHelpers.cpp - building blocks of op importers ---------===//

#include "GraphImporter.h"

#include "wafer/Dialect/Graph/IR/KnownValues.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;

namespace wafer::onnx_import {

const Arity &OpImporterInfo::arityAt(int64_t opset) const {
  const Arity *found = &arities.front();
  for (const Arity &a : arities)
    if (a.sinceOpset <= opset)
      found = &a;
  return *found;
}

std::string nodeLabel(const onnx::NodeProto &node, NameLoc loc) {
  return node.op_type() + " node '" + loc.getName().str() + "'";
}

void GraphImporter::beginNode(const onnx::NodeProto &node, NameLoc nodeLoc) {
  loc = nodeLoc;
  nodeLabel = onnx_import::nodeLabel(node, nodeLoc);
  opFailed = false;
}

Value GraphImporter::input(const onnx::NodeProto &node, int i) const {
  if (i >= node.input_size() || node.input(i).empty())
    return {};
  return values.lookup(node.input(i));
}

FailureOr<Value> GraphImporter::requiredInput(const onnx::NodeProto &node,
                                              int i) {
  Value v = input(node, i);
  if (!v)
    return emitError(loc) << nodeLabel << ": input " << i
                          << " is required but "
                          << (i < node.input_size() ? "empty" : "not given");
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

/// The AttributeProto type as messages name it: "INT", "FLOATS".
static std::string attributeTypeName(int type) {
  if (onnx::AttributeProto::AttributeType_IsValid(type))
    return onnx::AttributeProto::AttributeType_Name(
        static_cast<onnx::AttributeProto::AttributeType>(type));
  return "type " + std::to_string(type);
}

FailureOr<const onnx::AttributeProto *>
GraphImporter::typedAttr(const onnx::NodeProto &node, StringRef name,
                         onnx::AttributeProto::AttributeType type) {
  const onnx::AttributeProto *a = attr(node, name);
  if (!a || a->type() == type)
    return a;
  std::string expected = attributeTypeName(type);
  bool vowel = StringRef("AEIOU").contains(expected.front());
  return emitError(loc) << nodeLabel << ": attribute '" << name
                        << "' must be " << (vowel ? "an " : "a ") << expected
                        << ", got " << attributeTypeName(a->type());
}

FailureOr<int64_t> GraphImporter::attrInt(const onnx::NodeProto &node,
                                          StringRef name, int64_t fallback) {
  auto a = typedAttr(node, name, onnx::AttributeProto::INT);
  if (failed(a))
    return failure();
  return *a ? (*a)->i() : fallback;
}

FailureOr<std::optional<int64_t>>
GraphImporter::attrOptionalInt(const onnx::NodeProto &node, StringRef name) {
  auto a = typedAttr(node, name, onnx::AttributeProto::INT);
  if (failed(a))
    return failure();
  return *a ? std::optional<int64_t>((*a)->i()) : std::nullopt;
}

FailureOr<float> GraphImporter::attrFloat(const onnx::NodeProto &node,
                                          StringRef name, float fallback) {
  auto a = typedAttr(node, name, onnx::AttributeProto::FLOAT);
  if (failed(a))
    return failure();
  return *a ? (*a)->f() : fallback;
}

FailureOr<std::string> GraphImporter::attrString(const onnx::NodeProto &node,
                                                 StringRef name,
                                                 StringRef fallback) {
  auto a = typedAttr(node, name, onnx::AttributeProto::STRING);
  if (failed(a))
    return failure();
  return *a ? (*a)->s() : fallback.str();
}

FailureOr<std::optional<SmallVector<int64_t>>>
GraphImporter::attrInts(const onnx::NodeProto &node, StringRef name) {
  auto a = typedAttr(node, name, onnx::AttributeProto::INTS);
  if (failed(a))
    return failure();
  if (!*a)
    return std::optional<SmallVector<int64_t>>();
  return std::optional<SmallVector<int64_t>>(
      SmallVector<int64_t>((*a)->ints().begin(), (*a)->ints().end()));
}

FailureOr<ElementsAttr> GraphImporter::attrTensor(const onnx::NodeProto &node,
                                                  StringRef name) {
  auto a = typedAttr(node, name, onnx::AttributeProto::TENSOR);
  if (failed(a))
    return failure();
  if (!*a)
    return ElementsAttr();
  return tensor((*a)->t(), node.output_size() ? node.output(0) : name);
}

FailureOr<SmallVector<int64_t>> GraphImporter::constantInts(Value v,
                                                            StringRef what) {
  DenseIntElementsAttr attr;
  if (!v || !matchPattern(v, m_Constant(&attr)))
    return notKnownAtCompileTime(
        v, "the " + what +
               " must be known at compile time, but it is computed from "
               "runtime values; bind every symbolic dimension with --dim so "
               "that shape arithmetic folds");
  // Shapes, axes and sizes are short; a huge splat here is no shape, and
  // listing its elements would take as long as it is big.
  if (attr.getNumElements() > graph::kMaxFoldElements)
    return emitError(loc) << "the " << what << " has "
                          << attr.getNumElements()
                          << " elements, more than the "
                          << graph::kMaxFoldElements
                          << " values read at compile time";
  SmallVector<int64_t> out;
  for (const APInt &i : attr.getValues<APInt>())
    out.push_back(i.getSExtValue());
  return out;
}

LogicalResult GraphImporter::notKnownAtCompileTime(Value v,
                                                   const Twine &message) {
  auto diag = emitError(loc) << message;
  if (Operation *stopped = v ? graph::foldStoppedAtSizeLimit(v) : nullptr)
    diag.attachNote(stopped->getLoc())
        << "constant folding stopped at this '"
        << stopped->getName().getStringRef() << "': its result "
        << stopped->getResult(0).getType() << " has more than "
        << graph::kMaxFoldElements
        << " elements, the most a fold materializes";
  return diag;
}

LogicalResult GraphImporter::checkTensorType(RankedTensorType type) {
  Type element = type.getElementType();
  std::string why = graph::tensorSizeError(
      type.getShape(),
      element.isIntOrFloat() ? element.getIntOrFloatBitWidth() : 64);
  if (!why.empty())
    return error() << nodeLabel << ": the result " << why;
  return success();
}

void GraphImporter::verifyAndFold(Operation *op,
                                  SmallVectorImpl<Value> &results) {
  results.clear();
  if (failed(mlir::verify(op, /*verifyRecursively=*/false))) {
    opFailed = true;
    results.append(op->result_begin(), op->result_end());
    return;
  }
  SmallVector<Value> folded;
  if (succeeded(builder.tryFold(op, folded)) && !folded.empty()) {
    op->erase();
    results.append(folded.begin(), folded.end());
    return;
  }
  results.append(op->result_begin(), op->result_end());
}

FailureOr<std::optional<SmallVector<int64_t>>>
GraphImporter::axesOf(const onnx::NodeProto &node, int inputIndex,
                      StringRef what) {
  auto fromAttrOrFailure = attrInts(node, "axes");
  if (failed(fromAttrOrFailure))
    return failure();
  if (auto fromAttr = *fromAttrOrFailure)
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
