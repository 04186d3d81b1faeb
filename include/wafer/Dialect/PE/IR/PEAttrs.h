//===- PEAttrs.h - ports, task kinds and data ranges ------------*- C++ -*-===//

#ifndef WAFER_DIALECT_PE_IR_PEATTRS_H
#define WAFER_DIALECT_PE_IR_PEATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "wafer/Dialect/PE/IR/PEDialect.h"

#include "wafer/Dialect/PE/IR/PEEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "wafer/Dialect/PE/IR/PEAttrs.h.inc"

#endif // WAFER_DIALECT_PE_IR_PEATTRS_H
