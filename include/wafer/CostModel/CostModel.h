//===- CostModel.h - cycles and memory of kernels on a wafer ----*- C++ -*-===//
//
// An analytical model of one kernel on a rectangle of PEs: compute (FMACs
// per cycle), the PE memory port, communication (hops x latency + bytes /
// link width), reduction-tree depth and pipeline fill; and the SRAM each PE
// needs. MLIR-free so that the runtime can use it too. The formulas and
// their sources are in docs/cost-model.md.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_COSTMODEL_COSTMODEL_H
#define WAFER_COSTMODEL_COSTMODEL_H

#include <cstdint>
#include <string>
#include <vector>

namespace wafer::cost {

/// Element types of weights and activations the model distinguishes.
enum class DType { F32, F16, BF16 };
int64_t bytesOf(DType t);

/// The machine, as the cost model sees it (from #fabric.target).
struct Machine {
  int64_t width = 0, height = 0;
  int64_t dataBytes = 0; ///< SRAM per PE left for data after code
  double clockHz = 0;
  int64_t linkBytesPerCycle = 4;
  int64_t hopLatencyCycles = 1;
  int64_t fmacF32 = 1, fmacF16 = 4, fmacF16F32 = 2;
  int64_t memReadBytesPerCycle = 8, memWriteBytesPerCycle = 4;

  /// FMACs one PE sustains per cycle on `t` inputs: the datapath's rate
  /// (fp32, or fp16/bf16 in with fp32 accumulate), capped by the memory
  /// port, through which the stationary operand (weights, keys) streams
  /// while partial sums stay in registers and the moving operand arrives
  /// from the fabric.
  double fmacRate(DType t) const;
  /// Elementwise results one PE produces per cycle, `opsPerElement` vector
  /// instructions each (each reads and writes an element through the port).
  double elementRate(DType t, int opsPerElement) const;
};

/// A rectangle of PEs.
struct Region {
  int64_t width = 1, height = 1;
  int64_t pes() const { return width * height; }
};

/// Cycles and bytes of one kernel on one region.
struct KernelCost {
  double computeCycles = 0; ///< arithmetic, at the memory-port-capped rate
  double commCycles = 0;    ///< operand movement (broadcasts, shifts)
  double reduceCycles = 0;  ///< reduction trees
  double fillCycles = 0;    ///< first data in, last data out
  int64_t weightBytes = 0;  ///< per PE: the weight or KV-cache shard
  int64_t bufferBytes = 0;  ///< per PE: activation blocks, double-buffered
  std::vector<int64_t> blocks; ///< per-PE block shape of the scheme

  double cycles() const;
  int64_t peBytes() const { return weightBytes + bufferBytes; }
};

/// "12.0 KiB", "1.50 GiB": sizes for people.
std::string formatBytes(double bytes);

/// ceil(log2(n)) for n >= 1: the depth of a binary reduction tree.
int64_t treeDepth(int64_t n);
int64_t ceilDiv(int64_t a, int64_t b);

/// MeshGEMV (decode, M = 1): y[N] = x[K] W[K, N]. W is 2-D blocked,
/// K over the region's height and N over its width; x is broadcast along
/// the rows, partial sums reduce up each column by a binary tree.
KernelCost gemv(const Machine &m, Region r, int64_t k, int64_t n, DType t);

/// MeshGEMM (prefill, M > 1): C[M, N] = A[M, K] W[K, N] with W stationary in
/// (K/h x N/w) blocks and A shifted around an interleaved ring (each shift
/// at most 2 hops), one step per PE along the longer side, shifts
/// overlapped with compute.
KernelCost gemm(const Machine &m, Region r, int64_t mRows, int64_t k,
                int64_t n, DType t);

/// Row-wise reductions (layer_norm: 2 passes, rms_norm: 1, softmax: 2) of
/// [rows, cols]: rows over the height, cols over the width, a binary tree
/// along each row and a broadcast back per pass.
KernelCost rowReduce(const Machine &m, Region r, int64_t rows, int64_t cols,
                     int passes, int opsPerElement, DType t);

/// Elementwise work in the producer's layout.
KernelCost elementwise(const Machine &m, Region r, int64_t elements,
                       int opsPerElement, DType t);

/// Attention with the KV cache sharded over the region: `queries` query
/// positions of `qHeads` heads against `keys` cached positions of `kvHeads`
/// heads of width `headDim`. q is broadcast to every PE, each scores its
/// keys, and softmax statistics and weighted values reduce over a tree.
KernelCost attention(const Machine &m, Region r, int64_t batch, int64_t qHeads,
                     int64_t kvHeads, int64_t queries, int64_t keys,
                     int64_t headDim, DType t);

/// Embedding lookup: the table's rows sharded over the region; each token's
/// row travels from its owner to the region's edge.
KernelCost gather(const Machine &m, Region r, int64_t tokens, int64_t rows,
                  int64_t rowElements, DType t);

} // namespace wafer::cost

#endif // WAFER_COSTMODEL_COSTMODEL_H
