#include "wafer/Kernels/Elementwise.h"

#include "KernelTable.h"

#include <stdexcept>
#include <string>

namespace wafer::kernels {
namespace {

void checkPointers(const char *what, const void *a, const void *b,
                   size_t count) {
  if (count && (!a || !b))
    throw std::invalid_argument(std::string(what) + ": null pointer");
}

} // namespace

void applyActivation(const float *x, float *y, size_t count,
                     Activation activation) {
  checkPointers(activationName(activation), x, y, count);
  if (count)
    detail::vectorKernels(activeIsa()).activation(x, y, count, activation);
}

void gelu(const float *x, float *y, size_t count) {
  applyActivation(x, y, count, Activation::Gelu);
}
void geluTanh(const float *x, float *y, size_t count) {
  applyActivation(x, y, count, Activation::GeluTanh);
}
void silu(const float *x, float *y, size_t count) {
  applyActivation(x, y, count, Activation::Silu);
}

void residualAdd(const float *a, const float *b, float *out, size_t count) {
  checkPointers("residualAdd", a, b, count);
  checkPointers("residualAdd", out, out, count);
  if (count)
    detail::vectorKernels(activeIsa()).residualAdd(a, b, out, count);
}

} // namespace wafer::kernels
