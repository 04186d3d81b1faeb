// Internal: the contents of a PackedWeights handle.
#pragma once

#include "AlignedBuffer.h"
#include "wafer/Kernels/Gemm.h"

#include <cstdint>

namespace wafer::kernels {

struct PackedWeights::Data {
  ElementType type = ElementType::F32;
  Isa isa = Isa::Portable;
  size_t K = 0;
  size_t N = 0;
  size_t nr = 0;
  size_t kSteps = 0;     // K for fp32, ceil(K / 2) for bf16 pairs
  size_t panelCount = 0; // ceil(N / nr)
  // fp32 values or bf16 pairs; both 4 bytes per item.
  detail::AlignedBuffer<uint32_t> panels;

  const float *f32Panels() const {
    return reinterpret_cast<const float *>(panels.data());
  }
  const uint32_t *bf16Panels() const { return panels.data(); }
};

} // namespace wafer::kernels
