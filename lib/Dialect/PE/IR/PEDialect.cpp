//===- PEDialect.cpp - pe dialect registration ----------------------------===//

#include "wafer/Dialect/PE/IR/PEDialect.h"
#include "wafer/Dialect/PE/IR/PEAttrs.h"
#include "wafer/Dialect/PE/IR/PEOps.h"

using namespace mlir;
using namespace wafer::pe;

#include "wafer/Dialect/PE/IR/PEDialect.cpp.inc"

void PEDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "wafer/Dialect/PE/IR/PEOps.cpp.inc"
      >();
  registerAttributes();
}
