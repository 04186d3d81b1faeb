#include "wafer/Kernels/Norms.h"

#include "KernelTable.h"

#include <stdexcept>
#include <string>

namespace wafer::kernels {
namespace {

void checkRows(const char *what, const float *x, const float *y, size_t rows,
               size_t cols) {
  if (!x || !y)
    throw std::invalid_argument(std::string(what) + ": null pointer");
  if (rows == 0 || cols == 0)
    throw std::invalid_argument(std::string(what) +
                                ": rows and cols must be >= 1");
}

// Rows are independent; split them across threads once there is enough work
// to pay for the fork/join.
constexpr size_t kParallelElements = 1 << 16;

} // namespace

void layerNorm(const float *x, float *y, size_t rows, size_t cols,
               const float *gamma, const float *beta, float eps) {
  checkRows("layerNorm", x, y, rows, cols);
  if (!(eps >= 0.0f))
    throw std::invalid_argument("layerNorm: eps must be >= 0");
  const detail::VectorKernels &vk = detail::vectorKernels(activeIsa());
#pragma omp parallel for num_threads(kernelThreads()) if (rows * cols >= kParallelElements && rows > 1)
  for (size_t r = 0; r < rows; ++r)
    vk.layerNormRow(x + r * cols, y + r * cols, cols, gamma, beta, eps);
}

void rmsNorm(const float *x, float *y, size_t rows, size_t cols,
             const float *gamma, float eps) {
  checkRows("rmsNorm", x, y, rows, cols);
  if (!(eps >= 0.0f))
    throw std::invalid_argument("rmsNorm: eps must be >= 0");
  const detail::VectorKernels &vk = detail::vectorKernels(activeIsa());
#pragma omp parallel for num_threads(kernelThreads()) if (rows * cols >= kParallelElements && rows > 1)
  for (size_t r = 0; r < rows; ++r)
    vk.rmsNormRow(x + r * cols, y + r * cols, cols, gamma, eps);
}

void softmax(const float *x, float *y, size_t rows, size_t cols) {
  checkRows("softmax", x, y, rows, cols);
  const detail::VectorKernels &vk = detail::vectorKernels(activeIsa());
#pragma omp parallel for num_threads(kernelThreads()) if (rows * cols >= kParallelElements && rows > 1)
  for (size_t r = 0; r < rows; ++r)
    vk.softmaxRow(x + r * cols, y + r * cols, cols);
}

} // namespace wafer::kernels
