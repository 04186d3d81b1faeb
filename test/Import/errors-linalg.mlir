// Importer errors of MatMul, Gemm, Softmax, LayerNormalization,
// RMSNormalization and the reductions: element types, contraction and batch
// mismatches, axes out of range or repeated, norm parameter shapes,
// training-only outputs, axes that are not constants.

// RUN: rm -rf %t && split-file %s %t

// RUN: %onnx-text %t/matmul-types.txt -o %t/matmul-types.onnx
// RUN: not wafer-translate --import-onnx %t/matmul-types.onnx 2>&1 | FileCheck %s --check-prefix=MATMUL-TYPES
// MATMUL-TYPES: error: loc("MatMul_0"): MatMul operands differ in element type: 'f32' vs 'f16'

// RUN: %onnx-text %t/matmul-scalar.txt -o %t/matmul-scalar.onnx
// RUN: not wafer-translate --import-onnx %t/matmul-scalar.onnx 2>&1 | FileCheck %s --check-prefix=MATMUL-SCALAR
// MATMUL-SCALAR: error: loc("MatMul_0"): MatMul operands must have rank >= 1

// RUN: %onnx-text %t/matmul-k.txt -o %t/matmul-k.onnx
// RUN: not wafer-translate --import-onnx %t/matmul-k.onnx 2>&1 | FileCheck %s --check-prefix=MATMUL-K
// MATMUL-K: error: loc("proj"): matmul contraction mismatch: [2, 3] x [4, 5] (K = 3 vs 4)

// RUN: %onnx-text %t/matmul-vector-k.txt -o %t/matmul-vector-k.onnx
// RUN: not wafer-translate --import-onnx %t/matmul-vector-k.onnx 2>&1 | FileCheck %s --check-prefix=MATMUL-VECTOR-K
// MATMUL-VECTOR-K: error: loc("MatMul_0"): matmul contraction mismatch: [1, 3] x [4, 1] (K = 3 vs 4)

// RUN: %onnx-text %t/matmul-batch.txt -o %t/matmul-batch.onnx
// RUN: not wafer-translate --import-onnx %t/matmul-batch.onnx 2>&1 | FileCheck %s --check-prefix=MATMUL-BATCH
// MATMUL-BATCH: error: loc("MatMul_0"): matmul batch dimensions: shapes [2] and [3] do not broadcast (dimension 0: 2 vs 3)

// RUN: %onnx-text %t/gemm-rank.txt -o %t/gemm-rank.onnx
// RUN: not wafer-translate --import-onnx %t/gemm-rank.onnx 2>&1 | FileCheck %s --check-prefix=GEMM-RANK
// GEMM-RANK: error: loc("Gemm_0"): Gemm operands must be 2-D

// RUN: %onnx-text %t/gemm-k.txt -o %t/gemm-k.onnx
// RUN: not wafer-translate --import-onnx %t/gemm-k.onnx 2>&1 | FileCheck %s --check-prefix=GEMM-K
// GEMM-K: error: loc("Gemm_0"): matmul contraction mismatch: [2, 3] x [4, 3] (K = 3 vs 4)

// RUN: %onnx-text %t/gemm-bias-rank.txt -o %t/gemm-bias-rank.onnx
// RUN: not wafer-translate --import-onnx %t/gemm-bias-rank.onnx 2>&1 | FileCheck %s --check-prefix=GEMM-BIAS-RANK
// GEMM-BIAS-RANK: error: loc("Gemm_0"): Gemm bias 'tensor<2x2x4xf32>' does not broadcast to 'tensor<2x4xf32>'

// RUN: %onnx-text %t/gemm-bias-shape.txt -o %t/gemm-bias-shape.onnx
// RUN: not wafer-translate --import-onnx %t/gemm-bias-shape.onnx 2>&1 | FileCheck %s --check-prefix=GEMM-BIAS-SHAPE
// GEMM-BIAS-SHAPE: error: loc("Gemm_0"): Add: shapes [2, 4] and [3] do not broadcast (dimension 1: 4 vs 3)

// RUN: %onnx-text %t/softmax-axis.txt -o %t/softmax-axis.onnx
// RUN: not wafer-translate --import-onnx %t/softmax-axis.onnx 2>&1 | FileCheck %s --check-prefix=SOFTMAX-AXIS
// SOFTMAX-AXIS: error: loc("Softmax_0"): Softmax axis out of range for 'tensor<2x3xf32>'

// RUN: %onnx-text %t/softmax-int.txt -o %t/softmax-int.onnx
// RUN: not wafer-translate --import-onnx %t/softmax-int.onnx 2>&1 | FileCheck %s --check-prefix=SOFTMAX-INT
// SOFTMAX-INT: error: loc("Softmax_0"): Softmax needs a float tensor

// RUN: %onnx-text %t/layernorm-axis.txt -o %t/layernorm-axis.onnx
// RUN: not wafer-translate --import-onnx %t/layernorm-axis.onnx 2>&1 | FileCheck %s --check-prefix=LAYERNORM-AXIS
// LAYERNORM-AXIS: error: loc("LayerNormalization_0"): LayerNormalization axis out of range

// RUN: %onnx-text %t/layernorm-scale-type.txt -o %t/layernorm-scale-type.onnx
// RUN: not wafer-translate --import-onnx %t/layernorm-scale-type.onnx 2>&1 | FileCheck %s --check-prefix=LAYERNORM-SCALE-TYPE
// LAYERNORM-SCALE-TYPE: error: loc("LayerNormalization_0"): LayerNormalization scale/bias element type 'f16' differs from the input's

// RUN: %onnx-text %t/layernorm-scale-shape.txt -o %t/layernorm-scale-shape.onnx
// RUN: not wafer-translate --import-onnx %t/layernorm-scale-shape.onnx 2>&1 | FileCheck %s --check-prefix=LAYERNORM-SCALE-SHAPE
// LAYERNORM-SCALE-SHAPE: error: loc("LayerNormalization_0"): LayerNormalization scale/bias [4] does not match the normalized dimensions [8]

// RUN: %onnx-text %t/layernorm-bias-shape.txt -o %t/layernorm-bias-shape.onnx
// RUN: not wafer-translate --import-onnx %t/layernorm-bias-shape.onnx 2>&1 | FileCheck %s --check-prefix=LAYERNORM-BIAS-SHAPE
// LAYERNORM-BIAS-SHAPE: error: loc("LayerNormalization_0"): LayerNormalization scale/bias [2, 3, 8] does not match the normalized dimensions [3, 8]

// RUN: %onnx-text %t/layernorm-stash.txt -o %t/layernorm-stash.onnx
// RUN: not wafer-translate --import-onnx %t/layernorm-stash.onnx 2>&1 | FileCheck %s --check-prefix=LAYERNORM-STASH
// LAYERNORM-STASH: error: loc("LayerNormalization_0"): LayerNormalization node 'LayerNormalization_0': stash_type must be FLOAT (1) or BFLOAT16 (16), got DOUBLE
// LAYERNORM-STASH-NEXT: note: loc("LayerNormalization_0"): while importing LayerNormalization (domain 'ai.onnx', opset 17) in node 'LayerNormalization_0'

// RUN: %onnx-text %t/rmsnorm-axis.txt -o %t/rmsnorm-axis.onnx
// RUN: not wafer-translate --import-onnx %t/rmsnorm-axis.onnx 2>&1 | FileCheck %s --check-prefix=RMSNORM-AXIS
// RMSNORM-AXIS: error: loc("RMSNormalization_0"): RMSNormalization axis out of range

// RUN: %onnx-text %t/rmsnorm-scale-shape.txt -o %t/rmsnorm-scale-shape.onnx
// RUN: not wafer-translate --import-onnx %t/rmsnorm-scale-shape.onnx 2>&1 | FileCheck %s --check-prefix=RMSNORM-SCALE-SHAPE
// RMSNORM-SCALE-SHAPE: error: loc("RMSNormalization_0"): RMSNormalization scale/bias [3] does not match the normalized dimensions [8]

// RUN: %onnx-text %t/reduce-axis.txt -o %t/reduce-axis.onnx
// RUN: not wafer-translate --import-onnx %t/reduce-axis.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE-AXIS
// REDUCE-AXIS: error: loc("ReduceMax_0"): ReduceMax axis 3 out of range for rank 3

// RUN: %onnx-text %t/reduce-negative-axis.txt -o %t/reduce-negative-axis.onnx
// RUN: not wafer-translate --import-onnx %t/reduce-negative-axis.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE-NEGATIVE-AXIS
// REDUCE-NEGATIVE-AXIS: error: loc("ReduceMin_1"): ReduceMin axis -4 out of range for rank 3

// RUN: %onnx-text %t/reduce-repeated.txt -o %t/reduce-repeated.onnx
// RUN: not wafer-translate --import-onnx %t/reduce-repeated.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE-REPEATED
// REDUCE-REPEATED: error: loc("ReduceSum_1"): reduction axis 1 repeated

// RUN: %onnx-text %t/reducemean-int.txt -o %t/reducemean-int.onnx
// RUN: not wafer-translate --import-onnx %t/reducemean-int.onnx 2>&1 | FileCheck %s --check-prefix=REDUCEMEAN-INT
// REDUCEMEAN-INT: error: loc("ReduceMean_0"): ReduceMean on 'i64' tensors is not supported

// RUN: %onnx-text %t/reduce-bool.txt -o %t/reduce-bool.onnx
// RUN: not wafer-translate --import-onnx %t/reduce-bool.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE-BOOL
// REDUCE-BOOL: error: loc("ReduceMax_0"): ReduceMax on 'i1' tensors is not supported

// RUN: %onnx-text %t/reduce-runtime-axes.txt -o %t/reduce-runtime-axes.onnx
// RUN: not wafer-translate --import-onnx %t/reduce-runtime-axes.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE-RUNTIME-AXES
// REDUCE-RUNTIME-AXES: error: loc("ReduceSum_0"): the axes of ReduceSum must be known at compile time, but it is computed from runtime values; bind every symbolic dimension with --dim so that shape arithmetic folds

//--- matmul-types.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] a, float16[3, 4] b) => (float[2, 4] y) {
  y = MatMul(a, b)
}

//--- matmul-scalar.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float a, float[3] b) => (float[3] y) {
  y = MatMul(a, b)
}

//--- matmul-k.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] a, float[4, 5] b) => (float[2, 5] y) {
  [proj] y = MatMul(a, b)
}

//--- matmul-vector-k.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[3] a, float[4] b) => (float y) {
  y = MatMul(a, b)
}

//--- matmul-batch.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 2, 3] a, float[3, 3, 4] b) => (float[2, 2, 4] y) {
  y = MatMul(a, b)
}

//--- gemm-rank.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[3] a, float[3, 4] b) => (float[4] y) {
  y = Gemm(a, b)
}

//--- gemm-k.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] a, float[4, 3] b) => (float[2, 4] y) {
  y = Gemm(a, b)
}

//--- gemm-bias-rank.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] a, float[3, 4] b, float[2, 2, 4] c) => (float[2, 4] y) {
  y = Gemm(a, b, c)
}

//--- gemm-bias-shape.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] a, float[3, 4] b, float[3] c) => (float[2, 4] y) {
  y = Gemm(a, b, c)
}

//--- softmax-axis.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3] x) => (float[2, 3] y) {
  y = Softmax <axis = 2> (x)
}

//--- softmax-int.txt
<ir_version: 8, opset_import: ["" : 17]>
g (int64[2, 3] x) => (int64[2, 3] y) {
  y = Softmax(x)
}

//--- layernorm-axis.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 8] x, float[8] s) => (float[2, 8] y) {
  y = LayerNormalization <axis = 3> (x, s)
}

//--- layernorm-scale-type.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 8] x, float16[8] s) => (float[2, 8] y) {
  y = LayerNormalization(x, s)
}

//--- layernorm-scale-shape.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 8] x, float[4] s) => (float[2, 8] y) {
  y = LayerNormalization(x, s)
}

//--- layernorm-bias-shape.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3, 8] x, float[3, 8] s, float[2, 3, 8] b) => (float[2, 3, 8] y) {
  y = LayerNormalization <axis = 1> (x, s, b)
}

//--- layernorm-stash.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 8] x, float[8] s) => (float[2, 8] y) {
  y = LayerNormalization <stash_type = 11> (x, s)
}

//--- rmsnorm-axis.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 8] x, float[8] s) => (float[2, 8] y) {
  y = RMSNormalization <axis = -3> (x, s)
}

//--- rmsnorm-scale-shape.txt
<ir_version: 10, opset_import: ["" : 23]>
g (float[2, 3, 8] x, float[3] s) => (float[2, 3, 8] y) {
  y = RMSNormalization(x, s)
}

//--- reduce-axis.txt
<ir_version: 8, opset_import: ["" : 17]>
g (float[2, 3, 4] x) => (float[2, 3, 1] y) {
  y = ReduceMax <axes = [3]> (x)
}

//--- reduce-negative-axis.txt
<ir_version: 8, opset_import: ["" : 18]>
g (float[2, 3, 4] x) => (float[2, 3, 1] y) {
  ax = Constant <value = int64[1] {-4}> ()
  y = ReduceMin(x, ax)
}

//--- reduce-repeated.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3, 4] x) => (float[2, 1, 4] y) {
  ax = Constant <value = int64[2] {1, -2}> ()
  y = ReduceSum(x, ax)
}

//--- reducemean-int.txt
<ir_version: 8, opset_import: ["" : 17]>
g (int64[2, 3] x) => (int64[2, 1] y) {
  y = ReduceMean <axes = [1]> (x)
}

//--- reduce-bool.txt
<ir_version: 8, opset_import: ["" : 17]>
g (bool[2, 3] x) => (bool[2, 1] y) {
  y = ReduceMax <axes = [1]> (x)
}

//--- reduce-runtime-axes.txt
<ir_version: 8, opset_import: ["" : 13]>
g (float[2, 3] x, int64[1] ax) => (float[2, 1] y) {
  y = ReduceSum(x, ax)
}
