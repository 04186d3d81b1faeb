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

namespace wafer::fabric {

/// A kernel as placement moves it: origin and shape may change before they
/// are written back to the op.
struct PlacedKernel {
  KernelOp op;
  int64_t x = -1, y = -1, width = 1, height = 1, slot = 0;
  bool placed() const { return x >= 0; }
  /// The rectangle at the current origin and shape.
  PlacedRect rect() const { return {x, y, x + width, y + height}; }
  bool overlaps(const PlacedKernel &o) const {
    return rect().overlaps(o.rect());
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

  /// Hops between two kernels' centres.
  int64_t distance(int a, int b) const {
    return centreDistance(kernels[a].rect(), kernels[b].rect());
  }
};

} // namespace wafer::fabric

#endif // WAFER_LIB_DIALECT_FABRIC_TRANSFORMS_KERNELGRAPH_H
