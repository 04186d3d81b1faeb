#include "wafer/Kernels/Norms.h"

#include "KernelTable.h"
#include "wafer/Kernels/CpuFeatures.h"
#include "wafer/Kernels/Parallel.h"

#include <algorithm>

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

// Blocks of rows, a few per thread, once there is enough work.
template <typename F> void forRows(size_t rows, size_t cols, F &&row) {
  const int threads = rows * cols >= kParallelElements && rows > 1
                          ? kernelThreads()
                          : 1;
  const size_t blocks =
      std::min(rows, size_t(threads > 1 ? 4 * threads : 1));
  parallelFor(blocks, threads, [&](size_t b, int) {
    for (size_t r = rows * b / blocks; r < rows * (b + 1) / blocks; ++r)
      row(r);
  });
}

} // namespace

void layerNorm(const float *x, float *y, size_t rows, size_t cols,
               const float *gamma, const float *beta, float eps) {
  checkRows("layerNorm", x, y, rows, cols);
  if (!(eps >= 0.0f))
    throw std::invalid_argument("layerNorm: eps must be >= 0");
  const detail::VectorKernels &vk = detail::vectorKernels(activeIsa());
forRows(rows, cols, [&](size_t r) { vk.layerNormRow(x + r * cols, y + r * cols, cols, gamma, beta, eps); });
}

void rmsNorm(const float *x, float *y, size_t rows, size_t cols,
             const float *gamma, float eps) {
  checkRows("rmsNorm", x, y, rows, cols);
  if (!(eps >= 0.0f))
    throw std::invalid_argument("rmsNorm: eps must be >= 0");
  const detail::VectorKernels &vk = detail::vectorKernels(activeIsa());
forRows(rows, cols, [&](size_t r) { vk.rmsNormRow(x + r * cols, y + r * cols, cols, gamma, eps); });
}

void softmax(const float *x, float *y, size_t rows, size_t cols) {
  checkRows("softmax", x, y, rows, cols);
  const detail::VectorKernels &vk = detail::vectorKernels(activeIsa());
forRows(rows, cols, [&](size_t r) { vk.softmaxRow(x + r * cols, y + r * cols, cols); });
}

} // namespace wafer::kernels
