//===- PeDesignEmitter.h - the pe dialect as the PE-DESIGN section -*- C++ -*-===//

#ifndef WAFER_LIB_TARGET_WFB_PEDESIGNEMITTER_H
#define WAFER_LIB_TARGET_WFB_PEDESIGNEMITTER_H

#include "wafer/Binary/wfb.pb.h"
#include "wafer/Dialect/PE/IR/PEOps.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

namespace wafer {

/// Stores a verified, allocated pe.design: every buffer needs an address
/// (an error names the first that has none: run pe-allocate), and a
/// program's `for @kernel` must name a kernel of `manifest` in the
/// program's slot (it is stored as the kernel's index).
/// Each fabric kernel's constants (its body's graph.constant ops in order)
/// as manifest tensors: what pe.weight's index names.
using KernelConstants = llvm::StringMap<llvm::SmallVector<int32_t>>;

mlir::LogicalResult emitPeDesign(pe::DesignOp design,
                                 const wfb::Manifest &manifest,
                                 const KernelConstants &constants,
                                 wfb::PeDesign &out);

} // namespace wafer

#endif // WAFER_LIB_TARGET_WFB_PEDESIGNEMITTER_H
