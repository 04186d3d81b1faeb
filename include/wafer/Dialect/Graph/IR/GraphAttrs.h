//===- GraphAttrs.h - graph dialect attributes ------------------*- C++ -*-===//
//
// The enumerations graph ops carry (Activation, GeluApproximation) and their
// attributes, generated from dialects/Graph/GraphAttrs.td.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_DIALECT_GRAPH_IR_GRAPHATTRS_H
#define WAFER_DIALECT_GRAPH_IR_GRAPHATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "wafer/Dialect/Graph/IR/GraphDialect.h"

#include "wafer/Dialect/Graph/IR/GraphEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "wafer/Dialect/Graph/IR/GraphAttrs.h.inc"

#endif // WAFER_DIALECT_GRAPH_IR_GRAPHATTRS_H
