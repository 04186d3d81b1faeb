// C = A * B (+ bias, + activation) with B pre-packed into a reusable handle.
//
// A is M x K row-major, C is M x N row-major. The weights B are given either as
// K x N row-major (WeightLayout::KN) or as N x K row-major (WeightLayout::NK,
// the layout of a PyTorch Linear weight); both pack into the same handle.
#pragma once

#include "wafer/Kernels/Activation.h"
#include "wafer/Kernels/BFloat16.h"
#include "wafer/Kernels/CpuFeatures.h"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace wafer::kernels {

enum class WeightLayout { KN, NK };
enum class ElementType { F32, BF16 };

const char *elementTypeName(ElementType type);

// Weights packed once for the microkernel of the dispatch path that was active
// when packing; every later call runs that path's microkernel, so a handle is
// safe to share across threads and calls. Move-only.
class PackedWeights {
public:
  PackedWeights();
  ~PackedWeights();
  PackedWeights(PackedWeights &&) noexcept;
  PackedWeights &operator=(PackedWeights &&) noexcept;

  // storage == BF16 rounds fp32 weights to bf16 (round to nearest even).
  static PackedWeights pack(const float *weights, size_t K, size_t N,
                            WeightLayout layout,
                            ElementType storage = ElementType::F32);
  static PackedWeights pack(const BFloat16 *weights, size_t K, size_t N,
                            WeightLayout layout);

  // Packs fp32 weights into this handle for the active path, keeping its
  // buffer when it is large enough: for a right-hand side computed on every
  // call (attention scores times values), so that repeated products do not
  // allocate. Not safe while another thread uses the handle.
  void repack(const float *weights, size_t K, size_t N, WeightLayout layout);

  bool empty() const;
  size_t rows() const;      // K
  size_t columns() const;   // N
  ElementType elementType() const;
  Isa isa() const;          // the path the weights were packed for
  size_t panelWidth() const; // NR: columns per packed panel
  size_t bytes() const;      // size of the packed buffer

  struct Data;
  const Data &data() const;

private:
  std::unique_ptr<Data> data_;
};

struct GemmEpilogue {
  const float *bias = nullptr; // N values added to every row, or null
  Activation activation = Activation::None;
};

// C[M x N] = A[M x K] * B (+ epilogue). K is weights.rows(). With an fp32
// handle A must be fp32; with a bf16 handle A may be fp32 (rounded to bf16
// while packing) or bf16. Accumulation is always fp32. M == 1 runs the GEMV
// kernel (Gemv.h) (fp32 A is still rounded to bf16 first for a bf16 handle, so results
// do not depend on M). Throws std::invalid_argument on null pointers, M == 0, or an empty
// handle.
void gemm(const float *A, size_t M, const PackedWeights &weights, float *C,
          const GemmEpilogue &epilogue = {});
void gemm(const BFloat16 *A, size_t M, const PackedWeights &weights, float *C,
          const GemmEpilogue &epilogue = {});

// One-shot convenience: packs B then multiplies. Prefer the handle in loops.
void gemm(const float *A, const float *B, float *C, size_t M, size_t N,
          size_t K, WeightLayout layout = WeightLayout::KN,
          const GemmEpilogue &epilogue = {});

} // namespace wafer::kernels
