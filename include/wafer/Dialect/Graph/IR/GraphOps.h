//===- GraphOps.h - graph dialect operations --------------------*- C++ -*-===//

#ifndef WAFER_DIALECT_GRAPH_IR_GRAPHOPS_H
#define WAFER_DIALECT_GRAPH_IR_GRAPHOPS_H

// Generated op headers reference the bytecode interface; it must come first.
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "wafer/Dialect/Graph/IR/GraphAttrs.h"
#include "wafer/Dialect/Graph/IR/GraphDialect.h"
#include "wafer/Dialect/Graph/IR/GraphTraits.h"

#define GET_OP_CLASSES
#include "wafer/Dialect/Graph/IR/GraphOps.h.inc"

#endif // WAFER_DIALECT_GRAPH_IR_GRAPHOPS_H
