//===- FabricOps.h - kernels and streams ------------------------*- C++ -*-===//

#ifndef WAFER_DIALECT_FABRIC_IR_FABRICOPS_H
#define WAFER_DIALECT_FABRIC_IR_FABRICOPS_H

// Generated op headers reference the bytecode interface; it must come first.
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"
#include "wafer/Dialect/Fabric/IR/FabricDialect.h"

#define GET_OP_CLASSES
#include "wafer/Dialect/Fabric/IR/FabricOps.h.inc"

namespace wafer::fabric {

/// The distribution schemes a kernel may use.
llvm::ArrayRef<llvm::StringRef> knownSchemes();

/// Checks the physical rules over a whole module: regions inside the mesh,
/// no overlap within a time slot, per-PE memory summed over the kernels
/// that occupy each PE within SRAM.
mlir::LogicalResult verifyPhysics(mlir::ModuleOp module, TargetAttr target);

/// Checks every routed stream: hops follow links inside the mesh and form a
/// tree from the producer's region that reaches each consumer's; its color
/// is within the budget and not reserved; no two streams of one color enter
/// a router through the same port.
mlir::LogicalResult verifyRoutes(mlir::ModuleOp module, TargetAttr target);

} // namespace wafer::fabric

#endif // WAFER_DIALECT_FABRIC_IR_FABRICOPS_H
