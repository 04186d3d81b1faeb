//===- ElementCount.h - overflow-checked sizes of tensors -------*- C++ -*-===//
//
// Element and byte counts of shapes that come from user input (ONNX dims,
// --dim bindings, hand-written IR) can overflow int64_t. Every count the
// compiler derives from a shape goes through these helpers, which say
// "no such count" instead of wrapping. MLIR- and LLVM-free, so that the
// runtime side can use them too.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SUPPORT_ELEMENTCOUNT_H
#define WAFER_SUPPORT_ELEMENTCOUNT_H

#include <cstdint>
#include <initializer_list>
#include <optional>

namespace wafer {

/// a * b, or nothing when it overflows int64_t.
inline std::optional<int64_t> checkedMul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r))
    return std::nullopt;
  return r;
}

/// a + b, or nothing when it overflows int64_t.
inline std::optional<int64_t> checkedAdd(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r))
    return std::nullopt;
  return r;
}

/// The product of `dims` (1 for a scalar), or nothing when a dim is negative
/// (dynamic) or the product overflows int64_t. `Range` is any iterable of
/// integers: llvm::ArrayRef<int64_t>, std::vector, a protobuf repeated field.
template <typename Range>
std::optional<int64_t> checkedElementCount(const Range &dims) {
  int64_t n = 1;
  for (auto d : dims) {
    if (d < 0)
      return std::nullopt;
    std::optional<int64_t> next = checkedMul(n, int64_t(d));
    if (!next)
      return std::nullopt;
    n = *next;
  }
  return n;
}

inline std::optional<int64_t>
checkedElementCount(std::initializer_list<int64_t> dims) {
  return checkedElementCount<std::initializer_list<int64_t>>(dims);
}

/// Bytes of `elements` elements of `bitWidth` bits each (i1 takes a byte),
/// or nothing on overflow.
inline std::optional<int64_t> checkedByteCount(int64_t elements,
                                               int64_t bitWidth) {
  int64_t bytesPerElement = bitWidth < 8 ? 1 : (bitWidth + 7) / 8;
  return checkedMul(elements, bytesPerElement);
}

} // namespace wafer

#endif // WAFER_SUPPORT_ELEMENTCOUNT_H
