#include "wafer/Kernels/BFloat16.h"

#include "KernelTable.h"

#include <stdexcept>

namespace wafer::kernels {

void convertToBFloat16(const float *in, BFloat16 *out, size_t count) {
  if (count && (!in || !out))
    throw std::invalid_argument("convertToBFloat16: null pointer");
  static_assert(sizeof(BFloat16) == sizeof(uint16_t));
  detail::vectorKernels(activeIsa())
      .toBFloat16(in, reinterpret_cast<uint16_t *>(out), count);
}

void convertToFloat(const BFloat16 *in, float *out, size_t count) {
  if (count && (!in || !out))
    throw std::invalid_argument("convertToFloat: null pointer");
  for (size_t i = 0; i < count; ++i)
    out[i] = toFloat(in[i]);
}

} // namespace wafer::kernels
