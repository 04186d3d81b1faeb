// Rotary position embedding (RoPE), rotating-half convention (GPT-NeoX/Llama):
// for i < rotaryDim/2, the pair (x[i], x[i + rotaryDim/2]) at position p is
// rotated by angle p * base^(-2i/rotaryDim). Dimensions >= rotaryDim are left
// unchanged.
#pragma once

#include <cstddef>

namespace wafer::kernels {

// x: [rows, seq, headDim] (e.g. Q or K as [batch * heads, seq, headDim]),
// modified in place; sequence index s has position positionOffset + s.
// rotaryDim must be even and <= headDim (0 means headDim).
void rotaryEmbedding(float *x, size_t rows, size_t seq, size_t headDim,
                     size_t positionOffset, float base = 10000.0f,
                     size_t rotaryDim = 0);

} // namespace wafer::kernels
