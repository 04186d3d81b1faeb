// Node arity: the importer table declares, per op (and per opset where it
// changed), how many inputs and outputs a node lists; the driver checks it
// before the op's importer runs, so no importer reads an input or output
// that is not there. Required inputs must have names; an empty name omits
// an optional one.

// RUN: rm -rf %t && split-file %s %t

// A Concat of nothing (it used to crash the Concat importer).
// RUN: %onnx-text %t/concat-none.txt -o %t/concat-none.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/concat-none.onnx 2>&1 | FileCheck %s --check-prefix=CONCAT-NONE
// RUN: not waferc %t/concat-none.onnx 2>&1 | FileCheck %s --check-prefix=CONCAT-NONE
// CONCAT-NONE: error: loc("n"): Concat node 'n' takes 1 or more inputs, got 0
// Too many inputs, and a range of them.
// RUN: %onnx-text %t/relu-two.txt -o %t/relu-two.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/relu-two.onnx 2>&1 | FileCheck %s --check-prefix=RELU-TWO
// RELU-TWO: error: loc("Relu_0"): Relu node 'Relu_0' takes 1 input, got 2
// RUN: %onnx-text %t/slice-two.txt -o %t/slice-two.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/slice-two.onnx 2>&1 | FileCheck %s --check-prefix=SLICE-TWO
// SLICE-TWO: error: loc("Slice_1"): Slice node 'Slice_1' takes 3 to 5 inputs, got 2
// RUN: %onnx-text %t/constant-input.txt -o %t/constant-input.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/constant-input.onnx 2>&1 | FileCheck %s --check-prefix=CONSTANT-INPUT
// CONSTANT-INPUT: error: loc("Constant_0"): Constant node 'Constant_0' takes no inputs, got 1
// Outputs.
// RUN: %onnx-text %t/relu-outputs.txt -o %t/relu-outputs.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/relu-outputs.onnx 2>&1 | FileCheck %s --check-prefix=RELU-OUTPUTS
// RELU-OUTPUTS: error: loc("Relu_0"): Relu node 'Relu_0' has 1 output, got 2
// RUN: %python %S/Inputs/bad_models.py split-no-outputs %t/split-no-outputs.onnx
// RUN: not wafer-translate --import-onnx %t/split-no-outputs.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT-NO-OUTPUTS
// SPLIT-NO-OUTPUTS: error: loc("split"): Split node 'split' has 1 or more outputs, got 0

// Per opset: ReduceMean takes its axes as an input only from opset 18.
// RUN: %onnx-text %t/reduce-mean-13.txt -o %t/reduce-mean-13.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/reduce-mean-13.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE-MEAN-13
// REDUCE-MEAN-13: error: loc("ReduceMean_1"): ReduceMean node 'ReduceMean_1' takes 1 input, got 2
// RUN: %onnx-text %t/reduce-mean-18.txt -o %t/reduce-mean-18.onnx
// RUN: wafer-translate --import-onnx %t/reduce-mean-18.onnx | FileCheck %s --check-prefix=REDUCE-MEAN-18
// REDUCE-MEAN-18: graph.reduce_mean %arg0, [1]
// Attention gains its seventh input (nonpad_kv_seqlen) in opset 24.
// RUN: %onnx-text %t/attention-23.txt -o %t/attention-23.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/attention-23.onnx 2>&1 | FileCheck %s --check-prefix=ATTENTION-23
// ATTENTION-23: error: loc("Attention_0"): Attention node 'Attention_0' takes 3 to 6 inputs, got 7

// Required inputs and outputs with empty names.
// RUN: %python %S/Inputs/bad_models.py required-input-empty %t/required-input.onnx
// RUN: not wafer-translate --import-onnx %t/required-input.onnx 2>&1 | FileCheck %s --check-prefix=REQUIRED-INPUT
// REQUIRED-INPUT: error: loc("where"): Where node 'where': input 1 is required but its name is empty
// RUN: %python %S/Inputs/bad_models.py variadic-input-empty %t/variadic-input.onnx
// RUN: not wafer-translate --import-onnx %t/variadic-input.onnx 2>&1 | FileCheck %s --check-prefix=VARIADIC-INPUT
// VARIADIC-INPUT: error: loc("cat"): Concat node 'cat': input 1 is required but its name is empty
// RUN: %python %S/Inputs/bad_models.py required-output-empty %t/required-output.onnx
// RUN: not wafer-translate --import-onnx %t/required-output.onnx 2>&1 | FileCheck %s --check-prefix=REQUIRED-OUTPUT
// REQUIRED-OUTPUT: error: loc("relu"): Relu node 'relu': output 0 is required but its name is empty

// Optional inputs may be left off or empty: Clip with only a max.
// RUN: %onnx-text %t/clip-max.txt -o %t/clip-max.onnx
// RUN: wafer-translate --import-onnx %t/clip-max.onnx | FileCheck %s --check-prefix=CLIP-MAX
// CLIP-MAX: graph.min %arg0
// CLIP-MAX-NOT: graph.max

//--- concat-none.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  [n] c = Concat <axis = 0> ()
  y = Identity(x)
}
//--- relu-two.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  y = Relu(x, x)
}
//--- slice-two.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  s = Constant <value = int64[1] {0}> ()
  y = Slice(x, s)
}
//--- constant-input.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float y) {
  y = Constant <value_float = 1.0> (x)
}
//--- relu-outputs.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  y, z = Relu(x)
}
//--- reduce-mean-13.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x) => (float[2, 1] y) {
  a = Constant <value = int64[1] {1}> ()
  y = ReduceMean(x, a)
}
//--- reduce-mean-18.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[2, 3] x) => (float[2, 1] y) {
  a = Constant <value = int64[1] {1}> ()
  y = ReduceMean(x, a)
}
//--- attention-23.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] q, float[1, 2, 3, 4] m, float[1, 2, 3, 4] pk, float[1, 2, 3, 4] pv, int64[1] n) => (float[1, 2, 3, 4] y) {
  y = Attention(q, q, q, m, pk, pv, n)
}
//--- clip-max.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x, float hi) => (float[2] y) {
  y = Clip(x, , hi)
}
