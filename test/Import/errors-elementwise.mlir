// Importer errors of elementwise ops: operand counts and element types,
// broadcasting, unsupported types of unary ops, Gelu, Clip, Where, Cast,
// Dropout's mask output. Every case exits non-zero and names the node.

// RUN: rm -rf %t && split-file %s %t

// RUN: %onnx-text %t/add-one-input.txt -o %t/add-one-input.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/add-one-input.onnx 2>&1 | FileCheck %s --check-prefix=ADD-ONE-INPUT
// ADD-ONE-INPUT: error: loc("Add_0"): Add node 'Add_0' takes 2 inputs, got 1

// RUN: %onnx-text %t/add-types.txt -o %t/add-types.onnx
// RUN: not wafer-translate --import-onnx %t/add-types.onnx 2>&1 | FileCheck %s --check-prefix=ADD-TYPES
// ADD-TYPES: error: loc("sum"): Add operands have different element types 'f32' and 'i64'

// RUN: %onnx-text %t/add-bool.txt -o %t/add-bool.onnx
// RUN: not wafer-translate --import-onnx %t/add-bool.onnx 2>&1 | FileCheck %s --check-prefix=ADD-BOOL
// ADD-BOOL: error: loc("Add_0"): Add on 'i1' tensors is not supported

// RUN: %onnx-text %t/less-bool.txt -o %t/less-bool.onnx
// RUN: not wafer-translate --import-onnx %t/less-bool.onnx 2>&1 | FileCheck %s --check-prefix=LESS-BOOL
// LESS-BOOL: error: loc("Less_0"): Less on 'i1' tensors is not supported

// RUN: %onnx-text %t/and-float.txt -o %t/and-float.onnx
// RUN: not wafer-translate --import-onnx %t/and-float.onnx 2>&1 | FileCheck %s --check-prefix=AND-FLOAT
// AND-FLOAT: error: loc("And_0"): And on 'f32' tensors is not supported

// RUN: %onnx-text %t/pow-int.txt -o %t/pow-int.onnx
// RUN: not wafer-translate --import-onnx %t/pow-int.onnx 2>&1 | FileCheck %s --check-prefix=POW-INT
// POW-INT: error: loc("Pow_0"): Pow on 'i64' tensors is not supported

// RUN: %onnx-text %t/add-broadcast.txt -o %t/add-broadcast.onnx
// RUN: not wafer-translate --import-onnx %t/add-broadcast.onnx 2>&1 | FileCheck %s --check-prefix=ADD-BROADCAST
// ADD-BROADCAST: error: loc("Add_0"): Add: shapes [2, 3] and [4] do not broadcast (dimension 1: 3 vs 4)

// RUN: %onnx-text %t/max-broadcast.txt -o %t/max-broadcast.onnx
// RUN: not wafer-translate --import-onnx %t/max-broadcast.onnx 2>&1 | FileCheck %s --check-prefix=MAX-BROADCAST
// MAX-BROADCAST: error: loc("Max_0"): Max: shapes [2, 3] and [2, 1, 2] do not broadcast (dimension 2: 3 vs 2)

// RUN: %onnx-text %t/sqrt-int.txt -o %t/sqrt-int.onnx
// RUN: not wafer-translate --import-onnx %t/sqrt-int.onnx 2>&1 | FileCheck %s --check-prefix=SQRT-INT
// SQRT-INT: error: loc("Sqrt_0"): Sqrt on 'i64' tensors is not supported

// RUN: %onnx-text %t/not-float.txt -o %t/not-float.onnx
// RUN: not wafer-translate --import-onnx %t/not-float.onnx 2>&1 | FileCheck %s --check-prefix=NOT-FLOAT
// NOT-FLOAT: error: loc("Not_0"): Not on 'f32' tensors is not supported

// RUN: %onnx-text %t/relu-bool.txt -o %t/relu-bool.onnx
// RUN: not wafer-translate --import-onnx %t/relu-bool.onnx 2>&1 | FileCheck %s --check-prefix=RELU-BOOL
// RELU-BOOL: error: loc("Relu_0"): Relu on 'i1' tensors is not supported

// RUN: %onnx-text %t/gelu-approximate.txt -o %t/gelu-approximate.onnx
// RUN: not wafer-translate --import-onnx %t/gelu-approximate.onnx 2>&1 | FileCheck %s --check-prefix=GELU-APPROXIMATE
// GELU-APPROXIMATE: error: loc("Gelu_0"): Gelu approximate must be 'none' or 'tanh', not 'fast'

// RUN: %onnx-text %t/gelu-int.txt -o %t/gelu-int.onnx
// RUN: not wafer-translate --import-onnx %t/gelu-int.onnx 2>&1 | FileCheck %s --check-prefix=GELU-INT
// GELU-INT: error: loc("Gelu_0"): Gelu needs a float tensor

// RUN: %onnx-text %t/clip-bounds.txt -o %t/clip-bounds.onnx
// RUN: not wafer-translate --import-onnx %t/clip-bounds.onnx 2>&1 | FileCheck %s --check-prefix=CLIP-BOUNDS
// CLIP-BOUNDS: error: loc("Clip_0"): Clip bounds must be scalars

// RUN: %onnx-text %t/clip-types.txt -o %t/clip-types.onnx
// RUN: not wafer-translate --import-onnx %t/clip-types.onnx 2>&1 | FileCheck %s --check-prefix=CLIP-TYPES
// CLIP-TYPES: error: loc("Clip_0"): Max operands have different element types 'f32' and 'i64'

// RUN: %onnx-text %t/where-condition.txt -o %t/where-condition.onnx
// RUN: not wafer-translate --import-onnx %t/where-condition.onnx 2>&1 | FileCheck %s --check-prefix=WHERE-CONDITION
// WHERE-CONDITION: error: loc("Where_0"): Where condition must be bool

// RUN: %onnx-text %t/where-types.txt -o %t/where-types.onnx
// RUN: not wafer-translate --import-onnx %t/where-types.onnx 2>&1 | FileCheck %s --check-prefix=WHERE-TYPES
// WHERE-TYPES: error: loc("Where_0"): Where branches differ in element type

// RUN: %onnx-text %t/where-branches.txt -o %t/where-branches.onnx
// RUN: not wafer-translate --import-onnx %t/where-branches.onnx 2>&1 | FileCheck %s --check-prefix=WHERE-BRANCHES
// WHERE-BRANCHES: error: loc("Where_0"): shapes [3] and [4] do not broadcast (dimension 0: 3 vs 4)

// RUN: %onnx-text %t/where-condition-shape.txt -o %t/where-condition-shape.onnx
// RUN: not wafer-translate --import-onnx %t/where-condition-shape.onnx 2>&1 | FileCheck %s --check-prefix=WHERE-CONDITION-SHAPE
// WHERE-CONDITION-SHAPE: error: loc("Where_0"): shapes [5] and [3] do not broadcast (dimension 0: 5 vs 3)

// RUN: %onnx-text %t/cast-uint8.txt -o %t/cast-uint8.onnx
// RUN: not wafer-translate --import-onnx %t/cast-uint8.onnx 2>&1 | FileCheck %s --check-prefix=CAST-UINT8
// CAST-UINT8: error: loc("Cast_0"): Cast to UINT8 is not supported

// RUN: %onnx-text %t/cast-string.txt -o %t/cast-string.onnx
// RUN: not wafer-translate --import-onnx %t/cast-string.onnx 2>&1 | FileCheck %s --check-prefix=CAST-STRING
// CAST-STRING: error: loc("Cast_0"): Cast to STRING is not supported

// RUN: %onnx-text %t/dropout-mask.txt -o %t/dropout-mask.onnx
// RUN: not wafer-translate --import-onnx %t/dropout-mask.onnx 2>&1 | FileCheck %s --check-prefix=DROPOUT-MASK
// DROPOUT-MASK: error: loc("Dropout_0"): Dropout node 'Dropout_0': training_mode must be a constant bool, as Wafer compiles for inference; it is computed at runtime, which is not supported
// DROPOUT-MASK-NEXT: note: loc("Dropout_0"): while importing Dropout (domain 'ai.onnx', opset 22) in node 'Dropout_0'
// RUN: %onnx-text %t/dropout-random.txt -o %t/dropout-random.onnx
// RUN: not wafer-translate --import-onnx %t/dropout-random.onnx 2>&1 | FileCheck %s --check-prefix=DROPOUT-RANDOM
// DROPOUT-RANDOM: error: loc("Dropout_2"): Dropout node 'Dropout_2': random dropout (training_mode true, ratio 2.500000e-01) is not supported (training)

//--- add-one-input.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  y = Add(x)
}

//--- add-types.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x, int64[2] i) => (float[2] y) {
  [sum] y = Add(x, i)
}

//--- add-bool.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[2] b) => (bool[2] y) {
  y = Add(b, b)
}

//--- less-bool.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[2] b) => (bool[2] y) {
  y = Less(b, b)
}

//--- and-float.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (bool[2] y) {
  y = And(x, x)
}

//--- pow-int.txt
<ir_version: 8, opset_import: ["" : 17]>
g (int64[2] i) => (int64[2] y) {
  y = Pow(i, i)
}

//--- add-broadcast.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[4] z) => (float[2, 3] y) {
  y = Add(x, z)
}

//--- max-broadcast.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[3] z, float[2, 1, 2] w) => (float[2, 2, 3] y) {
  y = Max(x, z, w)
}

//--- sqrt-int.txt
<ir_version: 8, opset_import: ["" : 17]>
g (int64[2] i) => (int64[2] y) {
  y = Sqrt(i)
}

//--- not-float.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  y = Not(x)
}

//--- relu-bool.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[2] b) => (bool[2] y) {
  y = Relu(b)
}

//--- gelu-approximate.txt
<ir_version: 8, opset_import: ["" : 20]>
g (float[2] x) => (float[2] y) {
  y = Gelu <approximate = "fast"> (x)
}

//--- gelu-int.txt
<ir_version: 8, opset_import: ["" : 20]>
g (int64[2] i) => (int64[2] y) {
  y = Gelu(i)
}

//--- clip-bounds.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[3] x, float[2, 3] lo) => (float[3] y) {
  y = Clip(x, lo)
}

//--- clip-types.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[3] x, int64 lo) => (float[3] y) {
  y = Clip(x, lo)
}

//--- where-condition.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] c, float[2] x) => (float[2] y) {
  y = Where(c, x, x)
}

//--- where-types.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[2] c, float[2] x, int64[2] i) => (float[2] y) {
  y = Where(c, x, i)
}

//--- where-branches.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[3] c, float[3] a, float[4] b) => (float[3] y) {
  y = Where(c, a, b)
}

//--- where-condition-shape.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[5] c, float[3] a, float[3] b) => (float[3] y) {
  y = Where(c, a, b)
}

//--- cast-uint8.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (uint8[2] y) {
  y = Cast <to = 2> (x)
}

//--- cast-string.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (string[2] y) {
  y = Cast <to = 8> (x)
}

//--- dropout-mask.txt
<ir_version: 10, opset_import: ["" : 22]>
g (float[2] x, bool t) => (float[2] y) {
  y, mask = Dropout(x, , t)
}

//--- dropout-random.txt
<ir_version: 10, opset_import: ["" : 22]>
g (float[2] x) => (float[2] z) {
  r = Constant <value = float {0.25}> ()
  t1 = Constant <value = bool {1}> ()
  z = Dropout(x, r, t1)
}
