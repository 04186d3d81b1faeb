//===- GraphOps.cpp - graph op verifiers ----------------------------------===//
//
// Verifiers check every result type against the shape rules in
// ShapeInference, so that IR written by hand obeys the same physics as IR
// produced by the importer. Folders live in GraphFolds.cpp.
//
//===----------------------------------------------------------------------===//

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/Graph/IR/KnownValues.h"
#include "wafer/Dialect/Graph/IR/ShapeInference.h"
#include "wafer/Support/ElementCount.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

#include <cmath>

using namespace mlir;
using namespace wafer;
using namespace wafer::graph;

LogicalResult wafer::graph::traits::impl::verifyValidTensors(Operation *op) {
  auto check = [&](Type type, StringRef kind, unsigned index) -> LogicalResult {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || !tensor.hasStaticShape())
      return op->emitOpError()
             << kind << " #" << index
             << " must be a statically shaped ranked tensor, got " << type;
    Type element = tensor.getElementType();
    int64_t bits = element.isIntOrFloat() ? element.getIntOrFloatBitWidth() : 64;
    std::string why = tensorSizeError(tensor.getShape(), bits);
    if (!why.empty())
      return op->emitOpError() << kind << " #" << index << " (" << type
                               << "): " << why;
    return success();
  };
  for (auto [i, type] : llvm::enumerate(op->getOperandTypes()))
    if (failed(check(type, "operand", i)))
      return failure();
  for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
    if (failed(check(type, "result", i)))
      return failure();
  return success();
}

static ArrayRef<int64_t> shapeOf(Value v) {
  return cast<ShapedType>(v.getType()).getShape();
}
static Type elementOf(Value v) {
  return cast<ShapedType>(v.getType()).getElementType();
}

/// Fails with the inference reason, or when the declared result differs.
static LogicalResult checkInferred(Operation *op, const ShapeResult &inferred,
                                   Value result) {
  if (!inferred.ok())
    return op->emitOpError() << inferred.error;
  if (shapeOf(result) != ArrayRef<int64_t>(inferred.shape))
    return op->emitOpError() << "result shape " << formatShape(shapeOf(result))
                             << " does not match the inferred shape "
                             << formatShape(inferred.shape);
  return success();
}

static LogicalResult verifyBroadcastBinary(Operation *op) {
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  if (elementOf(lhs) != elementOf(rhs))
    return op->emitOpError() << "operands have different element types "
                             << elementOf(lhs) << " and " << elementOf(rhs);
  Type resultElement = elementOf(op->getResult(0));
  if (!resultElement.isInteger(1) && resultElement != elementOf(lhs))
    return op->emitOpError() << "result element type " << resultElement
                             << " differs from the operands' "
                             << elementOf(lhs);
  return checkInferred(op, broadcastShapes(shapeOf(lhs), shapeOf(rhs)),
                       op->getResult(0));
}

#define WAFER_BINARY_VERIFIER(OP)                                              \
  LogicalResult OP::verify() { return verifyBroadcastBinary(*this); }
WAFER_BINARY_VERIFIER(AddOp)
WAFER_BINARY_VERIFIER(SubOp)
WAFER_BINARY_VERIFIER(MulOp)
WAFER_BINARY_VERIFIER(DivOp)
WAFER_BINARY_VERIFIER(PowOp)
WAFER_BINARY_VERIFIER(MaxOp)
WAFER_BINARY_VERIFIER(MinOp)
WAFER_BINARY_VERIFIER(EqualOp)
WAFER_BINARY_VERIFIER(LessOp)
WAFER_BINARY_VERIFIER(LessEqualOp)
WAFER_BINARY_VERIFIER(GreaterOp)
WAFER_BINARY_VERIFIER(GreaterEqualOp)
WAFER_BINARY_VERIFIER(AndOp)
WAFER_BINARY_VERIFIER(OrOp)
#undef WAFER_BINARY_VERIFIER

LogicalResult ShapeOp::verify() {
  int64_t rank = shapeOf(getInput()).size();
  auto clamp = [&](int64_t v) {
    v = v < 0 ? v + rank : v;
    return std::clamp<int64_t>(v, 0, rank);
  };
  int64_t start = clamp(getStart());
  int64_t end = getEnd() ? clamp(*getEnd()) : rank;
  int64_t expected = std::max<int64_t>(end - start, 0);
  if (expected == 0)
    return emitOpError() << "start " << int64_t(getStart()) << " and end "
                         << (getEnd() ? std::to_string(int64_t(*getEnd()))
                                      : "(none)")
                         << " select no dimension of a rank-" << rank
                         << " input, and empty tensors are not supported";
  if (shapeOf(getOutput()) != ArrayRef<int64_t>{expected})
    return emitOpError() << "result must be tensor<" << expected << "xi64>";
  return success();
}

LogicalResult RangeOp::verify() {
  auto type = cast<ShapedType>(getOutput().getType());
  if (type.getRank() != 1)
    return emitOpError() << "result must be 1-D";
  if (getStart().getType() != type.getElementType() ||
      getDelta().getType() != type.getElementType())
    return emitOpError() << "start and delta must be of the element type "
                         << type.getElementType();
  // Integer ranges must not wrap: their last element is start + (n-1) delta.
  auto start = dyn_cast<IntegerAttr>(getStart());
  auto delta = dyn_cast<IntegerAttr>(getDelta());
  if (!start || !delta)
    return success();
  int64_t n = type.getShape()[0];
  std::optional<int64_t> span = checkedMul(n - 1, delta.getInt());
  std::optional<int64_t> last =
      span ? checkedAdd(start.getInt(), *span) : std::nullopt;
  unsigned width = type.getElementTypeBitWidth();
  int64_t lo = width >= 64 ? INT64_MIN : -(int64_t(1) << (width - 1));
  int64_t hi = width >= 64 ? INT64_MAX : (int64_t(1) << (width - 1)) - 1;
  if (!last || *last < lo || *last > hi)
    return emitOpError() << n << " elements from " << start.getInt() << " by "
                         << delta.getInt() << " overflow "
                         << type.getElementType();
  return success();
}

LogicalResult ReshapeOp::verify() {
  if (elementOf(getInput()) != elementOf(getOutput()))
    return emitOpError() << "changes the element type";
  if (numElements(shapeOf(getInput())) != numElements(shapeOf(getOutput())))
    return emitOpError() << "cannot reshape " << formatShape(shapeOf(getInput()))
                         << " (" << numElements(shapeOf(getInput()))
                         << " elements) into "
                         << formatShape(shapeOf(getOutput())) << " ("
                         << numElements(shapeOf(getOutput())) << " elements)";
  return success();
}

LogicalResult TransposeOp::verify() {
  if (elementOf(getInput()) != elementOf(getOutput()))
    return emitOpError() << "changes the element type";
  return checkInferred(*this, transposeShape(shapeOf(getInput()), getPerm()),
                       getOutput());
}

LogicalResult ExpandOp::verify() {
  if (elementOf(getInput()) != elementOf(getOutput()))
    return emitOpError() << "changes the element type";
  if (!broadcastsTo(shapeOf(getInput()), shapeOf(getOutput())))
    return emitOpError() << formatShape(shapeOf(getInput()))
                         << " does not broadcast to "
                         << formatShape(shapeOf(getOutput()));
  return success();
}

LogicalResult ConcatOp::verify() {
  if (getInputs().empty())
    return emitOpError() << "needs at least one operand";
  SmallVector<Shape> shapes;
  for (Value v : getInputs()) {
    if (elementOf(v) != elementOf(getOutput()))
      return emitOpError() << "operand element type " << elementOf(v)
                           << " differs from the result's";
    shapes.emplace_back(shapeOf(v));
  }
  return checkInferred(*this, concatShape(shapes, getAxis()), getOutput());
}

LogicalResult CacheAppendOp::verify() {
  ArrayRef<int64_t> update = shapeOf(getUpdate()), cache = shapeOf(getOutput());
  int64_t axis = getAxis();
  if (elementOf(getUpdate()) != elementOf(getOutput()))
    return emitOpError() << "update element type " << elementOf(getUpdate())
                         << " differs from the cache's";
  if (update.size() != cache.size())
    return emitOpError() << "update of rank " << update.size()
                         << " for a cache of rank " << cache.size();
  if (axis < 0 || axis >= static_cast<int64_t>(cache.size()))
    return emitOpError() << "axis " << axis << " out of range for rank "
                         << cache.size();
  for (size_t d = 0; d < cache.size(); ++d) {
    if (static_cast<int64_t>(d) == axis ? update[d] > cache[d]
                                         : update[d] != cache[d])
      return emitOpError() << "update " << formatShape(update)
                           << " does not fit the cache "
                           << formatShape(cache) << " along axis " << axis;
  }
  if (getCache().empty())
    return emitOpError() << "needs a cache name";
  return success();
}

LogicalResult SplitOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  int64_t axis = getAxis();
  if (axis < 0 || axis >= static_cast<int64_t>(in.size()))
    return emitOpError() << "axis " << axis << " out of range for rank "
                         << in.size();
  int64_t total = 0;
  for (Value out : getOutputs()) {
    ArrayRef<int64_t> s = shapeOf(out);
    if (s.size() != in.size() || elementOf(out) != elementOf(getInput()))
      return emitOpError() << "piece " << formatShape(s)
                           << " does not match the input's rank and type";
    for (size_t d = 0; d < s.size(); ++d)
      if (static_cast<int64_t>(d) != axis && s[d] != in[d])
        return emitOpError() << "piece " << formatShape(s)
                             << " differs from the input outside the axis";
    // Pieces are non-empty (traits::ValidTensors), but their sum may
    // overflow in IR written by hand.
    std::optional<int64_t> sum = checkedAdd(total, s[axis]);
    if (!sum)
      return emitOpError() << "pieces cover more than 2^63 - 1 elements along "
                           << "axis " << axis;
    total = *sum;
  }
  if (total != in[axis])
    return emitOpError() << "pieces cover " << total << " of " << in[axis]
                         << " elements along axis " << axis;
  return success();
}

LogicalResult SliceOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput()), out = shapeOf(getOutput());
  if (getStarts().size() != in.size() || getSteps().size() != in.size() ||
      out.size() != in.size())
    return emitOpError() << "needs one start and step per dimension";
  if (elementOf(getInput()) != elementOf(getOutput()))
    return emitOpError() << "changes the element type";
  for (size_t d = 0; d < in.size(); ++d) {
    int64_t start = getStarts()[d], step = getSteps()[d];
    if (step == 0)
      return emitOpError() << "step of dimension " << d << " is zero";
    std::optional<int64_t> span = checkedMul(out[d] - 1, step);
    std::optional<int64_t> last = span ? checkedAdd(start, *span) : std::nullopt;
    if (start < 0 || start >= in[d] || !last || *last < 0 || *last >= in[d])
      return emitOpError() << "dimension " << d << ": " << out[d]
                           << " elements from " << start << " by " << step
                           << " leave [0, " << in[d] << ")";
  }
  return success();
}

LogicalResult GatherOp::verify() {
  if (elementOf(getData()) != elementOf(getOutput()))
    return emitOpError() << "changes the element type";
  if (failed(checkInferred(
          *this,
          gatherShape(shapeOf(getData()), shapeOf(getIndices()), getAxis()),
          getOutput())))
    return failure();
  // Indices known at compile time (constants, ranges, and what keeps their
  // values) must select existing slices; negative ones count from the end.
  int64_t dim = shapeOf(getData())[getAxis()];
  if (std::optional<int64_t> bad =
          knownIndexOutOfRange(getIndices(), dim, /*allowNegative=*/true))
    return emitOpError() << "index " << *bad << " is out of range for axis "
                         << getAxis() << " of size " << dim << " (valid: "
                         << -dim << " to " << dim - 1 << ")";
  return success();
}

LogicalResult WhereOp::verify() {
  if (elementOf(getLhs()) != elementOf(getRhs()) ||
      elementOf(getLhs()) != elementOf(getOutput()))
    return emitOpError() << "branches and result must share an element type";
  ShapeResult branches = broadcastShapes(shapeOf(getLhs()), shapeOf(getRhs()));
  if (!branches.ok())
    return emitOpError() << branches.error;
  return checkInferred(
      *this, broadcastShapes(shapeOf(getCondition()), branches.shape),
      getOutput());
}

LogicalResult TriluOp::verify() {
  if (shapeOf(getInput()).size() < 2)
    return emitOpError() << "needs rank >= 2";
  return success();
}

LogicalResult MatmulOp::verify() {
  if (elementOf(getLhs()) != elementOf(getRhs()) ||
      elementOf(getLhs()) != elementOf(getOutput()))
    return emitOpError() << "operands and result must share an element type";
  return checkInferred(*this, matmulShape(shapeOf(getLhs()), shapeOf(getRhs())),
                       getOutput());
}

LogicalResult LinearOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput()), w = shapeOf(getWeight());
  Type element = elementOf(getInput());
  if (elementOf(getWeight()) != element || elementOf(getOutput()) != element ||
      (getBias() && elementOf(getBias()) != element))
    return emitOpError() << "operands and result must share an element type";
  if (w.size() != 2)
    return emitOpError() << "weight must be 2-D [K, N], got " << formatShape(w);
  if (in.empty() || in.back() != w[0])
    return emitOpError() << "input " << formatShape(in)
                         << " does not end in the weight's K = " << w[0];
  if (getBias() && shapeOf(getBias()) != ArrayRef<int64_t>{w[1]})
    return emitOpError() << "bias must be [" << w[1] << "], got "
                         << formatShape(shapeOf(getBias()));
  Shape expected(in.begin(), in.end());
  expected.back() = w[1];
  if (shapeOf(getOutput()) != ArrayRef<int64_t>(expected))
    return emitOpError() << "result must be " << formatShape(expected);
  return success();
}

LogicalResult SoftmaxOp::verify() {
  // I64Attr getters return uint64_t; print the axis as the signed value.
  int64_t axis = getAxis();
  if (failed(normalizeAxis(axis, shapeOf(getInput()).size())))
    return emitOpError() << "axis " << axis << " out of range";
  return success();
}

/// Norm parameters broadcast over the normalized trailing dimensions.
static LogicalResult verifyNormParams(Operation *op, Value input, int64_t axis,
                                      ValueRange params) {
  ArrayRef<int64_t> in = shapeOf(input);
  auto normalized = normalizeAxis(axis, in.size());
  if (failed(normalized))
    return op->emitOpError() << "axis " << axis << " out of range for rank "
                             << in.size();
  if (shapeOf(op->getResult(0)) != in ||
      elementOf(op->getResult(0)) != elementOf(input))
    return op->emitOpError() << "result type must equal the input type";
  for (Value p : params) {
    if (!broadcastsTo(shapeOf(p), in.drop_front(*normalized)) &&
        !broadcastsTo(shapeOf(p), in))
      return op->emitOpError()
             << "parameter " << formatShape(shapeOf(p))
             << " does not broadcast to the normalized dimensions "
             << formatShape(in.drop_front(*normalized));
  }
  return success();
}

/// A norm's epsilon keeps sqrt(var + epsilon) away from 0; a negative or
/// non-finite one is a broken model, not a choice.
static LogicalResult verifyEpsilon(Operation *op, APFloat epsilon) {
  double e = epsilon.convertToDouble();
  if (!std::isfinite(e) || e < 0)
    return op->emitOpError() << "epsilon must be finite and non-negative, got "
                             << e;
  return success();
}

LogicalResult LayerNormOp::verify() {
  SmallVector<Value> params{getScale()};
  if (getBias())
    params.push_back(getBias());
  if (failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  return verifyNormParams(*this, getInput(), getAxis(), params);
}

LogicalResult RmsNormOp::verify() {
  if (failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  return verifyNormParams(*this, getInput(), getAxis(), {getScale()});
}

static LogicalResult verifyReduce(Operation *op, ArrayRef<int64_t> axes,
                                  bool keepdims) {
  Value in = op->getOperand(0);
  return checkInferred(op, reduceShape(shapeOf(in), axes, keepdims),
                       op->getResult(0));
}
LogicalResult ReduceSumOp::verify() {
  return verifyReduce(*this, getAxes(), getKeepdims());
}
LogicalResult ReduceMeanOp::verify() {
  return verifyReduce(*this, getAxes(), getKeepdims());
}
LogicalResult ReduceMaxOp::verify() {
  return verifyReduce(*this, getAxes(), getKeepdims());
}
LogicalResult ReduceMinOp::verify() {
  return verifyReduce(*this, getAxes(), getKeepdims());
}
LogicalResult ReduceProdOp::verify() {
  return verifyReduce(*this, getAxes(), getKeepdims());
}

LogicalResult RotaryEmbeddingOp::verify() {
  ArrayRef<int64_t> x = shapeOf(getInput());
  if (x.size() != 4)
    return emitOpError() << "input must be [batch, heads, seq, head_dim]";
  ArrayRef<int64_t> c = shapeOf(getCos()), s = shapeOf(getSin());
  if (c != s)
    return emitOpError() << "cos " << formatShape(c) << " and sin "
                         << formatShape(s) << " differ";
  if (c.size() != 3 || c[0] != x[0] || c[1] != x[2])
    return emitOpError() << "cos/sin must be [batch, seq, rotary_dim/2] = ["
                         << x[0] << ", " << x[2] << ", _], got "
                         << formatShape(c);
  if (2 * c[2] > x[3])
    return emitOpError() << "rotary dimension " << 2 * c[2]
                         << " exceeds head_dim " << x[3];
  return success();
}

LogicalResult AttentionOp::verify() {
  ArrayRef<int64_t> q = shapeOf(getQuery()), k = shapeOf(getKey()),
                    v = shapeOf(getValue()), out = shapeOf(getOutput());
  if (q.size() != 4 || k.size() != 4 || v.size() != 4)
    return emitOpError() << "query, key and value must be 4-D [batch, heads, "
                            "seq, head_dim]";
  if (k[0] != q[0] || v[0] != q[0])
    return emitOpError() << "batch sizes differ";
  if (k[3] != q[3])
    return emitOpError() << "query head_dim " << q[3] << " != key head_dim "
                         << k[3];
  if (v[1] != k[1] || v[2] != k[2])
    return emitOpError() << "key " << formatShape(k) << " and value "
                         << formatShape(v) << " differ in heads or length";
  if (k[1] == 0 || q[1] % k[1] != 0)
    return emitOpError() << q[1] << " query heads are not a multiple of "
                         << k[1] << " key/value heads";
  Shape expected{q[0], q[1], q[2], v[3]};
  if (out != ArrayRef<int64_t>(expected))
    return emitOpError() << "result must be " << formatShape(expected);
  double scale = getScale().convertToDouble();
  double softcap = getSoftcap().convertToDouble();
  if (!std::isfinite(scale))
    return emitOpError() << "scale must be finite, got " << scale;
  if (!std::isfinite(softcap) || softcap < 0)
    return emitOpError() << "softcap must be finite and non-negative (0 "
                            "disables it), got "
                         << softcap;
  if (getMask()) {
    Shape scores{q[0], q[1], q[2], k[2]};
    if (!broadcastsTo(shapeOf(getMask()), scores))
      return emitOpError() << "mask " << formatShape(shapeOf(getMask()))
                           << " does not broadcast to the scores "
                           << formatShape(scores);
    Type maskElement = elementOf(getMask());
    if (!maskElement.isInteger(1) && maskElement != elementOf(getQuery()))
      return emitOpError() << "mask must be i1 or of the query's type";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Custom assembly: enum attributes as `keyword(value)`, left out at their
// default (`graph.linear %x, %w activation(gelu)`, `graph.gelu %x`). The
// optional group is in the op's format; these read and write the value.
//===----------------------------------------------------------------------===//

/// Parses a case of an enum by name; any other name is an error that lists
/// the cases.
template <typename AttrT, typename EnumT>
static ParseResult
parseEnumCase(OpAsmParser &parser, StringRef what, AttrT &attr,
              std::optional<EnumT> (*symbolizeName)(StringRef),
              std::optional<EnumT> (*symbolizeValue)(uint32_t),
              StringRef (*stringify)(EnumT), unsigned maxValue) {
  StringRef name;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseKeyword(&name))
    return failure();
  std::optional<EnumT> value = symbolizeName(name);
  if (!value) {
    auto diag = parser.emitError(loc) << what << " must be one of ";
    for (unsigned i = 0; i <= maxValue; ++i)
      if (std::optional<EnumT> e = symbolizeValue(i))
        diag << (i ? ", " : "") << stringify(*e);
    return diag << "; got '" << name << "'";
  }
  attr = AttrT::get(parser.getContext(), *value);
  return success();
}

static ParseResult parseEnumValue(OpAsmParser &parser, ActivationAttr &attr) {
  return parseEnumCase(parser, "activation", attr, symbolizeActivation,
                       symbolizeActivation, stringifyActivation,
                       getMaxEnumValForActivation());
}
static void printEnumValue(OpAsmPrinter &printer, Operation *op,
                           ActivationAttr) {
  printer << stringifyActivation(cast<LinearOp>(op).getActivation());
}

static ParseResult parseEnumValue(OpAsmParser &parser,
                                  GeluApproximationAttr &attr) {
  return parseEnumCase(parser, "approximate", attr,
                       symbolizeGeluApproximation, symbolizeGeluApproximation,
                       stringifyGeluApproximation,
                       getMaxEnumValForGeluApproximation());
}
static void printEnumValue(OpAsmPrinter &printer, Operation *op,
                           GeluApproximationAttr) {
  printer << stringifyGeluApproximation(cast<GeluOp>(op).getApproximate());
}

#define GET_OP_CLASSES
#include "wafer/Dialect/Graph/IR/GraphOps.cpp.inc"
