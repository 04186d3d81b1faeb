// Errors of the importer's driver: files that are missing, empty, truncated
// or not ONNX; opsets out of range; unsupported ops (all listed at once);
// inputs that are not static tensors of a supported type; unbound or
// malformed --dim; outputs that differ from what the graph computes.
// Every case exits non-zero (`not`) and says why.

// RUN: rm -rf %t && split-file %s %t

// --- Files.
// RUN: not wafer-translate --import-onnx %t/missing.onnx 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: cannot open input file '{{.*}}missing.onnx': No such file or directory
// RUN: not waferc %t/missing.onnx 2>&1 | FileCheck %s --check-prefix=MISSING-WAFERC
// MISSING-WAFERC: error: cannot open '{{.*}}missing.onnx': No such file or directory

// RUN: not wafer-translate --import-onnx %t/empty.onnx 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: empty.onnx:0:0: error: '{{.*}}empty.onnx' is empty; expected an ONNX model

// A valid model cut short in the middle of its graph.
// RUN: %onnx-text %t/valid.txt -o %t/valid.onnx
// RUN: wafer-translate --import-onnx %t/valid.onnx | FileCheck %s --check-prefix=VALID
// VALID: graph.relu
// RUN: head -c 60 %t/valid.onnx > %t/truncated.onnx
// RUN: not wafer-translate --import-onnx %t/truncated.onnx 2>&1 | FileCheck %s --check-prefix=TRUNC
// TRUNC: truncated.onnx:0:0: error: '{{.*}}truncated.onnx' is not a valid ONNX model: protobuf parsing failed (the file is truncated, corrupt, or not an .onnx file)

// RUN: not wafer-translate --import-onnx %t/text.onnx 2>&1 | FileCheck %s --check-prefix=TEXT
// TEXT: text.onnx:0:0: error: '{{.*}}text.onnx' is not a valid ONNX model: protobuf parsing failed

// Another protobuf message (a TensorProto) is no model either.
// RUN: %python %S/Inputs/bad_models.py tensor-proto %t/tensor.onnx
// RUN: not wafer-translate --import-onnx %t/tensor.onnx 2>&1 | FileCheck %s --check-prefix=TENSOR
// TENSOR: tensor.onnx:0:0: error: '{{.*}}tensor.onnx' is not a valid ONNX model: protobuf parsing failed

// Parseable protobufs that lack what every ONNX model has.
// RUN: %python %S/Inputs/bad_models.py no-ir-version %t/no-ir.onnx
// RUN: not wafer-translate --import-onnx %t/no-ir.onnx 2>&1 | FileCheck %s --check-prefix=NO-IR
// NO-IR: error: '{{.*}}no-ir.onnx' is not an ONNX model: it lacks an ir_version (truncated, or some other protobuf)
// RUN: %python %S/Inputs/bad_models.py no-graph %t/no-graph.onnx
// RUN: not wafer-translate --import-onnx %t/no-graph.onnx 2>&1 | FileCheck %s --check-prefix=NO-GRAPH
// NO-GRAPH: error: '{{.*}}no-graph.onnx' is not an ONNX model: it lacks a graph (truncated, or some other protobuf)
// RUN: %python %S/Inputs/bad_models.py no-opset-import %t/no-opset.onnx
// RUN: not wafer-translate --import-onnx %t/no-opset.onnx 2>&1 | FileCheck %s --check-prefix=NO-OPSET
// NO-OPSET: error: '{{.*}}no-opset.onnx' is not an ONNX model: it lacks an opset_import (truncated, or some other protobuf)

// --- Opsets.
// RUN: %python %S/Inputs/bad_models.py custom-domain-only %t/custom-only.onnx
// RUN: not wafer-translate --import-onnx %t/custom-only.onnx 2>&1 | FileCheck %s --check-prefix=NO-DEFAULT
// NO-DEFAULT: error: model imports no default-domain (ai.onnx) opset
// RUN: %onnx-text %t/opset12.txt -o %t/opset12.onnx
// RUN: not wafer-translate --import-onnx %t/opset12.onnx 2>&1 | FileCheck %s --check-prefix=OPSET12
// OPSET12: error: model uses ONNX opset 12, outside the supported range 13 to 25; convert it with onnx.version_converter first
// RUN: %onnx-text %t/opset26.txt -o %t/opset26.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/opset26.onnx 2>&1 | FileCheck %s --check-prefix=OPSET26
// OPSET26: error: model uses ONNX opset 26, outside the supported range 13 to 25
// The bounds themselves are accepted.
// RUN: %onnx-text %t/opset13.txt -o %t/opset13.onnx
// RUN: wafer-translate --import-onnx %t/opset13.onnx | FileCheck %s --check-prefix=OPSET13
// OPSET13: module attributes {graph.onnx_opset = 13 : i64}
// RUN: %onnx-text %t/opset24.txt -o %t/opset24.onnx
// RUN: wafer-translate --import-onnx %t/opset24.onnx | FileCheck %s --check-prefix=OPSET24
// OPSET24: module attributes {graph.onnx_opset = 24 : i64}
// RUN: %onnx-text %t/opset25.txt -o %t/opset25.onnx
// RUN: wafer-translate --import-onnx %t/opset25.onnx | FileCheck %s --check-prefix=OPSET25
// OPSET25: module attributes {graph.onnx_opset = 25 : i64}

// --- Unsupported ops: every one is listed, with domain, opset and node.
// RUN: %onnx-text %t/unsupported.txt -o %t/unsupported.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/unsupported.onnx 2>&1 | FileCheck %s --check-prefix=UNSUP
// UNSUP: unsupported.onnx:0:0: error: model has 5 node(s) of 4 unsupported op type(s):
// UNSUP-NEXT: {{^}}  NonZero (domain 'ai.onnx', opset 17) in node 'NonZero_1': not supported
// UNSUP-NEXT: {{^}}  FusedMatMul (domain 'com.microsoft', opset 1) in node 'fused': not supported
// UNSUP-NEXT: {{^}}  Gelu (domain 'com.microsoft', opset 1) in node 'Gelu_3': not supported
// UNSUP-NEXT: {{^}}  TopK (domain 'ai.onnx', opset 17) in node 'topk': not supported
// UNSUP-NEXT: {{^}}  NonZero (domain 'ai.onnx', opset 17) in node 'nz2': not supported
// UNSUP-NEXT: note: supported ops: Abs, Add, And, Attention, Cast, Clip, Concat, Constant, ConstantOfShape, Cos, Div, Dropout, Equal, Erf, Exp, Expand, Flatten, Gather, Gelu, Gemm, Greater, GreaterOrEqual, Identity, LayerNormalization, Less, LessOrEqual, Log, MatMul, Max, Min, Mul, Neg, Not, Or, Pow, RMSNormalization, Range, Reciprocal, ReduceMax, ReduceMean, ReduceMin, ReduceProd, ReduceSum, Relu, Reshape, RotaryEmbedding, Shape, Sigmoid, Sin, Slice, Softmax, Split, Sqrt, Squeeze, Sub, Tanh, Transpose, Trilu, Unsqueeze, Where{{$}}

// Ops newer than the model's opset.
// RUN: %onnx-text %t/since.txt -o %t/since.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/since.onnx 2>&1 | FileCheck %s --check-prefix=SINCE
// SINCE: error: model has 3 node(s) of 3 unsupported op type(s):
// SINCE-NEXT: {{^}}  Gelu (domain 'ai.onnx', opset 17) in node 'gelu': needs opset >= 20
// SINCE-NEXT: {{^}}  RMSNormalization (domain 'ai.onnx', opset 17) in node 'RMSNormalization_1': needs opset >= 23
// SINCE-NEXT: {{^}}  Attention (domain 'ai.onnx', opset 17) in node 'Attention_2': needs opset >= 23

// --- Inputs.
// RUN: %onnx-text %t/uint8.txt -o %t/uint8.onnx
// RUN: not wafer-translate --import-onnx %t/uint8.onnx 2>&1 | FileCheck %s --check-prefix=UINT8
// UINT8: error: input 'x' has element type UINT8, which Wafer does not support (FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT64, INT32, BOOL)
// RUN: %python %S/Inputs/bad_models.py sequence-input %t/sequence.onnx
// RUN: not wafer-translate --import-onnx %t/sequence.onnx 2>&1 | FileCheck %s --check-prefix=SEQ
// SEQ: error: input 'x' is not a tensor (sequences, maps and optionals are not supported)
// RUN: %python %S/Inputs/bad_models.py no-shape-input %t/no-shape.onnx
// RUN: not wafer-translate --import-onnx %t/no-shape.onnx 2>&1 | FileCheck %s --check-prefix=NO-SHAPE
// NO-SHAPE: error: input 'x' has no shape (not even a rank)

// RUN: %onnx-text %t/zero-dim.txt -o %t/zero-dim.onnx
// RUN: not wafer-translate --import-onnx %t/zero-dim.onnx 2>&1 | FileCheck %s --check-prefix=ZERO-DIM
// ZERO-DIM: error: input 'x' dimension 1 has size 0; empty tensors are not supported

// Dims whose product overflows int64_t (from --dim: below).
// RUN: %onnx-text %t/huge-input.txt -o %t/huge-input.onnx
// RUN: not wafer-translate --import-onnx %t/huge-input.onnx 2>&1 | FileCheck %s --check-prefix=HUGE-INPUT
// HUGE-INPUT: error: input 'x' of shape [4294967296, 4294967296, 4294967296] has more elements than a 64-bit count holds (2^63 - 1)

// --- Symbolic dimensions: all unbound ones are named, with a hint.
// RUN: %onnx-text %t/symbolic.txt -o %t/symbolic.onnx
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx 2>&1 | FileCheck %s --check-prefix=UNBOUND
// UNBOUND: symbolic.onnx:0:0: error: unbound symbolic dimension(s): batch, seq, mask[1]
// UNBOUND-NEXT: symbolic.onnx:0:0: note: bind each with --dim batch=<size> --dim seq=<size> --dim <dim>=<size>
// Binding some still names the rest.
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx --dim batch=2 2>&1 | FileCheck %s --check-prefix=UNBOUND-SEQ
// UNBOUND-SEQ: error: unbound symbolic dimension(s): seq, mask[1]{{$}}
// UNBOUND-SEQ-NEXT: note: bind each with --dim seq=<size> --dim <dim>=<size>{{$}}
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx --dim seq 2>&1 | FileCheck %s --check-prefix=DIM-NOVALUE
// DIM-NOVALUE: error: --dim expects NAME=SIZE with a positive SIZE, got 'seq'
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx --dim =4 2>&1 | FileCheck %s --check-prefix=DIM-NONAME
// DIM-NONAME: error: --dim expects NAME=SIZE with a positive SIZE, got '=4'
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx --dim seq=0 2>&1 | FileCheck %s --check-prefix=DIM-ZERO
// DIM-ZERO: error: --dim expects NAME=SIZE with a positive SIZE, got 'seq=0'
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx --dim seq=-3 2>&1 | FileCheck %s --check-prefix=DIM-NEG
// DIM-NEG: error: --dim expects NAME=SIZE with a positive SIZE, got 'seq=-3'
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx --dim seq=big 2>&1 | FileCheck %s --check-prefix=DIM-NAN
// DIM-NAN: error: --dim expects NAME=SIZE with a positive SIZE, got 'seq=big'
// RUN: not waferc %t/symbolic.onnx --dim batch:2 2>&1 | FileCheck %s --check-prefix=DIM-WAFERC
// DIM-WAFERC: waferc: error: --dim expects NAME=SIZE with a positive SIZE, got 'batch:2'
// Bindings so large that the inputs' counts overflow.
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx --dim batch=4294967296 --dim seq=4294967296 2>&1 | FileCheck %s --check-prefix=HUGE-DIM
// HUGE-DIM: error: input 'x' of shape [4294967296, 4294967296] has more elements than a 64-bit count holds (2^63 - 1)
// RUN: not wafer-translate --import-onnx %t/symbolic.onnx --dim batch=2305843009213693952 --dim seq=2 2>&1 | FileCheck %s --check-prefix=HUGE-BYTES
// HUGE-BYTES: error: input 'x' of shape [2305843009213693952, 2] of 32-bit elements takes more bytes than a 64-bit count holds (2^63 - 1)

// --- Outputs.
// RUN: %onnx-text %t/out-elem.txt -o %t/out-elem.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/out-elem.onnx 2>&1 | FileCheck %s --check-prefix=OUT-ELEM
// OUT-ELEM: error: loc("cmp"): output 'y' is declared FLOAT but computes 'i1'
// RUN: %onnx-text %t/out-rank.txt -o %t/out-rank.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/out-rank.onnx 2>&1 | FileCheck %s --check-prefix=OUT-RANK
// OUT-RANK: error: loc("Add_0"): output 'y' is declared with rank 3 but computes 'tensor<2x3xf32>'
// RUN: %onnx-text %t/out-dim.txt -o %t/out-dim.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/out-dim.onnx 2>&1 | FileCheck %s --check-prefix=OUT-DIM
// OUT-DIM: error: loc("MatMul_0"): output 'y' dimension 1 is declared 5 but computes 4 ('tensor<2x4xf32>')
// A declared dim_param is checked against its --dim binding.
// RUN: %onnx-text %t/out-param.txt -o %t/out-param.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/out-param.onnx --dim seq=3 --dim half=2 2>&1 | FileCheck %s --check-prefix=OUT-PARAM
// OUT-PARAM: error: loc("Concat_0"): output 'y' dimension 0 is declared 2 but computes 6 ('tensor<6xf32>')
// RUN: %onnx-text %t/out-undefined.txt -o %t/out-undefined.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/out-undefined.onnx 2>&1 | FileCheck %s --check-prefix=OUT-UNDEF
// OUT-UNDEF: error: graph output 'nowhere' is produced by no node, graph input or initializer

// --- Node inputs.
// RUN: %onnx-text %t/undefined-input.txt -o %t/undefined-input.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/undefined-input.onnx 2>&1 | FileCheck %s --check-prefix=UNDEF-IN
// UNDEF-IN: error: loc("Relu_0"): Relu node 'Relu_0': input 0 'later' is used before Neg node 'Neg_1' defines it (the nodes are not in topological order)
// RUN: %onnx-text %t/missing-input.txt -o %t/missing-input.onnx --no-check
// RUN: not wafer-translate --import-onnx %t/missing-input.onnx 2>&1 | FileCheck %s --check-prefix=MISSING-IN
// MISSING-IN: error: loc("Where_0"): Where node 'Where_0' takes 3 inputs, got 2

//--- empty.onnx
//--- text.onnx
This is a README, not an ONNX model. It has several lines of plain text,
which protobuf cannot read as a ModelProto.
//--- valid.txt
<ir_version: 8, opset_import: ["" : 17]>
main_graph (float[2, 3] input_tensor) => (float[2, 3] output_tensor) {
  [relu_node] output_tensor = Relu(input_tensor)
}
//--- opset12.txt
<ir_version: 7, opset_import: ["" : 12]>
g (float[2] x) => (float[2] y) {
  y = Relu(x)
}
//--- opset26.txt
<ir_version: 10, opset_import: ["" : 26]>
g (float[2] x) => (float[2] y) {
  y = Relu(x)
}
//--- opset25.txt
<ir_version: 10, opset_import: ["" : 25]>
g (float[2] x) => (float[2] y) {
  y = Relu(x)
}
//--- opset13.txt
<ir_version: 7, opset_import: ["" : 13]>
g (float[2] x) => (float[2] y) {
  y = Relu(x)
}
//--- opset24.txt
<ir_version: 10, opset_import: ["" : 24]>
g (float[2] x) => (float[2] y) {
  y = Relu(x)
}
//--- unsupported.txt
<ir_version: 8, opset_import: ["" : 17, "com.microsoft" : 1]>
g (float[2, 3] x) => (float[2, 3] y) {
  [relu] a = Relu(x)
  b = NonZero(a)
  [fused] c = com.microsoft.FusedMatMul(a, a)
  d = com.microsoft.Gelu(a)
  [topk] e, f = TopK(a, b)
  [nz2] g1 = NonZero(a)
  y = Relu(a)
}
//--- since.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[3] s) => (float[2, 3] y) {
  [gelu] a = Gelu(x)
  b = RMSNormalization(a, s)
  y = Attention(b, b, b)
}
//--- uint8.txt
<ir_version: 8, opset_import: ["" : 17]>
g (uint8[2] x) => (uint8[2] y) {
  y = Identity(x)
}
//--- zero-dim.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 0] x) => (float[2, 0] y) {
  y = Identity(x)
}
//--- huge-input.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[4294967296, 4294967296, 4294967296] x) => (float[4294967296, 4294967296, 4294967296] y) {
  y = Identity(x)
}
//--- symbolic.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[batch, seq] x, float[batch, ?] mask) => (float[batch, seq] y) {
  y = Add(x, mask)
}
//--- out-elem.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  [cmp] y = Less(x, x)
}
//--- out-rank.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[1, 2, 3] y) {
  y = Add(x, x)
}
//--- out-dim.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x, float[3, 4] w) => (float[2, 5] y) {
  y = MatMul(x, w)
}
//--- out-param.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[seq] x) => (float[half] y) {
  y = Concat <axis = 0> (x, x)
}
//--- out-undefined.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] nowhere) {
  y = Relu(x)
}
//--- undefined-input.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2] x) => (float[2] y) {
  y = Relu(later)
  later = Neg(x)
}
//--- missing-input.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[2] c, float[2] x) => (float[2] y) {
  y = Where(c, x)
}
