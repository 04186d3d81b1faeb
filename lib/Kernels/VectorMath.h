// Internal: branch-free float approximations of exp, erf and tanh written so
// that GCC auto-vectorizes loops calling them (libm calls block vectorization
// without -ffast-math). Included by the per-ISA kernel files, so each copy is
// compiled with that ISA's flags. Relative error ~2e-7 for exp.
#pragma once

#include <cstdint>
#include <cstring>

namespace wafer::kernels::detail {

// __builtin_bit_cast rather than memcpy: GCC 12 does not vectorize loops in
// which a memcpy-based cast feeds an accumulator.
static inline float bitsToFloat(uint32_t u) {
  return __builtin_bit_cast(float, u);
}
static inline uint32_t floatToBits(float f) {
  return __builtin_bit_cast(uint32_t, f);
}

// Cephes-style: exp(x) = 2^n * exp(r), |r| <= ln2/2. Inputs below ~-87.6
// (including -inf) give exactly 0, which the masked softmax relies on.
static inline float expApprox(float x) {
  x = x < -88.0f ? -88.0f : x;
  x = x > 88.0f ? 88.0f : x;
  const float t = x * 1.44269504088896341f;
  // Round to nearest without libm: adding 1.5 * 2^23 pushes the fraction out.
  const float n = (t + 12582912.0f) - 12582912.0f;
  const float r = (x - n * 0.693359375f) + n * 2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  const int32_t biased = static_cast<int32_t>(n) + 127;
  // biased == 0 encodes 0.0f: underflow flushes to zero.
  return p * bitsToFloat(static_cast<uint32_t>(biased) << 23);
}

// erf via Abramowitz & Stegun 7.1.26 (|error| <= 1.5e-7).
static inline float erfApprox(float x) {
  const float sign = x < 0.0f ? -1.0f : 1.0f;
  const float a = x < 0.0f ? -x : x;
  const float t = 1.0f / (1.0f + 0.3275911f * a);
  float poly = 1.061405429f;
  poly = poly * t - 1.453152027f;
  poly = poly * t + 1.421413741f;
  poly = poly * t - 0.284496736f;
  poly = poly * t + 0.254829592f;
  poly *= t;
  return sign * (1.0f - poly * expApprox(-a * a));
}

static inline float tanhApprox(float x) {
  // 1 - 2 / (e^{2x} + 1): saturates correctly at both ends.
  return 1.0f - 2.0f / (expApprox(2.0f * x) + 1.0f);
}

static inline float sigmoidApprox(float x) { return 1.0f / (1.0f + expApprox(-x)); }

static inline float geluErf(float x) {
  return 0.5f * x * (1.0f + erfApprox(x * 0.70710678118654752f));
}
static inline float geluTanhForm(float x) {
  const float inner = 0.79788456080286536f * (x + 0.044715f * x * x * x);
  return 0.5f * x * (1.0f + tanhApprox(inner));
}
static inline float siluApprox(float x) { return x * sigmoidApprox(x); }

} // namespace wafer::kernels::detail
