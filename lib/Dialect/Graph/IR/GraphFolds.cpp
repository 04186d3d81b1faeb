//===- GraphFolds.cpp - graph op folders ----------------------------------===//
//
// Folders evaluate ops on `dense` constants (ONNX shape arithmetic, masks)
// and remove identities. With every dimension bound, they are what turns the
// Shape/Gather/Unsqueeze/Concat/Reshape chains of real exports into
// constants. A splat operand folds to a splat without walking its elements;
// any other result folds only up to kMaxFoldElements (checked before any
// per-element work), and otherwise the op stays.
//
//===----------------------------------------------------------------------===//

#include "ElementsFolding.h"

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/Graph/IR/ShapeInference.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/APSInt.h"

#include <cmath>

using namespace mlir;
using namespace wafer::graph;
using namespace wafer::graph::folding;

static ShapedType typeOf(Value v) { return cast<ShapedType>(v.getType()); }

//===----------------------------------------------------------------------===//
// Constants, shapes and casts
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult ShapeOp::fold(FoldAdaptor) {
  ArrayRef<int64_t> shape = typeOf(getInput()).getShape();
  int64_t rank = shape.size();
  auto clamp = [&](int64_t v) {
    return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
  };
  int64_t start = clamp(getStart());
  int64_t end = std::max(start, getEnd() ? clamp(*getEnd()) : rank);
  return DenseElementsAttr::get(typeOf(getOutput()),
                                shape.slice(start, end - start));
}

OpFoldResult RangeOp::fold(FoldAdaptor) {
  ShapedType type = typeOf(getOutput());
  int64_t n = type.getNumElements();
  if (!mayFoldInto(type, n <= 1))
    return {};
  if (auto start = dyn_cast<IntegerAttr>(getStart())) {
    int64_t s = start.getInt(), d = cast<IntegerAttr>(getDelta()).getInt();
    unsigned width = type.getElementTypeBitWidth();
    SmallVector<APInt> values;
    for (int64_t i = 0; i < n; ++i)
      values.push_back(APInt(width, s + i * d, /*isSigned=*/true));
    return DenseElementsAttr::get(type, values);
  }
  auto start = dyn_cast<FloatAttr>(getStart());
  auto delta = dyn_cast<FloatAttr>(getDelta());
  if (!start || !delta)
    return {};
  const auto &semantics =
      cast<FloatType>(type.getElementType()).getFloatSemantics();
  SmallVector<APFloat> values;
  for (int64_t i = 0; i < n; ++i)
    values.push_back(toFloat(start.getValueAsDouble() +
                                 i * delta.getValueAsDouble(),
                             semantics));
  return DenseElementsAttr::get(type, values);
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  ShapedType to = typeOf(getOutput());
  if (typeOf(getInput()) == to)
    return getInput();
  DenseElementsAttr in = asDense(adaptor.getInput());
  if (!in || !mayFoldInto(to, in.isSplat()))
    return {};
  if (!in.isSplat())
    return castElements(in, to);
  // A splat converts its one value, whatever its size.
  auto scalar = DenseElementsAttr::get(
      RankedTensorType::get({}, in.getElementType()),
      in.getSplatValue<Attribute>());
  auto converted = asDense(castElements(
      scalar, RankedTensorType::get({}, to.getElementType())));
  return converted ? Attribute(DenseElementsAttr::get(
                         to, converted.getSplatValue<Attribute>()))
                   : Attribute();
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (typeOf(getInput()) == typeOf(getOutput()))
    return getInput();
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  if (DenseElementsAttr in = asDense(adaptor.getInput()))
    if (mayFoldInto(typeOf(getOutput()), in.isSplat()))
      return in.reshape(typeOf(getOutput()));
  return {};
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perm = getPerm();
  bool identity = true;
  for (auto [i, p] : llvm::enumerate(perm))
    identity &= static_cast<int64_t>(i) == p;
  if (identity)
    return getInput();
  DenseElementsAttr in = asDense(adaptor.getInput());
  ShapedType outType = typeOf(getOutput());
  if (!in || !mayFoldInto(outType, in.isSplat()))
    return {};
  SmallVector<int64_t> inStrides = stridesOf(typeOf(getInput()).getShape());
  SmallVector<int64_t> source;
  if (!in.isSplat())
    forEachIndex(outType.getShape(), [&](ArrayRef<int64_t> index, int64_t) {
      int64_t s = 0;
      for (size_t d = 0; d < perm.size(); ++d)
        s += index[d] * inStrides[perm[d]];
      source.push_back(s);
    });
  return pickElements(in, outType, source);
}

OpFoldResult ExpandOp::fold(FoldAdaptor adaptor) {
  if (typeOf(getInput()) == typeOf(getOutput()))
    return getInput();
  DenseElementsAttr in = asDense(adaptor.getInput());
  if (!in)
    return {};
  ShapedType outType = typeOf(getOutput());
  if (in.isSplat())
    return in.resizeSplat(outType);
  if (!mayFoldInto(outType, false))
    return {};
  return pickElements(
      in, outType,
      broadcastSources(typeOf(getInput()).getShape(), outType.getShape()));
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1)
    return getInputs().front();
  ShapedType outType = typeOf(getOutput());
  SmallVector<DenseElementsAttr> parts;
  for (Attribute a : adaptor.getInputs()) {
    DenseElementsAttr d = asDense(a);
    if (!d)
      return {};
    parts.push_back(d);
  }
  if (!mayFoldInto(outType, false))
    return {};
  int64_t axis = getAxis();
  ArrayRef<int64_t> outShape = outType.getShape();
  // Walk the output: find which part each element comes from.
  SmallVector<int64_t> offsets;
  int64_t offset = 0;
  for (DenseElementsAttr p : parts) {
    offsets.push_back(offset);
    offset += p.getType().getShape()[axis];
  }
  bool isFloat = isa<FloatType>(outType.getElementType());
  SmallVector<SmallVector<APFloat>> floats;
  SmallVector<SmallVector<APInt>> ints;
  for (DenseElementsAttr p : parts) {
    if (isFloat)
      floats.push_back(llvm::to_vector(p.getValues<APFloat>()));
    else
      ints.push_back(llvm::to_vector(p.getValues<APInt>()));
  }
  SmallVector<APFloat> outFloats;
  SmallVector<APInt> outInts;
  forEachIndex(outShape, [&](ArrayRef<int64_t> index, int64_t) {
    size_t part = llvm::upper_bound(offsets, index[axis]) - offsets.begin() - 1;
    ArrayRef<int64_t> partShape = parts[part].getType().getShape();
    SmallVector<int64_t> strides = stridesOf(partShape);
    int64_t s = 0;
    for (size_t d = 0; d < index.size(); ++d)
      s += (static_cast<int64_t>(d) == axis ? index[d] - offsets[part]
                                            : index[d]) *
           strides[d];
    if (parts[part].isSplat())
      s = 0;
    if (isFloat)
      outFloats.push_back(floats[part][s]);
    else
      outInts.push_back(ints[part][s]);
  });
  if (isFloat)
    return DenseElementsAttr::get(outType, outFloats);
  return DenseElementsAttr::get(outType, outInts);
}

/// Source indices of a strided window of `inShape`.
static SmallVector<int64_t> windowSources(ArrayRef<int64_t> inShape,
                                          ArrayRef<int64_t> outShape,
                                          ArrayRef<int64_t> starts,
                                          ArrayRef<int64_t> steps) {
  SmallVector<int64_t> strides = stridesOf(inShape);
  SmallVector<int64_t> source;
  forEachIndex(outShape, [&](ArrayRef<int64_t> index, int64_t) {
    int64_t s = 0;
    for (size_t d = 0; d < index.size(); ++d)
      s += (starts[d] + index[d] * steps[d]) * strides[d];
    source.push_back(s);
  });
  return source;
}

LogicalResult SplitOp::fold(FoldAdaptor adaptor,
                            SmallVectorImpl<OpFoldResult> &results) {
  DenseElementsAttr in = asDense(adaptor.getInput());
  // Every piece is smaller than the input, so checking it checks them all.
  if (!in || !mayFoldInto(typeOf(getInput()), in.isSplat()))
    return failure();
  ArrayRef<int64_t> inShape = typeOf(getInput()).getShape();
  int64_t offset = 0;
  for (Value out : getOutputs()) {
    ShapedType outType = typeOf(out);
    SmallVector<int64_t> starts(inShape.size(), 0), steps(inShape.size(), 1);
    starts[getAxis()] = offset;
    offset += outType.getShape()[getAxis()];
    DenseElementsAttr piece =
        in.isSplat() ? in.resizeSplat(outType)
                     : pickElements(in, outType,
                                    windowSources(inShape, outType.getShape(),
                                                  starts, steps));
    if (!piece)
      return failure();
    results.push_back(piece);
  }
  return success();
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  ShapedType inType = typeOf(getInput()), outType = typeOf(getOutput());
  if (inType == outType && llvm::all_of(getStarts(), [](int64_t s) {
        return s == 0;
      }) && llvm::all_of(getSteps(), [](int64_t s) { return s == 1; }))
    return getInput();
  DenseElementsAttr in = asDense(adaptor.getInput());
  if (!in || !mayFoldInto(outType, in.isSplat()))
    return {};
  if (in.isSplat())
    return in.resizeSplat(outType);
  return pickElements(in, outType,
                      windowSources(inType.getShape(), outType.getShape(),
                                    getStarts(), getSteps()));
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  DenseElementsAttr data = asDense(adaptor.getData());
  DenseElementsAttr indices = asDense(adaptor.getIndices());
  ShapedType outType = typeOf(getOutput());
  if (!data || !indices || !mayFoldInto(outType, data.isSplat()))
    return {};
  ArrayRef<int64_t> dataShape = typeOf(getData()).getShape();
  int64_t axis = getAxis();
  // The verifier has refused out-of-range constant indices; a splat of data
  // gathers to a splat whatever they are.
  if (data.isSplat())
    return data.resizeSplat(outType);
  // The result is within kMaxFoldElements, and so are the indices.
  SmallVector<int64_t> idx;
  for (const APInt &i : indices.getValues<APInt>()) {
    int64_t v = i.getSExtValue();
    if (v < 0)
      v += dataShape[axis];
    if (v < 0 || v >= dataShape[axis])
      return {};
    idx.push_back(v);
  }
  SmallVector<int64_t> dataStrides = stridesOf(dataShape);
  int64_t indexRank = typeOf(getIndices()).getRank();
  SmallVector<int64_t> indexStrides =
      stridesOf(typeOf(getIndices()).getShape());
  SmallVector<int64_t> source;
  forEachIndex(outType.getShape(), [&](ArrayRef<int64_t> index, int64_t) {
    int64_t s = 0;
    for (int64_t d = 0; d < axis; ++d)
      s += index[d] * dataStrides[d];
    int64_t flat = 0;
    for (int64_t d = 0; d < indexRank; ++d)
      flat += index[axis + d] * indexStrides[d];
    s += idx[flat] * dataStrides[axis];
    for (size_t d = axis + 1; d < dataShape.size(); ++d)
      s += index[d - 1 + indexRank] * dataStrides[d];
    source.push_back(s);
  });
  return pickElements(data, outType, source);
}

OpFoldResult WhereOp::fold(FoldAdaptor adaptor) {
  DenseElementsAttr cond = asDense(adaptor.getCondition());
  if (!cond)
    return {};
  ShapedType outType = typeOf(getOutput());
  if (cond.isSplat()) {
    Value chosen = cond.getSplatValue<bool>() ? getLhs() : getRhs();
    if (chosen.getType() == outType)
      return chosen;
  }
  DenseElementsAttr lhs = asDense(adaptor.getLhs());
  DenseElementsAttr rhs = asDense(adaptor.getRhs());
  if (!lhs || !rhs || !mayFoldInto(outType, false))
    return {};
  ArrayRef<int64_t> outShape = outType.getShape();
  auto condSource = broadcastSources(cond.getType().getShape(), outShape);
  auto lhsSource = broadcastSources(lhs.getType().getShape(), outShape);
  auto rhsSource = broadcastSources(rhs.getType().getShape(), outShape);
  auto condValues = llvm::to_vector(cond.getValues<bool>());
  auto pickFrom = [&](auto lhsValues, auto rhsValues) -> Attribute {
    using T = typename decltype(lhsValues)::value_type;
    SmallVector<T> out;
    for (size_t i = 0; i < condSource.size(); ++i) {
      bool c = condValues[cond.isSplat() ? 0 : condSource[i]];
      out.push_back(c ? lhsValues[lhs.isSplat() ? 0 : lhsSource[i]]
                      : rhsValues[rhs.isSplat() ? 0 : rhsSource[i]]);
    }
    return DenseElementsAttr::get(outType, out);
  };
  if (isa<FloatType>(outType.getElementType()))
    return pickFrom(llvm::to_vector(lhs.getValues<APFloat>()),
                    llvm::to_vector(rhs.getValues<APFloat>()));
  return pickFrom(llvm::to_vector(lhs.getValues<APInt>()),
                  llvm::to_vector(rhs.getValues<APInt>()));
}

OpFoldResult TriluOp::fold(FoldAdaptor adaptor) {
  DenseElementsAttr in = asDense(adaptor.getInput());
  ShapedType type = typeOf(getOutput());
  if (!in || !mayFoldInto(type, false))
    return {};
  int64_t k = getK();
  bool upper = getUpper();
  int64_t rank = type.getRank();
  auto keep = [&](ArrayRef<int64_t> index) {
    int64_t row = index[rank - 2], col = index[rank - 1];
    return upper ? col - row >= k : col - row <= k;
  };
  auto apply = [&](auto values, auto zero) -> Attribute {
    using T = typename decltype(values)::value_type;
    SmallVector<T> out;
    forEachIndex(type.getShape(), [&](ArrayRef<int64_t> index, int64_t i) {
      out.push_back(keep(index) ? values[in.isSplat() ? 0 : i] : zero);
    });
    return DenseElementsAttr::get(type, out);
  };
  if (auto f = dyn_cast<FloatType>(type.getElementType()))
    return apply(llvm::to_vector(in.getValues<APFloat>()),
                 APFloat::getZero(f.getFloatSemantics()));
  return apply(llvm::to_vector(in.getValues<APInt>()),
               APInt(type.getElementTypeBitWidth(), 0));
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

#define WAFER_UNARY_FLOAT_FOLD(OP, FN)                                         \
  OpFoldResult OP::fold(FoldAdaptor adaptor) {                                 \
    return foldUnaryFloat(adaptor.getInput(), typeOf(getOutput()), FN);        \
  }
static double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
static double reciprocal(double x) { return 1.0 / x; }
WAFER_UNARY_FLOAT_FOLD(SqrtOp, [](double x) { return std::sqrt(x); })
WAFER_UNARY_FLOAT_FOLD(ReciprocalOp, reciprocal)
WAFER_UNARY_FLOAT_FOLD(ExpOp, [](double x) { return std::exp(x); })
WAFER_UNARY_FLOAT_FOLD(LogOp, [](double x) { return std::log(x); })
WAFER_UNARY_FLOAT_FOLD(ErfOp, [](double x) { return std::erf(x); })
WAFER_UNARY_FLOAT_FOLD(TanhOp, [](double x) { return std::tanh(x); })
WAFER_UNARY_FLOAT_FOLD(SigmoidOp, sigmoid)
WAFER_UNARY_FLOAT_FOLD(CosOp, [](double x) { return std::cos(x); })
WAFER_UNARY_FLOAT_FOLD(SinOp, [](double x) { return std::sin(x); })
#undef WAFER_UNARY_FLOAT_FOLD

/// Unary ops defined on integers and floats alike.
static OpFoldResult foldSignedUnary(Attribute input, ShapedType type,
                                    double (*floatFn)(double),
                                    APInt (*intFn)(const APInt &)) {
  if (isa<FloatType>(type.getElementType()))
    return foldUnaryFloat(input, type, floatFn);
  return foldUnaryInt(input, type, intFn);
}

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  return foldSignedUnary(
      adaptor.getInput(), typeOf(getOutput()), [](double x) { return -x; },
      [](const APInt &v) { return -v; });
}
OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  return foldSignedUnary(
      adaptor.getInput(), typeOf(getOutput()),
      [](double x) { return std::fabs(x); },
      [](const APInt &v) { return v.abs(); });
}
OpFoldResult ReluOp::fold(FoldAdaptor adaptor) {
  return foldSignedUnary(
      adaptor.getInput(), typeOf(getOutput()),
      [](double x) { return x > 0 ? x : 0.0; },
      [](const APInt &v) {
        return v.isNegative() ? APInt(v.getBitWidth(), 0) : v;
      });
}
OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  return foldUnaryInt(adaptor.getInput(), typeOf(getOutput()),
                      [](const APInt &v) { return ~v; });
}

using OptInt = std::optional<APInt>;
using OptFloat = std::optional<APFloat>;

static OptFloat boolFloat(bool b) { return APFloat(b ? 1.0f : 0.0f); }

#define WAFER_BINARY_FOLD(OP, INT_FN, FLOAT_FN)                                \
  OpFoldResult OP::fold(FoldAdaptor adaptor) {                                 \
    return foldBinary(adaptor.getLhs(), adaptor.getRhs(),                      \
                      typeOf(getOutput()), INT_FN, FLOAT_FN);                  \
  }

WAFER_BINARY_FOLD(
    AddOp, [](const APInt &a, const APInt &b) -> OptInt { return a + b; },
    [](const APFloat &a, const APFloat &b) -> OptFloat { return a + b; })
WAFER_BINARY_FOLD(
    SubOp, [](const APInt &a, const APInt &b) -> OptInt { return a - b; },
    [](const APFloat &a, const APFloat &b) -> OptFloat { return a - b; })
WAFER_BINARY_FOLD(
    MulOp, [](const APInt &a, const APInt &b) -> OptInt { return a * b; },
    [](const APFloat &a, const APFloat &b) -> OptFloat { return a * b; })
WAFER_BINARY_FOLD(
    DivOp,
    [](const APInt &a, const APInt &b) -> OptInt {
      if (b.isZero())
        return std::nullopt;
      return a.sdiv(b);
    },
    [](const APFloat &a, const APFloat &b) -> OptFloat { return a / b; })
WAFER_BINARY_FOLD(
    PowOp, nullptr, [](const APFloat &a, const APFloat &b) -> OptFloat {
      return toFloat(std::pow(a.convertToDouble(), b.convertToDouble()),
                     a.getSemantics());
    })
WAFER_BINARY_FOLD(
    MaxOp,
    [](const APInt &a, const APInt &b) -> OptInt { return a.sgt(b) ? a : b; },
    [](const APFloat &a, const APFloat &b) -> OptFloat {
      return llvm::maximum(a, b);
    })
WAFER_BINARY_FOLD(
    MinOp,
    [](const APInt &a, const APInt &b) -> OptInt { return a.slt(b) ? a : b; },
    [](const APFloat &a, const APFloat &b) -> OptFloat {
      return llvm::minimum(a, b);
    })
WAFER_BINARY_FOLD(
    EqualOp,
    [](const APInt &a, const APInt &b) -> OptInt { return APInt(1, a == b); },
    [](const APFloat &a, const APFloat &b) -> OptFloat {
      return boolFloat(a.compare(b) == APFloat::cmpEqual);
    })
WAFER_BINARY_FOLD(
    LessOp,
    [](const APInt &a, const APInt &b) -> OptInt {
      return APInt(1, a.slt(b));
    },
    [](const APFloat &a, const APFloat &b) -> OptFloat {
      return boolFloat(a.compare(b) == APFloat::cmpLessThan);
    })
WAFER_BINARY_FOLD(
    LessEqualOp,
    [](const APInt &a, const APInt &b) -> OptInt {
      return APInt(1, a.sle(b));
    },
    [](const APFloat &a, const APFloat &b) -> OptFloat {
      auto c = a.compare(b);
      return boolFloat(c == APFloat::cmpLessThan || c == APFloat::cmpEqual);
    })
WAFER_BINARY_FOLD(
    GreaterOp,
    [](const APInt &a, const APInt &b) -> OptInt {
      return APInt(1, a.sgt(b));
    },
    [](const APFloat &a, const APFloat &b) -> OptFloat {
      return boolFloat(a.compare(b) == APFloat::cmpGreaterThan);
    })
WAFER_BINARY_FOLD(
    GreaterEqualOp,
    [](const APInt &a, const APInt &b) -> OptInt {
      return APInt(1, a.sge(b));
    },
    [](const APFloat &a, const APFloat &b) -> OptFloat {
      auto c = a.compare(b);
      return boolFloat(c == APFloat::cmpGreaterThan || c == APFloat::cmpEqual);
    })
WAFER_BINARY_FOLD(
    AndOp, [](const APInt &a, const APInt &b) -> OptInt { return a & b; },
    nullptr)
WAFER_BINARY_FOLD(
    OrOp, [](const APInt &a, const APInt &b) -> OptInt { return a | b; },
    nullptr)
#undef WAFER_BINARY_FOLD

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

enum class ReduceKind { Sum, Mean, Max, Min, Prod };

static Attribute foldReduce(Attribute inputAttr, ShapedType inType,
                            ShapedType outType, ArrayRef<int64_t> axes,
                            ReduceKind kind) {
  DenseElementsAttr in = asDense(inputAttr);
  if (!in || !mayFoldInto(outType, false) ||
      numElements(inType.getShape()) > kMaxFoldElements)
    return {};
  ArrayRef<int64_t> inShape = inType.getShape();
  SmallVector<bool> reduced(inShape.size(), false);
  int64_t count = 1;
  for (int64_t a : axes) {
    reduced[a] = true;
    count *= inShape[a];
  }
  // Output linear index of every input element (keepdims-independent).
  SmallVector<int64_t> keptShape;
  for (size_t d = 0; d < inShape.size(); ++d)
    keptShape.push_back(reduced[d] ? 1 : inShape[d]);
  SmallVector<int64_t> keptStrides = stridesOf(keptShape);
  int64_t outCount = outType.getNumElements();
  bool isFloat = isa<FloatType>(inType.getElementType());
  SmallVector<double> accFloat(outCount);
  SmallVector<APInt> accInt;
  unsigned width = isFloat ? 0 : inType.getElementTypeBitWidth();
  auto init = [&](auto &acc, auto first) {
    for (auto &a : acc)
      a = first;
  };
  double f0 = kind == ReduceKind::Prod ? 1.0
              : kind == ReduceKind::Max ? -INFINITY
              : kind == ReduceKind::Min ? INFINITY
                                        : 0.0;
  init(accFloat, f0);
  if (!isFloat) {
    APInt i0 = kind == ReduceKind::Prod  ? APInt(width, 1)
               : kind == ReduceKind::Max ? APInt::getSignedMinValue(width)
               : kind == ReduceKind::Min ? APInt::getSignedMaxValue(width)
                                         : APInt(width, 0);
    accInt.assign(outCount, i0);
  }
  auto floats = isFloat ? llvm::to_vector(in.getValues<APFloat>())
                        : SmallVector<APFloat>();
  auto ints = isFloat ? SmallVector<APInt>()
                      : llvm::to_vector(in.getValues<APInt>());
  forEachIndex(inShape, [&](ArrayRef<int64_t> index, int64_t linear) {
    int64_t o = 0;
    for (size_t d = 0; d < index.size(); ++d)
      if (!reduced[d])
        o += index[d] * keptStrides[d];
    int64_t s = in.isSplat() ? 0 : linear;
    if (isFloat) {
      double v = floats[s].convertToDouble();
      double &a = accFloat[o];
      switch (kind) {
      case ReduceKind::Sum:
      case ReduceKind::Mean: a += v; break;
      case ReduceKind::Prod: a *= v; break;
      case ReduceKind::Max: a = std::max(a, v); break;
      case ReduceKind::Min: a = std::min(a, v); break;
      }
    } else {
      const APInt &v = ints[s];
      APInt &a = accInt[o];
      switch (kind) {
      case ReduceKind::Sum:
      case ReduceKind::Mean: a += v; break;
      case ReduceKind::Prod: a *= v; break;
      case ReduceKind::Max: a = a.sgt(v) ? a : v; break;
      case ReduceKind::Min: a = a.slt(v) ? a : v; break;
      }
    }
  });
  if (!isFloat)
    return DenseElementsAttr::get(outType, accInt);
  const auto &semantics =
      cast<FloatType>(outType.getElementType()).getFloatSemantics();
  SmallVector<APFloat> out;
  for (double a : accFloat)
    out.push_back(toFloat(kind == ReduceKind::Mean ? a / count : a, semantics));
  return DenseElementsAttr::get(outType, out);
}

#define WAFER_REDUCE_FOLD(OP, KIND)                                            \
  OpFoldResult OP::fold(FoldAdaptor adaptor) {                                 \
    if (getAxes().empty())                                                     \
      return getInput().getType() == getOutput().getType()                     \
                 ? OpFoldResult(getInput())                                    \
                 : OpFoldResult();                                             \
    return foldReduce(adaptor.getInput(), typeOf(getInput()),                  \
                      typeOf(getOutput()), getAxes(), KIND);                   \
  }
WAFER_REDUCE_FOLD(ReduceSumOp, ReduceKind::Sum)
WAFER_REDUCE_FOLD(ReduceMeanOp, ReduceKind::Mean)
WAFER_REDUCE_FOLD(ReduceMaxOp, ReduceKind::Max)
WAFER_REDUCE_FOLD(ReduceMinOp, ReduceKind::Min)
WAFER_REDUCE_FOLD(ReduceProdOp, ReduceKind::Prod)
#undef WAFER_REDUCE_FOLD
