// GEMV (M = 1): every packed weight is used once, so the kernel is a single
// sequential pass over the panels, split into contiguous ranges per thread to
// keep one prefetch stream per core.
#include "wafer/Kernels/Gemv.h"
#include "wafer/Kernels/CpuFeatures.h"

#include "GemmPacking.h"
#include "KernelTable.h"
#include "wafer/Kernels/Parallel.h"
#include "PackedWeightsData.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace wafer::kernels {

void gemv(const float *x, const PackedWeights &weights, float *y,
          const GemmEpilogue &epilogue) {
  if (weights.empty())
    throw std::invalid_argument("gemv: empty PackedWeights handle");
  if (!x || !y)
    throw std::invalid_argument("gemv: null x or y");
  const PackedWeights::Data &w = weights.data();
  const detail::VectorKernels &vk = detail::vectorKernels(w.isa);
  const size_t nr = w.nr, N = w.N, K = w.K;
  const bool bf16 = w.type == ElementType::BF16;
  if (nr > 64)
    throw std::logic_error("gemv: panel width above 64 is not supported");
  // Below ~256 KiB of weights the fork/join costs more than it saves.
  const int threads =
      weights.bytes() < (256u << 10) ? 1 : std::max(1, kernelThreads());

  // A few contiguous chunks per thread, handed out dynamically: each chunk is
  // one sequential stream for the prefetchers, and a thread slowed by other
  // work on the machine does not hold the others up.
  const size_t chunks =
      threads > 1 ? std::min(w.panelCount, size_t{4} * threads) : 1;
  const bool prefetch = streamSoftwarePrefetch();
  auto runPanels = [&](size_t first, size_t count, float *out) {
    if (bf16)
      vk.gemvBf16(x, K, w.bf16Panels() + first * w.kSteps * nr, nr, count, out,
                  prefetch);
    else
      vk.gemvF32(x, K, w.f32Panels() + first * w.kSteps * nr, nr, count, out,
                 prefetch);
  };

  parallelFor(chunks, threads, [&](size_t chunk, int) {
    const size_t p0 = w.panelCount * chunk / chunks;
    const size_t p1 = w.panelCount * (chunk + 1) / chunks;
    // The last panel may be partial; it goes through a scratch row.
    const size_t fullEnd = std::min(p1, N / nr);
    if (fullEnd > p0)
      runPanels(p0, fullEnd - p0, y + p0 * nr);
    if (p1 > fullEnd && p1 > p0) {
      float tail[64];
      const size_t first = std::max(fullEnd, p0);
      runPanels(first, 1, tail);
      std::copy(tail, tail + (N - first * nr), y + first * nr);
    }
    if (epilogue.bias || epilogue.activation != Activation::None) {
      const size_t c0 = std::min(N, p0 * nr), c1 = std::min(N, p1 * nr);
      if (c1 > c0)
        vk.biasActivation(y + c0, c1 - c0,
                          epilogue.bias ? epilogue.bias + c0 : nullptr,
                          epilogue.activation);
    }
  });

}

} // namespace wafer::kernels
