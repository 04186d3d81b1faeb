// The bfloat16 storage type and its conversions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace wafer::kernels {

// Upper 16 bits of an IEEE fp32. A distinct type so that bf16 buffers cannot be
// passed where fp32 ones are expected.
struct BFloat16 {
  uint16_t bits = 0;
};

// Round to nearest even, the rounding VCVTNEPS2BF16 uses; NaN stays NaN.
inline BFloat16 toBFloat16(float value) {
  uint32_t u;
  std::memcpy(&u, &value, sizeof u);
  BFloat16 out;
  if ((u & 0x7fffffffu) > 0x7f800000u) {
    out.bits = static_cast<uint16_t>((u >> 16) | 0x40u);
    return out;
  }
  u += 0x7fffu + ((u >> 16) & 1u);
  out.bits = static_cast<uint16_t>(u >> 16);
  return out;
}

inline float toFloat(BFloat16 value) {
  uint32_t u = static_cast<uint32_t>(value.bits) << 16;
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

void convertToBFloat16(const float *in, BFloat16 *out, size_t count);
void convertToFloat(const BFloat16 *in, float *out, size_t count);

} // namespace wafer::kernels
