// RUN: wafer-opt %s --fabric-tile="mesh=8x8 strategy=pipeline" | FileCheck %s

// Work that no anchor produces forms an elementwise kernel of its own; the
// elementwise op after the softmax joins the softmax's kernel.

// CHECK-LABEL: func.func @main
// CHECK: %[[E:.*]] = fabric.kernel @scale elementwise(%arg0, %arg1) {{{.*}}
// CHECK: graph.mul
// CHECK-NEXT: graph.add
// CHECK-NEXT: fabric.yield
// CHECK: %[[S:.*]] = fabric.stream %[[E]] {bytes = 1024 : i64
// CHECK: fabric.kernel @probs row_reduce(%[[S]]) {{{.*}}
// CHECK: graph.softmax
// CHECK-NEXT: graph.exp
// CHECK-NEXT: fabric.yield

func.func @main(%x: tensor<4x64xf32>, %y: tensor<4x64xf32>) -> tensor<4x64xf32> {
  %m = graph.mul %x, %y : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32> loc("scale")
  %a = graph.add %m, %x : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32> loc("shift")
  %s = graph.softmax %a {axis = 1 : i64} : tensor<4x64xf32> loc("probs")
  %e = graph.exp %s : tensor<4x64xf32> loc("exp")
  return %e : tensor<4x64xf32>
}
