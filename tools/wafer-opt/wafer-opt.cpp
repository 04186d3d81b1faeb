//===- wafer-opt.cpp - run Wafer passes on textual IR ---------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "wafer/InitAllDialects.h"
#include "wafer/InitAllPasses.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  wafer::registerAllDialects(registry);
  wafer::registerAllPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Wafer optimizer: runs any Wafer or MLIR pass on IR\n",
      registry));
}
