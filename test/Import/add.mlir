// RUN: split-file %s %t
// RUN: %onnx-text %t/model.txt -o %t/model.onnx
// RUN: wafer-translate --import-onnx %t/model.onnx | FileCheck %s

// CHECK-LABEL: func.func @main
// CHECK-SAME: %[[X:.*]]: tensor<2x3xf32> {graph.name = "x"}
// CHECK-SAME: %[[Y:.*]]: tensor<3xf32> {graph.name = "y"}
// CHECK: %[[Z:.*]] = graph.add %[[X]], %[[Y]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: return %[[Z]]

//--- model.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[3] y) => (float[2, 3] z) {
  z = Add(x, y)
}
