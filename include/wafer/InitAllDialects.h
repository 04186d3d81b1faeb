//===- InitAllDialects.h - every dialect Wafer's tools load -----*- C++ -*-===//

#ifndef WAFER_INITALLDIALECTS_H
#define WAFER_INITALLDIALECTS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"

#include "wafer/Dialect/Fabric/IR/FabricDialect.h"
#include "wafer/Dialect/Graph/IR/GraphDialect.h"
#include "wafer/Dialect/PE/IR/PEDialect.h"

namespace wafer {

inline void registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<mlir::func::FuncDialect, graph::GraphDialect,
                  fabric::FabricDialect, pe::PEDialect>();
}

} // namespace wafer

#endif // WAFER_INITALLDIALECTS_H
