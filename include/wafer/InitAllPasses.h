//===- InitAllPasses.h - every pass Wafer's tools know ----------*- C++ -*-===//

#ifndef WAFER_INITALLPASSES_H
#define WAFER_INITALLPASSES_H

#include "mlir/Transforms/Passes.h"

#include "wafer/Conversion/Passes.h"
#include "wafer/Dialect/Fabric/Transforms/Passes.h"
#include "wafer/Dialect/Graph/Transforms/Passes.h"
#include "wafer/Dialect/PE/Transforms/Passes.h"

namespace wafer {

inline void registerAllPasses() {
  // MLIR's generic cleanups (canonicalize, cse, symbol-dce, ...).
  mlir::registerTransformsPasses();
  graph::registerGraphPasses();
  registerConversionPasses();
  fabric::registerFabricPasses();
  pe::registerPEPasses();
}

} // namespace wafer

#endif // WAFER_INITALLPASSES_H
