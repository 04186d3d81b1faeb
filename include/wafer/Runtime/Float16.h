//===- Float16.h - f16 and bf16 conversions ---------------------*- C++ -*-===//
//
// The runtime's conversions between f32 and the 16-bit float types, as bits:
// to f32 exactly, from f32 rounding to nearest even (overflow to infinity,
// NaN stays NaN). wafer-run converts .npy inputs and outputs with them.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_RUNTIME_FLOAT16_H
#define WAFER_RUNTIME_FLOAT16_H

#include "wafer/Kernels/BFloat16.h"

#include <cstdint>
#include <cstring>

namespace wafer::runtime {

inline float halfToFloat(uint16_t h) {
  uint32_t sign = uint32_t(h & 0x8000u) << 16;
  uint32_t exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu;
  uint32_t bits;
  if (exponent == 0) {
    // Zero or subnormal: mantissa * 2^-24, exact in f32.
    float f = float(mantissa) * 5.9604644775390625e-8f;
    std::memcpy(&bits, &f, 4);
    bits |= sign;
  } else if (exponent == 31) {
    bits = sign | 0x7f800000u | (mantissa << 13);
  } else {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  }
  float out;
  std::memcpy(&out, &bits, 4);
  return out;
}

/// Round to nearest even; overflow gives infinity, NaN stays NaN.
inline uint16_t floatToHalf(float value) {
  uint32_t x;
  std::memcpy(&x, &value, 4);
  uint16_t sign = uint16_t((x >> 16) & 0x8000u);
  x &= 0x7fffffffu;
  if (x >= 0x47800000u) // 65536 or more: infinity, or NaN
    return sign | (x > 0x7f800000u ? 0x7e00u : 0x7c00u);
  if (x < 0x38800000u) {
    // Subnormal or zero: let the FPU round, adding 0.5 puts the bits
    // where the half's mantissa is.
    float f;
    std::memcpy(&f, &x, 4);
    f += 0.5f;
    uint32_t y;
    std::memcpy(&y, &f, 4);
    return sign | uint16_t(y - 0x3f000000u);
  }
  uint32_t odd = (x >> 13) & 1u;
  x += (uint32_t(15 - 127) << 23) + 0xfffu + odd;
  return sign | uint16_t(x >> 13);
}

inline float bf16ToFloat(uint16_t b) {
  return kernels::toFloat(kernels::BFloat16{b});
}
inline uint16_t floatToBf16(float f) { return kernels::toBFloat16(f).bits; }

} // namespace wafer::runtime

#endif // WAFER_RUNTIME_FLOAT16_H
