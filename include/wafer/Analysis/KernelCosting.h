//===- KernelCosting.h - cost model applied to fabric kernels ---*- C++ -*-===//
//
// Bridges the MLIR-free cost model and the IR: what a group of graph ops
// costs on a region of a #fabric.target, and what a stream costs.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_ANALYSIS_KERNELCOSTING_H
#define WAFER_ANALYSIS_KERNELCOSTING_H

#include "wafer/CostModel/CostModel.h"
#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"

#include "mlir/IR/Operation.h"

#include <optional>

namespace wafer::fabric {

cost::Machine machineOf(TargetAttr target);

/// What one kernel computes: its anchor op (matmul, attention, norm, ...)
/// and the elementwise and layout ops folded into it.
struct KernelWork {
  mlir::Operation *anchor = nullptr;
  llvm::SmallVector<mlir::Operation *> ops; ///< in program order
  KernelScheme scheme = KernelScheme::elementwise;

  /// Cost of the whole group on `region`.
  cost::KernelCost costOn(const cost::Machine &m, cost::Region region) const;
};

/// The scheme an anchor op runs with.
KernelScheme schemeFor(mlir::Operation *anchor);

/// A concat that only appends this step's keys or values to a KV cache for
/// attention (and may hand the cache back as a model output): it belongs
/// with the attention, which keeps the cache resident and writes the new
/// entries in place.
bool isCacheAppend(mlir::Operation *op);

/// Ops that give a kernel its scheme (matmul, attention, norms, ...);
/// everything else joins the kernel of its producer.
bool isAnchorOp(mlir::Operation *op);

class KernelOp;
/// The cost of a formed kernel (its body's graph ops) on `region`; none
/// when the body holds no graph op.
std::optional<cost::KernelCost> costKernel(KernelOp kernel,
                                           const cost::Machine &m,
                                           cost::Region region);

/// Bytes a value carries per step.
int64_t bytesOf(mlir::Value v);

/// Cycles to move `bytes` between two regions `hops` apart over `lanes`
/// parallel links (the rows or columns where the regions meet).
double streamCycles(const cost::Machine &m, int64_t bytes, int64_t hops,
                    int64_t lanes);

} // namespace wafer::fabric

#endif // WAFER_ANALYSIS_KERNELCOSTING_H
