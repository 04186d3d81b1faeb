//===- PEAttrs.h - ports, task kinds and data ranges ------------*- C++ -*-===//

#ifndef WAFER_DIALECT_PE_IR_PEATTRS_H
#define WAFER_DIALECT_PE_IR_PEATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "wafer/Dialect/PE/IR/PEDialect.h"

#include "mlir/IR/DialectImplementation.h"

#include <array>

namespace wafer::pe {
/// `[a, b, ...]` of integers: the spelling of #pe.blocks' grid and at.
mlir::FailureOr<llvm::SmallVector<int64_t>> parsePair(mlir::AsmParser &parser);
void printPair(mlir::AsmPrinter &printer, llvm::ArrayRef<int64_t> values);
} // namespace wafer::pe

#include "wafer/Dialect/PE/IR/PEEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "wafer/Dialect/PE/IR/PEAttrs.h.inc"

#endif // WAFER_DIALECT_PE_IR_PEATTRS_H
