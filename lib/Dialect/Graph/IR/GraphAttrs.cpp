//===- GraphAttrs.cpp - graph dialect attributes --------------------------===//

#include "wafer/Dialect/Graph/IR/GraphAttrs.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace wafer::graph;

#include "wafer/Dialect/Graph/IR/GraphEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "wafer/Dialect/Graph/IR/GraphAttrs.cpp.inc"

void GraphDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "wafer/Dialect/Graph/IR/GraphAttrs.cpp.inc"
      >();
}
