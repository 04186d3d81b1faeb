// Constants far too big to materialize fold at import as splats, in
// constant time: ConstantOfShape of 2^31 elements followed by Add (once
// "LLVM ERROR: out of memory"), a Gather from a 2^42-element splat (once a
// hang). A result past the folding limit that is no splat stays an op.

// RUN: rm -rf %t && split-file %s %t
// RUN: %onnx-text %t/splats.txt -o %t/splats.onnx
// RUN: wafer-translate --import-onnx %t/splats.onnx | FileCheck %s --check-prefix=SPLATS
// SPLATS-DAG: %[[A:.*]] = graph.constant dense<2.000000e+00> : tensor<2147483648xf32>
// SPLATS-DAG: %[[G:.*]] = graph.constant dense<1.000000e+00> : tensor<2x4xf32>
// SPLATS-NOT: graph.add
// SPLATS-NOT: graph.gather
// SPLATS: return %[[A]], %[[G]]

// RUN: %onnx-text %t/big-range.txt -o %t/big-range.onnx
// RUN: wafer-translate --import-onnx %t/big-range.onnx | FileCheck %s --check-prefix=BIG-RANGE
// BIG-RANGE: %[[R:.*]] = graph.range {delta = 1 : i64, start = 0 : i64} : tensor<2097152xi64>
// BIG-RANGE: return %[[R]]

//--- splats.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[1] x) => (float[2147483648] a, float[2, 4] g) {
  n = Constant <value = int64[1] {2147483648}> ()
  one = Constant <value = float[1] {1.0}> ()
  c = ConstantOfShape <value = float[1] {1.0}> (n)
  a = Add(c, c)
  big = Constant <value = int64[2] {1099511627776, 4}> ()
  s = ConstantOfShape <value = float[1] {1.0}> (big)
  i = Constant <value = int64[2] {0, 1099511627775}> ()
  g = Gather(s, i)
}
//--- big-range.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[1] x) => (int64[2097152] r) {
  a = Constant <value = int64 {0}> ()
  b = Constant <value = int64 {2097152}> ()
  c = Constant <value = int64 {1}> ()
  r = Range(a, b, c)
}
