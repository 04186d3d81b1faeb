// RUN: not wafer-opt %s --fabric-tile 2>&1 | FileCheck %s
// CHECK: error: fabric-tile needs a func.func @main of graph ops
func.func @other() {
  return
}
