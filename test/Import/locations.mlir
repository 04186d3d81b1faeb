// Node names become NameLocs; unnamed nodes are called <OpType>_<index>,
// initializers carry their own name, and ops that one node expands into
// (Gemm's transpose, matmul, mul, add) all share the node's location.

// RUN: split-file %s %t
// RUN: %onnx-text %t/model.txt -o %t/model.onnx
// RUN: wafer-translate --import-onnx %t/model.onnx --mlir-print-debuginfo | FileCheck %s

// CHECK: #[[FILE:.*]] = loc("{{.*}}model.onnx":0:0)
// CHECK-LABEL: func.func @main
// CHECK-SAME: %arg0: tensor<2x3xf32> {graph.name = "x"} loc("{{.*}}model.onnx":0:0)
// CHECK: graph.constant dense<{{.*}}> : tensor<3xf32> loc(#[[BIAS:loc[0-9]+]])
// CHECK: graph.add {{.*}} loc(#[[ADD:loc[0-9]+]])
// CHECK: graph.relu {{.*}} loc(#[[RELU:loc[0-9]+]])
// CHECK: graph.transpose {{.*}} loc(#[[GEMM:loc[0-9]+]])
// CHECK: graph.matmul {{.*}} loc(#[[GEMM]])
// CHECK: graph.constant dense<2.000000e+00> : tensor<f32> loc(#[[GEMM]])
// CHECK: graph.mul {{.*}} loc(#[[GEMM]])
// CHECK: return {{.*}} loc(#[[FILE]])
// CHECK-DAG: #[[BIAS]] = loc("bias")
// CHECK-DAG: #[[ADD]] = loc("block0/attn/add")
// CHECK-DAG: #[[RELU]] = loc("Relu_1")
// CHECK-DAG: #[[GEMM]] = loc("proj")

//--- model.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[2, 2] y) <float[3] bias = {1.0, 2.0, 3.0}> {
  ["block0/attn/add"] a = Add(x, bias)
  r = Relu(a)
  [proj] y = Gemm <transB = 1, alpha = 2.0> (r, r)
}
