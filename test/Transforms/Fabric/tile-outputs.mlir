// RUN: wafer-opt %s --split-input-file --fabric-tile="mesh=8x8" | FileCheck %s

// An output that computes nothing (a constant) stays beside the kernels,
// and a model with no other work maps to a design with no kernels.
// CHECK-LABEL: fabric.design
// CHECK: func.func @main() -> tensor<2x3xf32>
// CHECK-NEXT: %[[C:.*]] = graph.constant dense<1.000000e+00> : tensor<2x3xf32>
// CHECK-NEXT: return %[[C]]
func.func @main() -> tensor<2x3xf32> {
  %c = graph.constant dense<1.0> : tensor<2x3xf32>
  return %c : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: fabric.design
// CHECK: %[[K:.*]] = fabric.kernel @relu elementwise(%arg0)
// CHECK: return %[[K]], %{{.*}} : tensor<4xf32>, tensor<4xf32>
func.func @main(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %c = graph.constant dense<2.0> : tensor<4xf32>
  %y = graph.relu %x : tensor<4xf32> loc("relu")
  return %y, %c : tensor<4xf32>, tensor<4xf32>
}
