// Row-wise normalizations over the last dimension of a [rows, cols] tensor.
#pragma once

#include <cstddef>

namespace wafer::kernels {

// y = (x - mean) / sqrt(var + eps) * gamma + beta; gamma/beta may be null
// (meaning 1 and 0). In place (y == x) is allowed.
void layerNorm(const float *x, float *y, size_t rows, size_t cols,
               const float *gamma, const float *beta, float eps = 1e-5f);

// y = x / sqrt(mean(x^2) + eps) * gamma; gamma may be null.
void rmsNorm(const float *x, float *y, size_t rows, size_t cols,
             const float *gamma, float eps = 1e-6f);

// Numerically stable softmax of each row. In place allowed.
void softmax(const float *x, float *y, size_t rows, size_t cols);

} // namespace wafer::kernels
