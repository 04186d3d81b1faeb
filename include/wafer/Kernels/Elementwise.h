// Vectorized elementwise kernels. In place (out == in) is allowed everywhere.
#pragma once

#include "wafer/Kernels/Activation.h"

#include <cstddef>

namespace wafer::kernels {

void gelu(const float *x, float *y, size_t count);     // erf form
void geluTanh(const float *x, float *y, size_t count); // tanh approximation
void silu(const float *x, float *y, size_t count);
void applyActivation(const float *x, float *y, size_t count,
                     Activation activation);

// out = a + b
void residualAdd(const float *a, const float *b, float *out, size_t count);

} // namespace wafer::kernels
