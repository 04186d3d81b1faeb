//===- KernelGraph.h - kernels and the streams between them -----*- C++ -*-===//
//
// The view placement and routing work on: kernels as rectangles, streams as
// edges from one producer kernel to its consumer kernels.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_DIALECT_FABRIC_TRANSFORMS_KERNELGRAPH_H
#define WAFER_LIB_DIALECT_FABRIC_TRANSFORMS_KERNELGRAPH_H

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"

#include <cstdlib>

namespace wafer::fabric {

struct PlacedKernel {
  KernelOp op;
  int64_t x = -1, y = -1, width = 1, height = 1, slot = 0;
  bool placed() const { return x >= 0; }
  /// Twice the centre, so that it stays integral.
  int64_t cx2() const { return 2 * x + width - 1; }
  int64_t cy2() const { return 2 * y + height - 1; }
  bool overlaps(const PlacedKernel &o) const {
    return x < o.x + o.width && o.x < x + width && y < o.y + o.height &&
           o.y < y + height;
  }
};

struct StreamEdge {
  StreamOp op;
  int producer = -1;
  llvm::SmallVector<int> consumers;
  int64_t bytes = 0;
  /// First and last slot the stream is alive in.
  std::pair<int64_t, int64_t> lifetime;
  bool aliveWith(const StreamEdge &o) const {
    return lifetime.first <= o.lifetime.second &&
           o.lifetime.first <= lifetime.second;
  }
};

struct KernelGraph {
  llvm::SmallVector<PlacedKernel> kernels;
  llvm::SmallVector<StreamEdge> streams;
  /// Streams each kernel produces or consumes.
  llvm::SmallVector<llvm::SmallVector<int>> streamsOf;

  static KernelGraph of(mlir::func::FuncOp func);

  /// Manhattan distance in hops between two kernels' centres.
  int64_t distance(int a, int b) const {
    const PlacedKernel &p = kernels[a], &q = kernels[b];
    return (std::llabs(p.cx2() - q.cx2()) + std::llabs(p.cy2() - q.cy2())) / 2;
  }
};

} // namespace wafer::fabric

#endif // WAFER_LIB_DIALECT_FABRIC_TRANSFORMS_KERNELGRAPH_H
