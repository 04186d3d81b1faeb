//===- PEOps.h - programs, tasks, vector ops and routes ---------*- C++ -*-===//

#ifndef WAFER_DIALECT_PE_IR_PEOPS_H
#define WAFER_DIALECT_PE_IR_PEOPS_H

// Generated op headers reference the bytecode interface; it must come first.
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"

#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"
#include "wafer/Dialect/PE/IR/PEAttrs.h"
#include "wafer/Dialect/PE/IR/PEDialect.h"

#include <optional>

#define GET_OP_CLASSES
#include "wafer/Dialect/PE/IR/PEOps.h.inc"

namespace wafer::pe {
/// The color a route carries, a data task runs on, or a send or receive
/// uses; nothing for other ops.
std::optional<int64_t> colorOf(mlir::Operation *op);
} // namespace wafer::pe

#endif // WAFER_DIALECT_PE_IR_PEOPS_H
