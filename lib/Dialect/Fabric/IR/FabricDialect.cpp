//===- FabricDialect.cpp - fabric dialect registration --------------------===//

#include "wafer/Dialect/Fabric/IR/FabricDialect.h"
#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace wafer::fabric;

#include "wafer/Dialect/Fabric/IR/FabricDialect.cpp.inc"

void FabricDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "wafer/Dialect/Fabric/IR/FabricOps.cpp.inc"
      >();
  registerAttributes();
}

LogicalResult FabricDialect::verifyOperationAttribute(Operation *op,
                                                      NamedAttribute attr) {
  // The dialect defines no discardable attributes: the target and the
  // strategy are attributes of fabric.design, where they are verified with
  // the design.
  return op->emitError() << "unknown fabric attribute '" << attr.getName().getValue()
                         << "'; the target and the mapping strategy are "
                            "attributes of fabric.design";
}
