//===- Passes.h - pe dialect passes -----------------------------*- C++ -*-===//

#ifndef WAFER_DIALECT_PE_TRANSFORMS_PASSES_H
#define WAFER_DIALECT_PE_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace wafer::pe {

#define GEN_PASS_DECL
#include "wafer/Dialect/PE/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "wafer/Dialect/PE/Transforms/Passes.h.inc"

} // namespace wafer::pe

#endif // WAFER_DIALECT_PE_TRANSFORMS_PASSES_H
