//===- GraphDialect.h - the tensor-level model dialect ----------*- C++ -*-===//

#ifndef WAFER_DIALECT_GRAPH_IR_GRAPHDIALECT_H
#define WAFER_DIALECT_GRAPH_IR_GRAPHDIALECT_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Dialect.h"

#include "wafer/Dialect/Graph/IR/GraphDialect.h.inc"

#endif // WAFER_DIALECT_GRAPH_IR_GRAPHDIALECT_H
