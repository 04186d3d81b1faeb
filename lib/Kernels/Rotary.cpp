#include "wafer/Kernels/Rotary.h"

#include "KernelTable.h"
#include "wafer/Kernels/Parallel.h"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace wafer::kernels {

void rotaryEmbedding(float *x, size_t rows, size_t seq, size_t headDim,
                     size_t positionOffset, float base, size_t rotaryDim) {
  if (!x)
    throw std::invalid_argument("rotaryEmbedding: null pointer");
  if (rows == 0 || seq == 0 || headDim == 0)
    throw std::invalid_argument("rotaryEmbedding: sizes must be >= 1");
  if (rotaryDim == 0)
    rotaryDim = headDim;
  if (rotaryDim % 2 != 0 || rotaryDim > headDim)
    throw std::invalid_argument(
        "rotaryEmbedding: rotaryDim must be even and <= headDim");
  if (!(base > 0.0f))
    throw std::invalid_argument("rotaryEmbedding: base must be > 0");
  const size_t half = rotaryDim / 2;
  // The angle table is shared by all rows; computing it in double keeps the
  // large-position angles accurate.
  std::vector<float> cosines(seq * half), sines(seq * half);
  for (size_t s = 0; s < seq; ++s)
    for (size_t i = 0; i < half; ++i) {
      const double inverseFrequency =
          std::pow(static_cast<double>(base),
                   -2.0 * static_cast<double>(i) / static_cast<double>(rotaryDim));
      const double angle =
          static_cast<double>(positionOffset + s) * inverseFrequency;
      cosines[s * half + i] = static_cast<float>(std::cos(angle));
      sines[s * half + i] = static_cast<float>(std::sin(angle));
    }
  const detail::VectorKernels &vk = detail::vectorKernels(activeIsa());
  const int threads =
      rows * seq * headDim >= (1u << 16) && rows > 1 ? kernelThreads() : 1;
  parallelFor(rows, threads, [&](size_t r, int) {
    for (size_t s = 0; s < seq; ++s)
      vk.rotatePairs(x + (r * seq + s) * headDim, half,
                     cosines.data() + s * half, sines.data() + s * half);
  });
}

} // namespace wafer::kernels
