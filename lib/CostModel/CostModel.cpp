//===- CostModel.cpp - cycles and memory of kernels on a wafer ------------===//

#include "wafer/CostModel/CostModel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace wafer::cost {

namespace {
/// Partial sums and softmax statistics are kept in fp32.
constexpr int64_t kAccumulatorBytes = 4;
} // namespace

std::string formatBytes(double bytes) {
  static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int unit = 0;
  while (bytes >= 1024 && unit < 4) {
    bytes /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit ? "%.2f %s" : "%.0f %s", bytes,
                units[unit]);
  return text;
}

int64_t bytesOf(DType t) { return t == DType::F32 ? 4 : 2; }

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

int64_t treeDepth(int64_t n) {
  int64_t depth = 0;
  for (int64_t span = 1; span < n; span *= 2)
    ++depth;
  return depth;
}

double Machine::fmacRate(DType t) const {
  double datapath = t == DType::F32 ? fmacF32 : fmacF16F32;
  return std::min(datapath, double(memReadBytesPerCycle) / bytesOf(t));
}

double Machine::elementRate(DType t, int opsPerElement) const {
  double perOp = std::min(double(memReadBytesPerCycle) / bytesOf(t),
                          double(memWriteBytesPerCycle) / bytesOf(t));
  return perOp / std::max(opsPerElement, 1);
}

double KernelCost::cycles() const {
  // Compute overlaps operand movement (double-buffered); trees and fill do
  // not overlap the arithmetic they wait for.
  return std::max(computeCycles, commCycles) + reduceCycles + fillCycles;
}

/// Cycles to move `bytes` over `hops` links, streamed (wormhole): the
/// latency of the path plus the bytes through one link.
static double transfer(const Machine &m, double bytes, int64_t hops) {
  return hops * m.hopLatencyCycles + bytes / m.linkBytesPerCycle;
}

/// A pipelined binary-tree reduction of `bytes` per PE over `depth` levels
/// spanning `hops` in all: the data streams through once, each level adds a
/// receive-add-send step (2 T_R + 1 with T_R = 1 cycle, as in the HPDC'24
/// wafer-scale reduce model) and the path's hop latency.
static double treeReduce(const Machine &m, double bytes, int64_t depth,
                         int64_t hops) {
  if (depth == 0)
    return 0;
  return bytes / m.linkBytesPerCycle + 3.0 * depth +
         double(hops) * m.hopLatencyCycles;
}

KernelCost gemv(const Machine &m, Region r, int64_t k, int64_t n, DType t) {
  KernelCost c;
  int64_t kBlock = ceilDiv(k, r.height), nBlock = ceilDiv(n, r.width);
  c.blocks = {1, kBlock, nBlock};
  c.computeCycles = double(kBlock) * nBlock / m.fmacRate(t);
  // x's slice for a row of PEs streams across it.
  c.fillCycles = transfer(m, double(kBlock) * bytesOf(t), r.width - 1);
  // Binary tree up each column.
  c.reduceCycles = treeReduce(m, double(nBlock) * kAccumulatorBytes,
                              treeDepth(r.height), r.height - 1);
  c.weightBytes = kBlock * nBlock * bytesOf(t);
  c.bufferBytes = 2 * kBlock * bytesOf(t) + nBlock * kAccumulatorBytes;
  return c;
}

KernelCost gemm(const Machine &m, Region r, int64_t mRows, int64_t k,
                int64_t n, DType t) {
  KernelCost c;
  int64_t mBlock = ceilDiv(mRows, r.height), kBlock = ceilDiv(k, r.width);
  int64_t nBlock = ceilDiv(n, r.width);
  int64_t steps = std::max(r.width, r.height);
  c.blocks = {mBlock, kBlock, nBlock};
  c.computeCycles =
      double(mRows) * k * n / double(r.pes()) / m.fmacRate(t);
  double shiftBytes = double(mBlock) * kBlock * bytesOf(t);
  c.commCycles = steps * transfer(m, shiftBytes, 2);
  // The first block arrives before compute starts; results leave at the end.
  c.fillCycles = transfer(m, shiftBytes, 2) +
                 transfer(m, double(mBlock) * nBlock * bytesOf(t),
                          r.width - 1);
  c.weightBytes = ceilDiv(k, r.height) * nBlock * bytesOf(t);
  c.bufferBytes = 2 * mBlock * kBlock * bytesOf(t) +
                  mBlock * nBlock * kAccumulatorBytes;
  return c;
}

KernelCost rowReduce(const Machine &m, Region r, int64_t rows, int64_t cols,
                     int passes, int opsPerElement, DType t) {
  KernelCost c;
  int64_t rowBlock = ceilDiv(rows, r.height), colBlock = ceilDiv(cols, r.width);
  c.blocks = {rowBlock, colBlock};
  c.computeCycles = double(rowBlock) * colBlock /
                    m.elementRate(t, opsPerElement + passes);
  // Each pass: a tree along the row, then the statistic back along it.
  double statBytes = double(rowBlock) * kAccumulatorBytes;
  if (r.width > 1)
    c.reduceCycles =
        passes * (treeReduce(m, statBytes, treeDepth(r.width), r.width - 1) +
                  transfer(m, statBytes, r.width - 1));
  c.bufferBytes = 2 * rowBlock * colBlock * bytesOf(t) +
                  2 * colBlock * bytesOf(t); // scale and bias slices
  return c;
}

KernelCost elementwise(const Machine &m, Region r, int64_t elements,
                       int opsPerElement, DType t) {
  KernelCost c;
  int64_t block = ceilDiv(elements, r.pes());
  c.blocks = {block};
  c.computeCycles = double(block) / m.elementRate(t, opsPerElement);
  c.bufferBytes = 2 * block * bytesOf(t);
  return c;
}

KernelCost attention(const Machine &m, Region r, int64_t batch,
                     int64_t qHeads, int64_t kvHeads, int64_t queries,
                     int64_t keys, int64_t headDim, DType t) {
  KernelCost c;
  // The cache is sharded by (position, KV head): each PE scores its keys
  // for the query heads that share them.
  int64_t units = ceilDiv(batch * keys * kvHeads, r.pes());
  int64_t groupSize = std::max<int64_t>(qHeads / std::max<int64_t>(kvHeads, 1), 1);
  c.blocks = {units, groupSize, queries, headDim};
  // Scores and weighted values: 2 FMACs per (query, key, feature, head).
  double fmacs = 2.0 * units * groupSize * queries * headDim;
  c.computeCycles = fmacs / m.fmacRate(t) +
                    double(units) * groupSize * queries /
                        m.elementRate(t, /*exp and scale*/ 2);
  double qBytes = double(batch) * qHeads * queries * headDim * bytesOf(t);
  c.fillCycles = transfer(m, qBytes, r.width + r.height - 2);
  // Max, sum and the weighted values reduce over the whole region.
  double partial = double(batch) * qHeads * queries * (headDim + 2) *
                   kAccumulatorBytes;
  c.reduceCycles = treeReduce(m, partial,
                              treeDepth(r.width) + treeDepth(r.height),
                              r.width + r.height - 2);
  c.weightBytes = 2 * units * headDim * bytesOf(t);
  // Each PE keeps the queries of its group and their partial results.
  c.bufferBytes = groupSize * queries * headDim *
                  (bytesOf(t) + kAccumulatorBytes);
  return c;
}

KernelCost gather(const Machine &m, Region r, int64_t tokens, int64_t rows,
                  int64_t rowElements, DType t) {
  KernelCost c;
  // The table is spread element-wise, so each row lies on a run of PEs
  // that send their pieces in parallel.
  int64_t perPE = ceilDiv(rows * rowElements, r.pes());
  int64_t peersPerRow = std::max<int64_t>(ceilDiv(rowElements, perPE), 1);
  c.blocks = {perPE};
  double rowBytes = double(rowElements) * bytesOf(t);
  c.commCycles = tokens * rowBytes / (m.linkBytesPerCycle *
                                      std::min(peersPerRow, r.height));
  c.fillCycles = (r.width + r.height - 2) * m.hopLatencyCycles;
  c.weightBytes = perPE * bytesOf(t);
  c.bufferBytes = int64_t(rowBytes) / std::min(peersPerRow, r.height);
  return c;
}

} // namespace wafer::cost
