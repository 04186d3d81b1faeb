//===- PEDialect.h - what one processing element runs -----------*- C++ -*-===//

#ifndef WAFER_DIALECT_PE_IR_PEDIALECT_H
#define WAFER_DIALECT_PE_IR_PEDIALECT_H

#include "mlir/IR/Dialect.h"

#include "wafer/Dialect/Fabric/IR/FabricDialect.h"

#include "wafer/Dialect/PE/IR/PEDialect.h.inc"

#endif // WAFER_DIALECT_PE_IR_PEDIALECT_H
