//===- FabricDialect.cpp - fabric dialect registration --------------------===//

#include "wafer/Dialect/Fabric/IR/FabricDialect.h"
#include "wafer/Dialect/Fabric/IR/FabricAttrs.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"

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
  if (attr.getName() == kStrategyAttrName) {
    auto strategy = dyn_cast<StringAttr>(attr.getValue());
    if (!strategy ||
        !llvm::is_contained({"pipeline", "shared"}, strategy.getValue()))
      return op->emitError() << kStrategyAttrName
                             << " must be \"pipeline\" or \"shared\"";
    return success();
  }
  if (attr.getName() != kTargetAttrName)
    return op->emitError() << "unknown fabric attribute " << attr.getName();
  auto target = dyn_cast<TargetAttr>(attr.getValue());
  if (!target)
    return op->emitError() << kTargetAttrName
                           << " must be a #fabric.target";
  auto module = dyn_cast<ModuleOp>(op);
  if (!module)
    return op->emitError() << kTargetAttrName << " belongs on a module";
  return failure(failed(verifyPhysics(module, target)) ||
                 failed(verifyRoutes(module, target)));
}
