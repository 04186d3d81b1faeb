//===- GraphDialect.cpp - graph dialect registration ----------------------===//

#include "wafer/Dialect/Graph/IR/GraphDialect.h"
#include "wafer/Dialect/Graph/IR/GraphOps.h"

using namespace mlir;
using namespace wafer::graph;

#include "wafer/Dialect/Graph/IR/GraphDialect.cpp.inc"

void GraphDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "wafer/Dialect/Graph/IR/GraphOps.cpp.inc"
      >();
  registerAttributes();
}

Operation *GraphDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}
