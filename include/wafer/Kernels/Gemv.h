// GEMV, the decode case (M = 1) of the GEMM: y[N] = x[K] * B (+ epilogue).
#pragma once

#include "wafer/Kernels/Gemm.h"

namespace wafer::kernels {

// Streams the packed weights once, so it is bound by memory bandwidth. x stays
// fp32 even with a bf16 handle (gemm() with M == 1 rounds it first, for results
// that do not depend on M). Throws std::invalid_argument on null pointers or an
// empty handle.
void gemv(const float *x, const PackedWeights &weights, float *y,
          const GemmEpilogue &epilogue = {});

} // namespace wafer::kernels
