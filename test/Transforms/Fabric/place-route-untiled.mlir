// RUN: not wafer-opt %s --fabric-place 2>&1 | FileCheck %s --check-prefix=PLACE
// RUN: not wafer-opt %s --fabric-route 2>&1 | FileCheck %s --check-prefix=ROUTE
// PLACE: error: fabric-place needs a fabric.design (run fabric-tile first)
// ROUTE: error: fabric-route needs a placed fabric.design (run fabric-tile and fabric-place first)
func.func @main() {
  return
}
