// Attributes of the wrong AttributeProto type are errors, not defaults: the
// typed accessors (attrInt, attrFloat, attrString, attrInts, attrTensor in
// GraphImporterHelpers.cpp) fail on them with the node, the attribute, and
// the expected and actual types, and every importer stops there.

// RUN: rm -rf %t && split-file %s %t

// `axis = 1.0` once gave the axis-0 result.
// RUN: %onnx-text %t/gather-float-axis.txt -o %t/gather-float-axis.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/gather-float-axis.onnx 2>&1 | FileCheck %s --check-prefix=GATHER-FLOAT-AXIS
// GATHER-FLOAT-AXIS: error: loc("g"): Gather node 'g': attribute 'axis' must be an INT, got FLOAT
// RUN: %onnx-text %t/gather-string-axis.txt -o %t/gather-string-axis.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/gather-string-axis.onnx 2>&1 | FileCheck %s --check-prefix=GATHER-STRING-AXIS
// GATHER-STRING-AXIS: error: loc("g"): Gather node 'g': attribute 'axis' must be an INT, got STRING
// RUN: %onnx-text %t/layernorm-int-epsilon.txt -o %t/layernorm-int-epsilon.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/layernorm-int-epsilon.onnx 2>&1 | FileCheck %s --check-prefix=LAYERNORM-INT-EPSILON
// LAYERNORM-INT-EPSILON: error: loc("ln"): LayerNormalization node 'ln': attribute 'epsilon' must be a FLOAT, got INT
// RUN: %onnx-text %t/attention-string-scale.txt -o %t/attention-string-scale.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/attention-string-scale.onnx 2>&1 | FileCheck %s --check-prefix=ATTENTION-STRING-SCALE
// ATTENTION-STRING-SCALE: error: loc("attn"): Attention node 'attn': attribute 'scale' must be a FLOAT, got STRING
// RUN: %onnx-text %t/gelu-int-approximate.txt -o %t/gelu-int-approximate.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/gelu-int-approximate.onnx 2>&1 | FileCheck %s --check-prefix=GELU-INT-APPROXIMATE
// GELU-INT-APPROXIMATE: error: loc("Gelu_0"): Gelu node 'Gelu_0': attribute 'approximate' must be a STRING, got INT
// RUN: %onnx-text %t/transpose-int-perm.txt -o %t/transpose-int-perm.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/transpose-int-perm.onnx 2>&1 | FileCheck %s --check-prefix=TRANSPOSE-INT-PERM
// TRANSPOSE-INT-PERM: error: loc("Transpose_0"): Transpose node 'Transpose_0': attribute 'perm' must be an INTS, got INT
// RUN: %onnx-text %t/cast-float-to.txt -o %t/cast-float-to.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/cast-float-to.onnx 2>&1 | FileCheck %s --check-prefix=CAST-FLOAT-TO
// CAST-FLOAT-TO: error: loc("Cast_0"): Cast node 'Cast_0': attribute 'to' must be an INT, got FLOAT
// RUN: %onnx-text %t/cos-int-value.txt -o %t/cos-int-value.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/cos-int-value.onnx 2>&1 | FileCheck %s --check-prefix=COS-INT-VALUE
// COS-INT-VALUE: error: loc("ConstantOfShape_1"): ConstantOfShape node 'ConstantOfShape_1': attribute 'value' must be a TENSOR, got INT
// RUN: %onnx-text %t/constant-float-value-int.txt -o %t/constant-float-value-int.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/constant-float-value-int.onnx 2>&1 | FileCheck %s --check-prefix=CONSTANT-VALUE-INT
// CONSTANT-VALUE-INT: error: loc("Constant_0"): Constant node 'Constant_0': attribute 'value_int' must be an INT, got FLOAT
// Reductions, read through the shared axes helper.
// RUN: %onnx-text %t/reduce-float-keepdims.txt -o %t/reduce-float-keepdims.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/reduce-float-keepdims.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE-FLOAT-KEEPDIMS
// REDUCE-FLOAT-KEEPDIMS: error: loc("ReduceMax_0"): ReduceMax node 'ReduceMax_0': attribute 'keepdims' must be an INT, got FLOAT
// RUN: %onnx-text %t/reduce-floats-axes.txt -o %t/reduce-floats-axes.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/reduce-floats-axes.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE-FLOATS-AXES
// REDUCE-FLOATS-AXES: error: loc("ReduceMax_0"): ReduceMax node 'ReduceMax_0': attribute 'axes' must be an INTS, got FLOATS

// Values of the right type that no model means: refused as well.
// RUN: %onnx-text %t/layernorm-negative-epsilon.txt -o %t/layernorm-negative-epsilon.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/layernorm-negative-epsilon.onnx 2>&1 | FileCheck %s --check-prefix=LAYERNORM-NEGATIVE-EPSILON
// LAYERNORM-NEGATIVE-EPSILON: error: loc("ln"): LayerNormalization node 'ln': epsilon must be finite and non-negative, got -1.000000e-05
// RUN: %onnx-text %t/attention-negative-softcap.txt -o %t/attention-negative-softcap.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/attention-negative-softcap.onnx 2>&1 | FileCheck %s --check-prefix=ATTENTION-NEGATIVE-SOFTCAP
// ATTENTION-NEGATIVE-SOFTCAP: error: loc("attn"): Attention node 'attn': softcap must be finite and non-negative (0 disables it), got -2.000000e+00

//--- gather-float-axis.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, int64[1] i) => (float[2, 1] y) {
  [g] y = Gather <axis = 1.0> (x, i)
}
//--- gather-string-axis.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, int64[1] i) => (float[2, 1] y) {
  [g] y = Gather <axis = "1"> (x, i)
}
//--- layernorm-int-epsilon.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[3] s) => (float[2, 3] y) {
  [ln] y = LayerNormalization <epsilon = 1> (x, s)
}
//--- attention-string-scale.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] q) => (float[1, 2, 3, 4] y) {
  [attn] y = Attention <scale = "0.5"> (q, q, q)
}
//--- gelu-int-approximate.txt
<ir_version: 10, opset_import: ["" : 20]>
g (float[2] x) => (float[2] y) {
  y = Gelu <approximate = 1> (x)
}
//--- transpose-int-perm.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[3, 2] y) {
  y = Transpose <perm = 1> (x)
}
//--- cast-float-to.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (int64[2] y) {
  y = Cast <to = 7.0> (x)
}
//--- cos-int-value.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  s = Constant <value = int64[1] {2}> ()
  y = ConstantOfShape <value = 3> (s)
}
//--- constant-float-value-int.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (int64 y) {
  y = Constant <value_int = 3.5> ()
}
//--- reduce-float-keepdims.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[2] y) {
  y = ReduceMax <axes = [1], keepdims = 0.0> (x)
}
//--- reduce-floats-axes.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[2] y) {
  y = ReduceMax <axes = [1.0], keepdims = 0> (x)
}
//--- layernorm-negative-epsilon.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[3] s) => (float[2, 3] y) {
  [ln] y = LayerNormalization <epsilon = -0.00001> (x, s)
}
//--- attention-negative-softcap.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[1, 2, 3, 4] q) => (float[1, 2, 3, 4] y) {
  [attn] y = Attention <softcap = -2.0> (q, q, q)
}
