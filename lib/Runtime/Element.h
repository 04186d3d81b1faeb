//===- Element.h - element types of the runtime's tensors -------*- C++ -*-===//
//
// One storage type per element type a signature can carry, the type its
// arithmetic is done in, and the conversions between them: f16 and bf16 are
// computed in f32 and rounded back (to nearest even), f64 in f64, integers
// in themselves with wrapping arithmetic, bools as bytes (0 or 1; any other
// byte reads as true). Internal to lib/Runtime.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_RUNTIME_ELEMENT_H
#define WAFER_RUNTIME_ELEMENT_H

#include "wafer/Runtime/Float16.h"
#include "wafer/Runtime/Runtime.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace wafer::runtime {

/// IEEE binary16, as its bits.
struct Half {
  uint16_t bits;
};
/// bfloat16, as its bits.
struct BHalf {
  uint16_t bits;
};
/// A bool tensor's byte.
struct Bool8 {
  uint8_t value;
};

/// Storage type S: its compute type and how elements load and store.
template <typename S> struct Elem;
template <> struct Elem<float> {
  using C = float;
  static float load(const float *p) { return *p; }
  static void store(float *p, float v) { *p = v; }
};
template <> struct Elem<double> {
  using C = double;
  static double load(const double *p) { return *p; }
  static void store(double *p, double v) { *p = v; }
};
template <> struct Elem<Half> {
  using C = float;
  static float load(const Half *p) { return halfToFloat(p->bits); }
  static void store(Half *p, float v) { p->bits = floatToHalf(v); }
};
template <> struct Elem<BHalf> {
  using C = float;
  static float load(const BHalf *p) { return bf16ToFloat(p->bits); }
  static void store(BHalf *p, float v) { p->bits = floatToBf16(v); }
};
template <> struct Elem<int64_t> {
  using C = int64_t;
  static int64_t load(const int64_t *p) { return *p; }
  static void store(int64_t *p, int64_t v) { *p = v; }
};
template <> struct Elem<int32_t> {
  using C = int32_t;
  static int32_t load(const int32_t *p) { return *p; }
  static void store(int32_t *p, int32_t v) { *p = v; }
};
template <> struct Elem<Bool8> {
  using C = bool;
  static bool load(const Bool8 *p) { return p->value != 0; }
  static void store(Bool8 *p, bool v) { p->value = v ? 1 : 0; }
};

template <typename S> using ComputeOf = typename Elem<S>::C;

template <typename T> struct TypeTag {
  using type = T;
};

/// Calls f(TypeTag<S>{}) with the storage type of `type`.
template <typename F> decltype(auto) dispatchType(ElementType type, F &&f) {
  switch (type) {
  case ElementType::F32:
    return f(TypeTag<float>{});
  case ElementType::F16:
    return f(TypeTag<Half>{});
  case ElementType::BF16:
    return f(TypeTag<BHalf>{});
  case ElementType::F64:
    return f(TypeTag<double>{});
  case ElementType::I64:
    return f(TypeTag<int64_t>{});
  case ElementType::I32:
    return f(TypeTag<int32_t>{});
  case ElementType::Bool:
    break;
  }
  return f(TypeTag<Bool8>{});
}

inline bool isFloat(ElementType t) {
  return t == ElementType::F32 || t == ElementType::F16 ||
         t == ElementType::BF16 || t == ElementType::F64;
}
inline bool isInteger(ElementType t) {
  return t == ElementType::I64 || t == ElementType::I32;
}

/// Integer arithmetic that wraps instead of overflowing (undefined in C++).
template <typename T> T wrapAdd(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return T(U(a) + U(b));
}
template <typename T> T wrapSub(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return T(U(a) - U(b));
}
template <typename T> T wrapMul(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return T(U(a) * U(b));
}
template <typename T> T wrapNeg(T a) { return wrapSub<T>(T(0), a); }
/// Truncating division; x / 0 is 0 and MIN / -1 wraps to MIN (never a trap).
template <typename T> T safeDiv(T a, T b) {
  if (b == 0)
    return 0;
  if (b == -1)
    return wrapNeg(a);
  return a / b;
}

/// A float converted to an integer as x86's truncating conversion does:
/// toward zero, NaN and out-of-range values give the type's minimum.
template <typename I> I floatToInt(double v) {
  constexpr double lo = double(std::numeric_limits<I>::min());
  constexpr double hi = -lo; // 2^(bits-1), exactly representable
  if (!(v > lo - 1.0 && v < hi))
    return std::numeric_limits<I>::min();
  return I(v);
}

} // namespace wafer::runtime

#endif // WAFER_RUNTIME_ELEMENT_H
