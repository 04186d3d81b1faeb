// waferc on a small MLP: IR on stdout or in -o (fused by default, as
// imported with --no-fuse), the text and JSON summaries,
// weights elided by default and kept with --keep-weights (then the output
// round-trips through wafer-opt), MLIR's pass-manager options passing
// through, --progress, and failures exiting non-zero.

// RUN: rm -rf %t && split-file %s %t
// RUN: %onnx-text %t/mlp.txt -o %t/mlp.onnx

// Default: graph IR with the shape chain folded away and the layer fused
// (MatMul + bias + Relu is one graph.linear), the weight elided.
// RUN: waferc %t/mlp.onnx --dim batch=2 | FileCheck %s --check-prefix=IR
// IR: module attributes {graph.onnx_opset = 17 : i64, graph.producer = "wafer-test 1.0"}
// IR-LABEL: func.func @main(%arg0: tensor<2x4xf32> {graph.name = "x"}) -> (tensor<2x5xf32> {graph.name = "y"})
// IR-NEXT: %[[W:.*]] = graph.constant dense_resource<w> : tensor<4x5xf32>
// IR-NEXT: %[[B:.*]] = graph.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00]> : tensor<5xf32>
// IR-NEXT: %[[Y:.*]] = graph.linear %arg0, %[[W]], %[[B]] activation(relu) : (tensor<2x4xf32>, tensor<4x5xf32>, tensor<5xf32>) -> tensor<2x5xf32>
// IR-NEXT: return %[[Y]] : tensor<2x5xf32>
// IR-NOT: 0x04000000
// IR-NOT: 0000003F

// --no-fuse prints the graph as imported: one op per ONNX node.
// RUN: waferc %t/mlp.onnx --dim batch=2 --no-fuse | FileCheck %s --check-prefix=NO-FUSE
// NO-FUSE-LABEL: func.func @main(
// NO-FUSE-NEXT: %[[W:.*]] = graph.constant dense_resource<w> : tensor<4x5xf32>
// NO-FUSE-NEXT: %[[B:.*]] = graph.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00]> : tensor<5xf32>
// NO-FUSE-NEXT: %[[H:.*]] = graph.matmul %arg0, %[[W]] : (tensor<2x4xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
// NO-FUSE-NEXT: %[[A:.*]] = graph.add %[[H]], %[[B]] : (tensor<2x5xf32>, tensor<5xf32>) -> tensor<2x5xf32>
// NO-FUSE-NEXT: %[[R:.*]] = graph.relu %[[A]] : tensor<2x5xf32>
// NO-FUSE-NEXT: return %[[R]] : tensor<2x5xf32>

// -o writes the file; the elided IR still parses.
// RUN: waferc %t/mlp.onnx --dim batch=3 -o %t/elided.mlir
// RUN: FileCheck %s --check-prefix=ELIDED < %t/elided.mlir
// ELIDED: graph.linear %arg0, %{{.*}}, %{{.*}} activation(relu) : (tensor<3x4xf32>, tensor<4x5xf32>, tensor<5xf32>) -> tensor<3x5xf32>
// ELIDED-NOT: 0000003F
// RUN: wafer-opt %t/elided.mlir | FileCheck %s --check-prefix=ELIDED

// --keep-weights prints the blob (19 x 0.5 then 0.25), and the IR
// round-trips through wafer-opt unchanged.
// RUN: waferc %t/mlp.onnx --dim batch=2 --keep-weights -o %t/kept.mlir
// RUN: FileCheck %s --check-prefix=KEPT < %t/kept.mlir
// KEPT: graph.constant dense_resource<w> : tensor<4x5xf32>
// KEPT: dialect_resources: {
// KEPT-NEXT: builtin: {
// KEPT-NEXT: w: "0x04000000{{(0000003F)+}}0000803E"
// RUN: wafer-opt %t/kept.mlir -o %t/kept2.mlir
// RUN: wafer-opt %t/kept2.mlir -o %t/kept3.mlir
// RUN: diff %t/kept2.mlir %t/kept3.mlir
// RUN: FileCheck %s --check-prefix=KEPT < %t/kept2.mlir

// --summary prints the summary after the IR on stdout.
// RUN: waferc %t/mlp.onnx --dim batch=2 --summary | FileCheck %s --check-prefix=SUMMARY
// SUMMARY: return
// SUMMARY: // ---- summary of {{.*}}mlp.onnx
// SUMMARY-NEXT: ONNX opset 17, produced by wafer-test 1.0
// SUMMARY-NEXT: {{^}}  input  x: tensor<2x4xf32>
// SUMMARY-NEXT: {{^}}  output y: tensor<2x5xf32>
// SUMMARY-NEXT: weights: 1 tensors, 20 parameters, 0.00 MiB
// SUMMARY-NEXT: ops: 1 (constants not counted)
// SUMMARY-NEXT: {{^}}  graph.linear {{ *}}1
// SUMMARY-NOT: {{.}}

// --summary-json writes valid JSON (checked with Python's parser, then its
// keys and values); with -o the IR goes to the file.
// RUN: waferc %t/mlp.onnx --dim batch=2 --summary-json=%t/summary.json -o %t/ir.mlir
// RUN: %python -c "import json, sys; d = json.load(open(sys.argv[1])); assert d['weights']['parameters'] == 20, d" %t/summary.json
// RUN: FileCheck %s --check-prefix=JSON < %t/summary.json
// JSON: {
// JSON-DAG: "opset": 17,
// JSON-DAG: "producer": "wafer-test 1.0",
// JSON-DAG: "total_ops": 1,
// JSON-DAG: "graph.linear": 1
// JSON-DAG: "bytes": 80,
// JSON-DAG: "parameters": 20,
// JSON-DAG: "tensors": 1
// JSON-DAG: "name": "x",
// JSON-DAG: "type": "tensor<2x4xf32>"
// JSON-DAG: "name": "y",
// JSON-DAG: "type": "tensor<2x5xf32>"
// RUN: FileCheck %s --check-prefix=IR < %t/ir.mlir

// MLIR options pass through: IR after each pass, and the timing report
// with waferc's own phases.
// RUN: waferc %t/mlp.onnx --dim batch=2 --mlir-print-ir-after-all -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER-ALL
// AFTER-ALL: // -----// IR Dump After GraphFoldShapes (graph-fold-shapes) //----- //
// AFTER-ALL: graph.matmul
// AFTER-ALL: // -----// IR Dump After CSE (cse) //----- //
// AFTER-ALL: graph.matmul
// AFTER-ALL: // -----// IR Dump After GraphFuse (graph-fuse) //----- //
// AFTER-ALL: graph.linear
// RUN: waferc %t/mlp.onnx --dim batch=2 --mlir-timing -o /dev/null 2>&1 | FileCheck %s --check-prefix=TIMING
// TIMING: ... Execution time report ...
// TIMING: Total Execution Time:
// TIMING: Import ONNX
// TIMING: GraphFoldShapes
// TIMING: CSE
// TIMING: GraphFuse
// TIMING: Print IR
// TIMING: Total

// --progress prints the steps on stderr.
// RUN: waferc %t/mlp.onnx --dim batch=2 --progress --no-fuse -o /dev/null 2>&1 | FileCheck %s --check-prefix=PROGRESS-NO-FUSE
// PROGRESS-NO-FUSE: [2/3] fold shapes{{$}}
// RUN: waferc %t/mlp.onnx --dim batch=2 --progress -o /dev/null 2>&1 | FileCheck %s --check-prefix=PROGRESS
// PROGRESS: [1/3] import {{.*}}mlp.onnx
// PROGRESS-NEXT: [2/3] fold shapes, fuse
// PROGRESS-NEXT: [3/3] write /dev/null

// Failures: a bad file, an unbound dimension, an unwritable output.
// RUN: not waferc %t/not-a-model.onnx 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: '{{.*}}not-a-model.onnx' is not a valid ONNX model: protobuf parsing failed
// RUN: not waferc %t/mlp.onnx 2>&1 | FileCheck %s --check-prefix=UNBOUND
// UNBOUND: error: unbound symbolic dimension(s): batch
// UNBOUND-NEXT: note: bind each with --dim batch=<size>
// RUN: waferc %t/mlp.onnx --dim batch=2 --dim seq=4 -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNUSED-DIM
// UNUSED-DIM: warning: --dim seq names no symbolic dimension of the inputs
// RUN: not waferc %t/mlp.onnx --dim batch=2 -o %t/no/such/dir/out.mlir 2>&1 | FileCheck %s --check-prefix=NO-DIR
// NO-DIR: waferc: error: cannot open output file '{{.*}}out.mlir': No such file or directory
// RUN: not waferc %t/mlp.onnx --dim batch=2 --summary-json=%t/no/such/dir/s.json -o /dev/null 2>&1 | FileCheck %s --check-prefix=NO-DIR-JSON
// NO-DIR-JSON: waferc: error: cannot open output file '{{.*}}s.json': No such file or directory

//--- mlp.txt
<ir_version: 8, opset_import: ["" : 17], producer_name: "wafer-test", producer_version: "1.0">
mlp (float[batch, 4] x) => (float[batch, 5] y)
  <float[4, 5] w = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25},
   float[5] b = {1.0, 2.0, 3.0, 4.0, 5.0}>
{
  [fc] h = MatMul(x, w)
  [bias] a = Add(h, b)
  [act] r = Relu(a)
  s = Shape(r)
  y = Reshape(r, s)
}
//--- not-a-model.onnx
not a model at all
