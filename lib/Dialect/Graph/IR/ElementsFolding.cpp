//===- ElementsFolding.cpp - constant evaluation on dense tensors ---------===//

#include "ElementsFolding.h"

#include "wafer/Dialect/Graph/IR/ShapeInference.h"

#include "llvm/ADT/APSInt.h"

using namespace mlir;

namespace wafer::graph::folding {

static llvm::APInt castIntToInt(const APInt &v, unsigned width) {
  if (width == 1)
    return APInt(1, v.isZero() ? 0 : 1);
  // i1 holds a boolean, which widens as 0/1 rather than sign-extending.
  return v.getBitWidth() == 1 ? v.zext(width) : v.sextOrTrunc(width);
}

Attribute castElements(DenseElementsAttr in, ShapedType to) {
  Type from = in.getElementType(), toElement = to.getElementType();
  auto convert = [&](auto value) -> Attribute {
    return DenseElementsAttr::get(to, value);
  };
  if (auto toFloatType = dyn_cast<FloatType>(toElement)) {
    const auto &semantics = toFloatType.getFloatSemantics();
    SmallVector<APFloat> out;
    if (isa<FloatType>(from)) {
      for (APFloat v : in.getValues<APFloat>()) {
        bool losesInfo;
        v.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
        out.push_back(v);
      }
    } else {
      bool isBool = from.isInteger(1);
      for (const APInt &v : in.getValues<APInt>()) {
        APFloat f(semantics);
        f.convertFromAPInt(v, /*IsSigned=*/!isBool,
                           APFloat::rmNearestTiesToEven);
        out.push_back(f);
      }
    }
    return convert(ArrayRef<APFloat>(out));
  }
  unsigned width = toElement.getIntOrFloatBitWidth();
  SmallVector<APInt> out;
  if (isa<FloatType>(from)) {
    for (const APFloat &v : in.getValues<APFloat>()) {
      if (width == 1) {
        out.emplace_back(1, v.isZero() ? 0 : 1);
        continue;
      }
      llvm::APSInt i(width, /*isUnsigned=*/false);
      bool exact;
      if (v.convertToInteger(i, APFloat::rmTowardZero, &exact) &
          APFloat::opInvalidOp)
        return {};
      out.push_back(i);
    }
  } else {
    for (const APInt &v : in.getValues<APInt>())
      out.push_back(castIntToInt(v, width));
  }
  return convert(ArrayRef<APInt>(out));
}

DenseElementsAttr asDense(Attribute attr) {
  return dyn_cast_if_present<DenseElementsAttr>(attr);
}

bool mayFoldInto(ShapedType type, bool splat) {
  return type.hasStaticShape() &&
         (splat || numElements(type.getShape()) <= kMaxFoldElements);
}

SmallVector<int64_t> stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

void forEachIndex(ArrayRef<int64_t> shape,
                  function_ref<void(ArrayRef<int64_t>, int64_t)> fn) {
  int64_t total = numElements(shape);
  SmallVector<int64_t> index(shape.size(), 0);
  for (int64_t linear = 0; linear < total; ++linear) {
    fn(index, linear);
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
}

DenseElementsAttr pickElements(DenseElementsAttr input, ShapedType type,
                               ArrayRef<int64_t> source) {
  if (input.isSplat())
    return input.resizeSplat(type);
  if (!mayFoldInto(type, /*splat=*/false))
    return {};
  if (isa<FloatType>(input.getElementType())) {
    auto values = llvm::to_vector(input.getValues<APFloat>());
    SmallVector<APFloat> out;
    out.reserve(source.size());
    for (int64_t s : source)
      out.push_back(values[s]);
    return DenseElementsAttr::get(type, out);
  }
  auto values = llvm::to_vector(input.getValues<APInt>());
  SmallVector<APInt> out;
  out.reserve(source.size());
  for (int64_t s : source)
    out.push_back(values[s]);
  return DenseElementsAttr::get(type, out);
}

SmallVector<int64_t> broadcastSources(ArrayRef<int64_t> operandShape,
                                      ArrayRef<int64_t> resultShape) {
  SmallVector<int64_t> strides = stridesOf(operandShape);
  size_t offset = resultShape.size() - operandShape.size();
  SmallVector<int64_t> sources;
  sources.reserve(numElements(resultShape));
  forEachIndex(resultShape, [&](ArrayRef<int64_t> index, int64_t) {
    int64_t s = 0;
    for (size_t d = 0; d < operandShape.size(); ++d)
      if (operandShape[d] != 1)
        s += index[d + offset] * strides[d];
    sources.push_back(s);
  });
  return sources;
}

APFloat toFloat(double value, const llvm::fltSemantics &semantics) {
  APFloat f(value);
  bool losesInfo = false;
  f.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
  return f;
}

namespace {
template <typename T, typename Fn>
Attribute evaluateBinary(DenseElementsAttr lhs, DenseElementsAttr rhs,
                         ShapedType resultType, Fn fn) {
  // Two splats: one evaluation, however many elements they stand for.
  if (lhs.isSplat() && rhs.isSplat()) {
    auto v = fn(lhs.getSplatValue<T>(), rhs.getSplatValue<T>());
    if (!v)
      return {};
    return DenseElementsAttr::get(resultType, *v);
  }
  // Otherwise the result is within kMaxFoldElements (foldBinary checked),
  // and so is each operand, which broadcasts to it.
  auto lhsValues = llvm::to_vector(lhs.getValues<T>());
  auto rhsValues = llvm::to_vector(rhs.getValues<T>());
  auto lhsSource = broadcastSources(lhs.getType().getShape(),
                                    resultType.getShape());
  auto rhsSource = broadcastSources(rhs.getType().getShape(),
                                    resultType.getShape());
  using R = std::decay_t<decltype(*fn(lhsValues.front(), rhsValues.front()))>;
  SmallVector<R> out;
  out.reserve(lhsSource.size());
  for (size_t i = 0; i < lhsSource.size(); ++i) {
    auto v = fn(lhs.isSplat() ? lhsValues.front() : lhsValues[lhsSource[i]],
                rhs.isSplat() ? rhsValues.front() : rhsValues[rhsSource[i]]);
    if (!v)
      return {};
    out.push_back(*v);
  }
  return DenseElementsAttr::get(resultType, out);
}
} // namespace

Attribute foldBinary(Attribute lhsAttr, Attribute rhsAttr,
                     ShapedType resultType, IntBinaryFn intFn,
                     FloatBinaryFn floatFn) {
  DenseElementsAttr lhs = asDense(lhsAttr), rhs = asDense(rhsAttr);
  if (!lhs || !rhs ||
      !mayFoldInto(resultType, lhs.isSplat() && rhs.isSplat()))
    return {};
  Type element = lhs.getElementType();
  if (isa<FloatType>(element)) {
    if (!floatFn)
      return {};
    // Comparisons map floats to i1; arithmetic keeps the float type.
    if (resultType.getElementType().isInteger(1)) {
      return evaluateBinary<APFloat>(
          lhs, rhs, resultType,
          [&](const APFloat &a, const APFloat &b) -> std::optional<APInt> {
            auto r = floatFn(a, b);
            if (!r)
              return std::nullopt;
            return APInt(1, r->isZero() ? 0 : 1);
          });
    }
    return evaluateBinary<APFloat>(lhs, rhs, resultType, floatFn);
  }
  if (!intFn)
    return {};
  return evaluateBinary<APInt>(lhs, rhs, resultType, intFn);
}

Attribute foldUnaryFloat(Attribute inputAttr, ShapedType resultType,
                         double (*fn)(double)) {
  DenseElementsAttr input = asDense(inputAttr);
  if (!input || !isa<FloatType>(input.getElementType()) ||
      !mayFoldInto(resultType, input.isSplat()))
    return {};
  const auto &semantics =
      cast<FloatType>(resultType.getElementType()).getFloatSemantics();
  auto apply = [&](const APFloat &v) {
    return toFloat(fn(v.convertToDouble()), semantics);
  };
  if (input.isSplat())
    return DenseElementsAttr::get(resultType,
                                  apply(input.getSplatValue<APFloat>()));
  SmallVector<APFloat> out;
  for (const APFloat &v : input.getValues<APFloat>())
    out.push_back(apply(v));
  return DenseElementsAttr::get(resultType, out);
}

Attribute foldUnaryInt(Attribute inputAttr, ShapedType resultType,
                       function_ref<APInt(const APInt &)> fn) {
  DenseElementsAttr input = asDense(inputAttr);
  if (!input || !isa<IntegerType>(input.getElementType()) ||
      !mayFoldInto(resultType, input.isSplat()))
    return {};
  if (input.isSplat())
    return DenseElementsAttr::get(resultType,
                                  fn(input.getSplatValue<APInt>()));
  SmallVector<APInt> out;
  for (const APInt &v : input.getValues<APInt>())
    out.push_back(fn(v));
  return DenseElementsAttr::get(resultType, out);
}

} // namespace wafer::graph::folding
