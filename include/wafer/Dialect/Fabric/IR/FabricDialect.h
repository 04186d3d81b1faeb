//===- FabricDialect.h - the model mapped onto the wafer --------*- C++ -*-===//

#ifndef WAFER_DIALECT_FABRIC_IR_FABRICDIALECT_H
#define WAFER_DIALECT_FABRIC_IR_FABRICDIALECT_H

#include "mlir/IR/Dialect.h"

#include "wafer/Dialect/Fabric/IR/FabricDialect.h.inc"

#endif // WAFER_DIALECT_FABRIC_IR_FABRICDIALECT_H
