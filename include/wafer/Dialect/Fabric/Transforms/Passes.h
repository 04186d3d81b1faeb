//===- Passes.h - fabric dialect passes -------------------------*- C++ -*-===//

#ifndef WAFER_DIALECT_FABRIC_TRANSFORMS_PASSES_H
#define WAFER_DIALECT_FABRIC_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace wafer::fabric {

#define GEN_PASS_DECL
#include "wafer/Dialect/Fabric/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "wafer/Dialect/Fabric/Transforms/Passes.h.inc"

} // namespace wafer::fabric

#endif // WAFER_DIALECT_FABRIC_TRANSFORMS_PASSES_H
