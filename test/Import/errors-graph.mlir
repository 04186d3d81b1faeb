// The graph as a whole, checked in one pass before anything is imported
// (validateGraph in OnnxImporter.cpp): every name is defined once, by a
// graph input, an initializer or one node output, before any node reads it;
// the graph has outputs and each names a value. Each error names the tensor
// and the node.

// RUN: rm -rf %t && split-file %s %t

// A name that nothing defines, even in an optional input position (Clip's
// max): refused, not read as "absent".
// RUN: %python %S/Inputs/bad_models.py undefined-optional-input %t/undefined-optional.onnx
// RUN: not wafer-translate --import-onnx %t/undefined-optional.onnx 2>&1 | FileCheck %s --check-prefix=UNDEFINED-OPTIONAL
// UNDEFINED-OPTIONAL: error: loc("clip"): Clip node 'clip': input 2 'nowhere' names no graph input, initializer or node output
// RUN: %onnx-text %t/undefined.txt -o %t/undefined.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/undefined.onnx 2>&1 | FileCheck %s --check-prefix=UNDEFINED
// UNDEFINED: error: loc("add"): Add node 'add': input 1 'typo' names no graph input, initializer or node output
// Defined, but only by a later node.
// RUN: %onnx-text %t/later.txt -o %t/later.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/later.onnx 2>&1 | FileCheck %s --check-prefix=LATER
// LATER: error: loc("first"): Relu node 'first': input 0 'b' is used before Neg node 'second' defines it (the nodes are not in topological order)
// A node that reads its own output.
// RUN: %onnx-text %t/self.txt -o %t/self.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/self.onnx 2>&1 | FileCheck %s --check-prefix=SELF
// SELF: error: loc("loop"): Add node 'loop': input 1 'y' is used before Add node 'loop' defines it (the nodes are not in topological order)

// Names defined twice.
// RUN: %python %S/Inputs/bad_models.py duplicate-input %t/duplicate-input.onnx
// RUN: not wafer-translate --import-onnx %t/duplicate-input.onnx 2>&1 | FileCheck %s --check-prefix=DUPLICATE-INPUT
// DUPLICATE-INPUT: error: graph input 'x' is declared twice
// RUN: %python %S/Inputs/bad_models.py duplicate-initializer %t/duplicate-initializer.onnx
// RUN: not wafer-translate --import-onnx %t/duplicate-initializer.onnx 2>&1 | FileCheck %s --check-prefix=DUPLICATE-INITIALIZER
// DUPLICATE-INITIALIZER: error: loc("w"): initializer 'w' is defined twice
// RUN: %python %S/Inputs/bad_models.py redefine-input %t/redefine-input.onnx
// RUN: not wafer-translate --import-onnx %t/redefine-input.onnx 2>&1 | FileCheck %s --check-prefix=REDEFINE-INPUT
// REDEFINE-INPUT: error: loc("relu"): Relu node 'relu': output 0 'x' is already defined by a graph input
// RUN: %python %S/Inputs/bad_models.py redefine-initializer %t/redefine-initializer.onnx
// RUN: not wafer-translate --import-onnx %t/redefine-initializer.onnx 2>&1 | FileCheck %s --check-prefix=REDEFINE-INITIALIZER
// REDEFINE-INITIALIZER: error: loc("relu"): Relu node 'relu': output 0 'w' is already defined by an initializer
// RUN: %python %S/Inputs/bad_models.py redefine-node-output %t/redefine-node.onnx
// RUN: not wafer-translate --import-onnx %t/redefine-node.onnx 2>&1 | FileCheck %s --check-prefix=REDEFINE-NODE
// REDEFINE-NODE: error: loc("second"): Neg node 'second': output 0 'y' is already defined by the output of Relu node 'first'
// RUN: %python %S/Inputs/bad_models.py duplicate-attribute %t/duplicate-attribute.onnx
// RUN: not wafer-translate --import-onnx %t/duplicate-attribute.onnx 2>&1 | FileCheck %s --check-prefix=DUPLICATE-ATTRIBUTE
// DUPLICATE-ATTRIBUTE: error: loc("sm"): Softmax node 'sm': attribute 'axis' is given twice

// Outputs: at least one, each once, each naming a value.
// RUN: %python %S/Inputs/bad_models.py no-outputs %t/no-outputs.onnx
// RUN: not wafer-translate --import-onnx %t/no-outputs.onnx 2>&1 | FileCheck %s --check-prefix=NO-OUTPUTS
// RUN: not waferc %t/no-outputs.onnx 2>&1 | FileCheck %s --check-prefix=NO-OUTPUTS
// NO-OUTPUTS: error: the graph has no outputs, so the model computes nothing
// RUN: %python %S/Inputs/bad_models.py duplicate-output %t/duplicate-output.onnx
// RUN: not wafer-translate --import-onnx %t/duplicate-output.onnx 2>&1 | FileCheck %s --check-prefix=DUPLICATE-OUTPUT
// DUPLICATE-OUTPUT: error: graph output 'y' is listed twice
// RUN: %onnx-text %t/output-nothing.txt -o %t/output-nothing.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/output-nothing.onnx 2>&1 | FileCheck %s --check-prefix=OUTPUT-NOTHING
// OUTPUT-NOTHING: error: graph output 'z' is produced by no node, graph input or initializer

// An initializer that is also listed as a graph input (its default value)
// is one name defined once: accepted, as ONNX allows since IR version 4.
// RUN: %onnx-text %t/initializer-input.txt -o %t/initializer-input.onnx
// RUN: wafer-translate --import-onnx %t/initializer-input.onnx | FileCheck %s --check-prefix=INITIALIZER-INPUT
// INITIALIZER-INPUT: func.func @main(%arg0: tensor<2xf32> {graph.name = "x"}) -> (tensor<2xf32> {graph.name = "y"})
// INITIALIZER-INPUT: graph.constant dense<[1.000000e+00, 2.000000e+00]>

//--- undefined.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  [add] y = Add(x, typo)
}
//--- later.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  [first] a = Relu(b)
  [second] b = Neg(x)
  y = Identity(a)
}
//--- self.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  [loop] y = Add(x, y)
}
//--- output-nothing.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y, float[2] z) {
  y = Relu(x)
}
//--- initializer-input.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x, float[2] w) => (float[2] y) <float[2] w = {1.0, 2.0}> {
  y = Add(x, w)
}
