// Every verifier error of the graph dialect (GraphOps.cpp), plus a few of
// the ODS type constraints.

// RUN: wafer-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// Broadcasting binary ops
//===----------------------------------------------------------------------===//

func.func @add_element_types(%a: tensor<2xf32>, %b: tensor<2xf16>) -> tensor<2xf32> {
  // expected-error @+1 {{'graph.add' op operands have different element types 'f32' and 'f16'}}
  %0 = graph.add %a, %b : (tensor<2xf32>, tensor<2xf16>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @sub_result_element(%a: tensor<2xf32>) -> tensor<2xf16> {
  // expected-error @+1 {{'graph.sub' op result element type 'f16' differs from the operands' 'f32'}}
  %0 = graph.sub %a, %a : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @mul_broadcast(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.mul' op shapes [2, 3] and [4] do not broadcast (dimension 1: 3 vs 4)}}
  %0 = graph.mul %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @div_result_shape(%a: tensor<2x1xi64>, %b: tensor<3xi64>) -> tensor<2x1xi64> {
  // expected-error @+1 {{'graph.div' op result shape [2, 1] does not match the inferred shape [2, 3]}}
  %0 = graph.div %a, %b : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

func.func @less_result_shape(%a: tensor<3xf32>) -> tensor<1xi1> {
  // expected-error @+1 {{'graph.less' op result shape [1] does not match the inferred shape [3]}}
  %0 = graph.less %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<1xi1>
  return %0 : tensor<1xi1>
}

// -----

func.func @equal_result_not_bool(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.equal' op result #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = graph.equal %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @pow_int(%a: tensor<3xi64>) -> tensor<3xi64> {
  // expected-error @+1 {{'graph.pow' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 64-bit float values}}
  %0 = graph.pow %a, %a : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @dynamic_shape(%a: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{'graph.max' op operand #0 must be statically shaped tensor}}
  %0 = graph.max %a, %a : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

//===----------------------------------------------------------------------===//
// Constants, shape, range
//===----------------------------------------------------------------------===//

// -----

func.func @constant_type() -> tensor<3xi64> {
  // expected-error @+1 {{'graph.constant' op failed to verify that all of {value, output} have same type}}
  %0 = "graph.constant"() {value = dense<[1, 2]> : tensor<2xi64>} : () -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @shape_size(%a: tensor<2x3x4xf32>) -> tensor<3xi64> {
  // expected-error @+1 {{'graph.shape' op result must be tensor<2xi64>}}
  %0 = graph.shape %a {start = -2} : tensor<2x3x4xf32> -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @shape_empty_window(%a: tensor<2x3x4xf32>) -> tensor<1xi64> {
  // expected-error @+1 {{'graph.shape' op start 2 and end 1 select no dimension of a rank-3 input, and empty tensors are not supported}}
  %0 = graph.shape %a {start = 2, end = 1} : tensor<2x3x4xf32> -> tensor<1xi64>
  return %0 : tensor<1xi64>
}

// -----

func.func @shape_i32(%a: tensor<2x3xf32>) -> tensor<2xi32> {
  // expected-error @+1 {{'graph.shape' op result #0 must be statically shaped tensor of 64-bit signless integer values}}
  %0 = graph.shape %a : tensor<2x3xf32> -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @range_rank() -> tensor<2x2xi64> {
  // expected-error @+1 {{'graph.range' op result must be 1-D}}
  %0 = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}

// -----

func.func @range_element() -> tensor<4xf32> {
  // expected-error @+1 {{'graph.range' op start and delta must be of the element type 'f32'}}
  %0 = graph.range {start = 0 : i64, delta = 1.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

// -----

func.func @reshape_element(%a: tensor<2x3xf32>) -> tensor<6xf16> {
  // expected-error @+1 {{'graph.reshape' op changes the element type}}
  %0 = graph.reshape %a : tensor<2x3xf32> -> tensor<6xf16>
  return %0 : tensor<6xf16>
}

// -----

func.func @reshape_count(%a: tensor<2x3xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'graph.reshape' op cannot reshape [2, 3] (6 elements) into [4] (4 elements)}}
  %0 = graph.reshape %a : tensor<2x3xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @cast_shape(%a: tensor<2x3xf32>) -> tensor<6xi64> {
  // expected-error @+1 {{'graph.cast' op requires the same shape for all operands and results}}
  %0 = graph.cast %a : tensor<2x3xf32> -> tensor<6xi64>
  return %0 : tensor<6xi64>
}

// -----

func.func @transpose_element(%a: tensor<2x3xf32>) -> tensor<3x2xf16> {
  // expected-error @+1 {{'graph.transpose' op changes the element type}}
  %0 = graph.transpose %a, [1, 0] : tensor<2x3xf32> -> tensor<3x2xf16>
  return %0 : tensor<3x2xf16>
}

// -----

func.func @transpose_repeated(%a: tensor<2x3xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{'graph.transpose' op invalid permutation [0, 0]}}
  %0 = graph.transpose %a, [0, 0] : tensor<2x3xf32> -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @transpose_out_of_range(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.transpose' op invalid permutation [0, -1]}}
  %0 = graph.transpose %a, [0, -1] : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @transpose_length(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.transpose' op permutation of 3 entries for a rank-2 tensor}}
  %0 = graph.transpose %a, [0, 1, 2] : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @transpose_result(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.transpose' op result shape [2, 3] does not match the inferred shape [3, 2]}}
  %0 = graph.transpose %a, [1, 0] : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @expand_element(%a: tensor<3xf32>) -> tensor<2x3xf16> {
  // expected-error @+1 {{'graph.expand' op changes the element type}}
  %0 = graph.expand %a : tensor<3xf32> -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// -----

func.func @expand_broadcast(%a: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.expand' op [3] does not broadcast to [2, 4]}}
  %0 = graph.expand %a : tensor<3xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @expand_shrink(%a: tensor<2x3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.expand' op [2, 3] does not broadcast to [3]}}
  %0 = graph.expand %a : tensor<2x3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @concat_empty() -> tensor<2xf32> {
  // expected-error @+1 {{'graph.concat' op needs at least one operand}}
  %0 = graph.concat {axis = 0 : i64} : () -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @concat_element(%a: tensor<2xf32>, %b: tensor<2xf16>) -> tensor<4xf32> {
  // expected-error @+1 {{'graph.concat' op operand element type 'f16' differs from the result's}}
  %0 = graph.concat %a, %b {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @concat_axis(%a: tensor<2xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'graph.concat' op concat axis -1 out of range for rank 1}}
  %0 = graph.concat %a, %a {axis = -1 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @concat_rank(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x6xf32> {
  // expected-error @+1 {{'graph.concat' op concat operands differ in rank: [2, 3] and [3]}}
  %0 = graph.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_dims(%a: tensor<2x3xf32>, %b: tensor<3x3xf32>) -> tensor<2x6xf32> {
  // expected-error @+1 {{'graph.concat' op concat operands [2, 3] and [3, 3] differ in dimension 0}}
  %0 = graph.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_result(%a: tensor<2x3xf32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{'graph.concat' op result shape [2, 5] does not match the inferred shape [2, 6]}}
  %0 = graph.concat %a, %a {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @split_axis(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{'graph.split' op axis 2 out of range for rank 2}}
  %0:2 = graph.split %a {axis = 2 : i64} : tensor<2x4xf32> -> tensor<2x2xf32>, tensor<2x2xf32>
  return
}

// -----

func.func @split_rank(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{'graph.split' op piece [4] does not match the input's rank and type}}
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<2x4xf32> -> tensor<4xf32>, tensor<1x4xf32>
  return
}

// -----

func.func @split_element(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{'graph.split' op piece [1, 4] does not match the input's rank and type}}
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<2x4xf32> -> tensor<1x4xf32>, tensor<1x4xf16>
  return
}

// -----

func.func @split_other_dim(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{'graph.split' op piece [2, 2] differs from the input outside the axis}}
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<2x4xf32> -> tensor<1x4xf32>, tensor<2x2xf32>
  return
}

// -----

func.func @split_cover(%a: tensor<4x2xf32>) {
  // expected-error @+1 {{'graph.split' op pieces cover 3 of 4 elements along axis 0}}
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<4x2xf32> -> tensor<1x2xf32>, tensor<2x2xf32>
  return
}

// -----

func.func @slice_entries(%a: tensor<4x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.slice' op needs one start and step per dimension}}
  %0 = graph.slice %a {starts = array<i64: 0>, steps = array<i64: 1, 1>} : tensor<4x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @slice_rank(%a: tensor<4x4xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'graph.slice' op needs one start and step per dimension}}
  %0 = graph.slice %a {starts = array<i64: 0, 0>, steps = array<i64: 1, 1>} : tensor<4x4xf32> -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @slice_element(%a: tensor<4xf32>) -> tensor<2xf16> {
  // expected-error @+1 {{'graph.slice' op changes the element type}}
  %0 = graph.slice %a {starts = array<i64: 0>, steps = array<i64: 1>} : tensor<4xf32> -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @slice_step(%a: tensor<4x4xf32>) -> tensor<4x2xf32> {
  // expected-error @+1 {{'graph.slice' op step of dimension 1 is zero}}
  %0 = graph.slice %a {starts = array<i64: 0, 0>, steps = array<i64: 1, 0>} : tensor<4x4xf32> -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

func.func @slice_past_end(%a: tensor<4xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.slice' op dimension 0: 3 elements from 2 by 1 leave [0, 4)}}
  %0 = graph.slice %a {starts = array<i64: 2>, steps = array<i64: 1>} : tensor<4xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @slice_before_start(%a: tensor<4xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.slice' op dimension 0: 3 elements from 1 by -1 leave [0, 4)}}
  %0 = graph.slice %a {starts = array<i64: 1>, steps = array<i64: -1>} : tensor<4xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @slice_start(%a: tensor<4xf32>) -> tensor<1xf32> {
  // expected-error @+1 {{'graph.slice' op dimension 0: 1 elements from -1 by 1 leave [0, 4)}}
  %0 = graph.slice %a {starts = array<i64: -1>, steps = array<i64: 1>} : tensor<4xf32> -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @gather_element(%a: tensor<4x2xf32>, %i: tensor<3xi64>) -> tensor<3x2xf16> {
  // expected-error @+1 {{'graph.gather' op changes the element type}}
  %0 = graph.gather %a[%i] {axis = 0 : i64} : (tensor<4x2xf32>, tensor<3xi64>) -> tensor<3x2xf16>
  return %0 : tensor<3x2xf16>
}

// -----

func.func @gather_axis(%a: tensor<4x2xf32>, %i: tensor<3xi64>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'graph.gather' op gather axis -1 out of range for [4, 2]}}
  %0 = graph.gather %a[%i] {axis = -1 : i64} : (tensor<4x2xf32>, tensor<3xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @gather_result(%a: tensor<4x2xf32>, %i: tensor<3xi64>) -> tensor<3x4xf32> {
  // expected-error @+1 {{'graph.gather' op result shape [3, 4] does not match the inferred shape [4, 3]}}
  %0 = graph.gather %a[%i] {axis = 1 : i64} : (tensor<4x2xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @gather_float_indices(%a: tensor<4x2xf32>, %i: tensor<3xf32>) -> tensor<3x2xf32> {
  // expected-error @+1 {{'graph.gather' op operand #1 must be statically shaped tensor of 64-bit signless integer or 32-bit signless integer values}}
  %0 = graph.gather %a[%i] {axis = 0 : i64} : (tensor<4x2xf32>, tensor<3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @where_element(%c: tensor<3xi1>, %a: tensor<3xf32>, %b: tensor<3xf16>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.where' op branches and result must share an element type}}
  %0 = graph.where %c, %a, %b : (tensor<3xi1>, tensor<3xf32>, tensor<3xf16>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @where_branches(%c: tensor<3xi1>, %a: tensor<3xf32>, %b: tensor<4xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.where' op shapes [3] and [4] do not broadcast (dimension 0: 3 vs 4)}}
  %0 = graph.where %c, %a, %b : (tensor<3xi1>, tensor<3xf32>, tensor<4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @where_condition(%c: tensor<5xi1>, %a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.where' op shapes [5] and [3] do not broadcast (dimension 0: 5 vs 3)}}
  %0 = graph.where %c, %a, %a : (tensor<5xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @where_result(%c: tensor<2x1xi1>, %a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.where' op result shape [3] does not match the inferred shape [2, 3]}}
  %0 = graph.where %c, %a, %a : (tensor<2x1xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @trilu_rank(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.trilu' op needs rank >= 2}}
  %0 = graph.trilu %a : tensor<3xf32>
  return %0 : tensor<3xf32>
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

// -----

// The approximation is an enum: the parser refuses other keywords.
func.func @gelu_approximate(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{approximate must be one of none, tanh; got 'fast'}}
  %0 = graph.gelu %a approximate(fast) : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// The old string form is no enum either.
func.func @gelu_approximate_string(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.gelu' op attribute 'approximate' failed to satisfy constraint: how a GELU is computed}}
  %0 = graph.gelu %a {approximate = "tanh"} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @exp_int(%a: tensor<3xi32>) -> tensor<3xi32> {
  // expected-error @+1 {{'graph.exp' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 64-bit float values}}
  %0 = graph.exp %a : tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

func.func @not_float(%a: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'graph.not' op operand #0 must be statically shaped tensor of 1-bit signless integer values}}
  %0 = graph.not %a : tensor<3xf32>
  return %0 : tensor<3xf32>
}

//===----------------------------------------------------------------------===//
// Linear algebra, normalization, reductions
//===----------------------------------------------------------------------===//

// -----

func.func @matmul_element(%a: tensor<2x3xf32>, %b: tensor<3x4xf16>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.matmul' op operands and result must share an element type}}
  %0 = graph.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf16>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @matmul_rank(%a: tensor<3xf32>, %b: tensor<3x4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'graph.matmul' op matmul operands need rank >= 2, got [3] and [3, 4]}}
  %0 = graph.matmul %a, %b : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @matmul_k(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{'graph.matmul' op matmul contraction mismatch: [2, 3] x [4, 5] (K = 3 vs 4)}}
  %0 = graph.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @matmul_batch(%a: tensor<2x2x3xf32>, %b: tensor<3x3x4xf32>) -> tensor<2x2x4xf32> {
  // expected-error @+1 {{'graph.matmul' op matmul batch dimensions: shapes [2] and [3] do not broadcast (dimension 0: 2 vs 3)}}
  %0 = graph.matmul %a, %b : (tensor<2x2x3xf32>, tensor<3x3x4xf32>) -> tensor<2x2x4xf32>
  return %0 : tensor<2x2x4xf32>
}

// -----

func.func @matmul_result(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.matmul' op result shape [2, 3] does not match the inferred shape [2, 4]}}
  %0 = graph.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @matmul_bool(%a: tensor<2x2xi1>) -> tensor<2x2xi1> {
  // expected-error @+1 {{'graph.matmul' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 64-bit float or 64-bit signless integer or 32-bit signless integer values}}
  %0 = graph.matmul %a, %a : (tensor<2x2xi1>, tensor<2x2xi1>) -> tensor<2x2xi1>
  return %0 : tensor<2x2xi1>
}

// -----

func.func @softmax_axis(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.softmax' op axis 2 out of range}}
  %0 = graph.softmax %a {axis = 2 : i64} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @softmax_negative_axis(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.softmax' op axis -3 out of range}}
  %0 = graph.softmax %a {axis = -3 : i64} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @linear_activation(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{activation must be one of none, relu, gelu, gelu_tanh, silu; got 'tanh'}}
  %0 = graph.linear %x, %w activation(tanh) : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @linear_activation_string(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.linear' op attribute 'activation' failed to satisfy constraint: the activation applied in a linear layer's epilogue}}
  %0 = graph.linear %x, %w {activation = "gelu"} : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @linear_weight_rank(%x: tensor<2x8xf32>, %w: tensor<1x8x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.linear' op weight must be 2-D [K, N], got [1, 8, 4]}}
  %0 = graph.linear %x, %w : (tensor<2x8xf32>, tensor<1x8x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @linear_k(%x: tensor<2x6xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.linear' op input [2, 6] does not end in the weight's K = 8}}
  %0 = graph.linear %x, %w : (tensor<2x6xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @linear_bias(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>, %b: tensor<1x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.linear' op bias must be [4], got [1, 4]}}
  %0 = graph.linear %x, %w, %b : (tensor<2x8xf32>, tensor<8x4xf32>, tensor<1x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @linear_result(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'graph.linear' op result must be [2, 4]}}
  %0 = graph.linear %x, %w : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @linear_element_types(%x: tensor<2x8xf32>, %w: tensor<8x4xf16>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.linear' op operands and result must share an element type}}
  %0 = graph.linear %x, %w : (tensor<2x8xf32>, tensor<8x4xf16>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @layer_norm_axis(%a: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'graph.layer_norm' op axis 2 out of range for rank 2}}
  %0 = graph.layer_norm %a, %s {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @layer_norm_result(%a: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<16xf32> {
  // expected-error @+1 {{'graph.layer_norm' op result type must equal the input type}}
  %0 = graph.layer_norm %a, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<16xf32>
  return %0 : tensor<16xf32>
}

// -----

func.func @layer_norm_result_element(%a: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf16> {
  // expected-error @+1 {{'graph.layer_norm' op result type must equal the input type}}
  %0 = graph.layer_norm %a, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// -----

func.func @layer_norm_scale(%a: tensor<2x8xf32>, %s: tensor<4xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'graph.layer_norm' op parameter [4] does not broadcast to the normalized dimensions [8]}}
  %0 = graph.layer_norm %a, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @layer_norm_bias(%a: tensor<2x3x8xf32>, %s: tensor<8xf32>, %b: tensor<2x8xf32>) -> tensor<2x3x8xf32> {
  // expected-error @+1 {{'graph.layer_norm' op parameter [2, 8] does not broadcast to the normalized dimensions [8]}}
  %0 = graph.layer_norm %a, %s, %b {axis = -1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x8xf32>, tensor<8xf32>, tensor<2x8xf32>) -> tensor<2x3x8xf32>
  return %0 : tensor<2x3x8xf32>
}

// -----

func.func @rms_norm_axis(%a: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'graph.rms_norm' op axis -3 out of range for rank 2}}
  %0 = graph.rms_norm %a, %s {axis = -3 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @rms_norm_result(%a: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'graph.rms_norm' op result type must equal the input type}}
  %0 = graph.rms_norm %a, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @rms_norm_scale(%a: tensor<2x8xf32>, %s: tensor<2xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'graph.rms_norm' op parameter [2] does not broadcast to the normalized dimensions [8]}}
  %0 = graph.rms_norm %a, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf32>, tensor<2xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @reduce_axis(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'graph.reduce_sum' op reduction axis 2 out of range for [2, 3]}}
  %0 = graph.reduce_sum %a, [2] : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @reduce_negative_axis(%a: tensor<2x3xf32>) -> tensor<2x1xf32> {
  // expected-error @+1 {{'graph.reduce_max' op reduction axis -1 out of range for [2, 3]}}
  %0 = graph.reduce_max %a, [-1] : tensor<2x3xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

func.func @reduce_repeated(%a: tensor<2x3xf32>) -> tensor<2x1xf32> {
  // expected-error @+1 {{'graph.reduce_min' op reduction axis 1 repeated}}
  %0 = graph.reduce_min %a, [1, 1] : tensor<2x3xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

func.func @reduce_keepdims(%a: tensor<2x3xf32>) -> tensor<2x1xf32> {
  // expected-error @+1 {{'graph.reduce_prod' op result shape [2, 1] does not match the inferred shape [2]}}
  %0 = graph.reduce_prod %a, [1] {keepdims = false} : tensor<2x3xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

func.func @reduce_mean_int(%a: tensor<2x3xi64>) -> tensor<2x1xi64> {
  // expected-error @+1 {{'graph.reduce_mean' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 64-bit float values}}
  %0 = graph.reduce_mean %a, [1] : tensor<2x3xi64> -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

//===----------------------------------------------------------------------===//
// Transformer blocks
//===----------------------------------------------------------------------===//

// -----

func.func @rotary_rank(%x: tensor<2x5x32xf32>, %c: tensor<2x5x4xf32>) -> tensor<2x5x32xf32> {
  // expected-error @+1 {{'graph.rotary_embedding' op input must be [batch, heads, seq, head_dim]}}
  %0 = graph.rotary_embedding %x, %c, %c : (tensor<2x5x32xf32>, tensor<2x5x4xf32>, tensor<2x5x4xf32>) -> tensor<2x5x32xf32>
  return %0 : tensor<2x5x32xf32>
}

// -----

func.func @rotary_cos_sin(%x: tensor<1x2x3x8xf32>, %c: tensor<1x3x4xf32>, %s: tensor<1x3x2xf32>) -> tensor<1x2x3x8xf32> {
  // expected-error @+1 {{'graph.rotary_embedding' op cos [1, 3, 4] and sin [1, 3, 2] differ}}
  %0 = graph.rotary_embedding %x, %c, %s : (tensor<1x2x3x8xf32>, tensor<1x3x4xf32>, tensor<1x3x2xf32>) -> tensor<1x2x3x8xf32>
  return %0 : tensor<1x2x3x8xf32>
}

// -----

func.func @rotary_cache_seq(%x: tensor<1x2x3x8xf32>, %c: tensor<1x4x4xf32>) -> tensor<1x2x3x8xf32> {
  // expected-error @+1 {{'graph.rotary_embedding' op cos/sin must be [batch, seq, rotary_dim/2] = [1, 3, _], got [1, 4, 4]}}
  %0 = graph.rotary_embedding %x, %c, %c : (tensor<1x2x3x8xf32>, tensor<1x4x4xf32>, tensor<1x4x4xf32>) -> tensor<1x2x3x8xf32>
  return %0 : tensor<1x2x3x8xf32>
}

// -----

func.func @rotary_cache_rank(%x: tensor<1x2x3x8xf32>, %c: tensor<3x4xf32>) -> tensor<1x2x3x8xf32> {
  // expected-error @+1 {{'graph.rotary_embedding' op cos/sin must be [batch, seq, rotary_dim/2] = [1, 3, _], got [3, 4]}}
  %0 = graph.rotary_embedding %x, %c, %c : (tensor<1x2x3x8xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<1x2x3x8xf32>
  return %0 : tensor<1x2x3x8xf32>
}

// -----

func.func @rotary_dim(%x: tensor<1x2x3x8xf32>, %c: tensor<1x3x5xf32>) -> tensor<1x2x3x8xf32> {
  // expected-error @+1 {{'graph.rotary_embedding' op rotary dimension 10 exceeds head_dim 8}}
  %0 = graph.rotary_embedding %x, %c, %c : (tensor<1x2x3x8xf32>, tensor<1x3x5xf32>, tensor<1x3x5xf32>) -> tensor<1x2x3x8xf32>
  return %0 : tensor<1x2x3x8xf32>
}

// -----

func.func @rotary_result(%x: tensor<1x2x3x8xf32>, %c: tensor<1x3x4xf32>) -> tensor<1x3x2x8xf32> {
  // expected-error @+1 {{'graph.rotary_embedding' op failed to verify that all of {input, output} have same type}}
  %0 = graph.rotary_embedding %x, %c, %c : (tensor<1x2x3x8xf32>, tensor<1x3x4xf32>, tensor<1x3x4xf32>) -> tensor<1x3x2x8xf32>
  return %0 : tensor<1x3x2x8xf32>
}

// -----

func.func @attention_rank(%q: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {
  // expected-error @+1 {{'graph.attention' op query, key and value must be 4-D [batch, heads, seq, head_dim]}}
  %0 = graph.attention %q, %q, %q {scale = 1.0 : f32} : (tensor<2x3x8xf32>, tensor<2x3x8xf32>, tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  return %0 : tensor<2x3x8xf32>
}

// -----

func.func @attention_batch(%q: tensor<1x2x3x8xf32>, %k: tensor<2x2x3x8xf32>) -> tensor<1x2x3x8xf32> {
  // expected-error @+1 {{'graph.attention' op batch sizes differ}}
  %0 = graph.attention %q, %k, %k {scale = 1.0 : f32} : (tensor<1x2x3x8xf32>, tensor<2x2x3x8xf32>, tensor<2x2x3x8xf32>) -> tensor<1x2x3x8xf32>
  return %0 : tensor<1x2x3x8xf32>
}

// -----

func.func @attention_head_dim(%q: tensor<1x2x3x8xf32>, %k: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  // expected-error @+1 {{'graph.attention' op query head_dim 8 != key head_dim 4}}
  %0 = graph.attention %q, %k, %k {scale = 1.0 : f32} : (tensor<1x2x3x8xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}

// -----

func.func @attention_key_value(%q: tensor<1x2x3x8xf32>, %v: tensor<1x2x5x8xf32>) -> tensor<1x2x3x8xf32> {
  // expected-error @+1 {{'graph.attention' op key [1, 2, 3, 8] and value [1, 2, 5, 8] differ in heads or length}}
  %0 = graph.attention %q, %q, %v {scale = 1.0 : f32} : (tensor<1x2x3x8xf32>, tensor<1x2x3x8xf32>, tensor<1x2x5x8xf32>) -> tensor<1x2x3x8xf32>
  return %0 : tensor<1x2x3x8xf32>
}

// -----

func.func @attention_heads(%q: tensor<1x8x3x16xf32>, %k: tensor<1x3x3x16xf32>) -> tensor<1x8x3x16xf32> {
  // expected-error @+1 {{'graph.attention' op 8 query heads are not a multiple of 3 key/value heads}}
  %0 = graph.attention %q, %k, %k {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x3x3x16xf32>, tensor<1x3x3x16xf32>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

// -----

// No heads at all is an empty tensor, which no graph op takes.
func.func @attention_no_kv_heads(%q: tensor<1x8x3x16xf32>, %k: tensor<1x0x3x16xf32>) -> tensor<1x8x3x16xf32> {
  // expected-error @+1 {{'graph.attention' op operand #1 ('tensor<1x0x3x16xf32>'): [1, 0, 3, 16] would be empty (dimension 1 is 0); empty tensors are not supported}}
  %0 = graph.attention %q, %k, %k {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x0x3x16xf32>, tensor<1x0x3x16xf32>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

// -----

func.func @attention_result(%q: tensor<1x8x3x16xf32>, %k: tensor<1x2x5x16xf32>, %v: tensor<1x2x5x32xf32>) -> tensor<1x8x3x16xf32> {
  // expected-error @+1 {{'graph.attention' op result must be [1, 8, 3, 32]}}
  %0 = graph.attention %q, %k, %v {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x32xf32>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

// -----

func.func @attention_mask_shape(%q: tensor<1x8x3x16xf32>, %k: tensor<1x2x5x16xf32>, %m: tensor<3x3xi1>) -> tensor<1x8x3x16xf32> {
  // expected-error @+1 {{'graph.attention' op mask [3, 3] does not broadcast to the scores [1, 8, 3, 5]}}
  %0 = graph.attention %q, %k, %k, %m {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x2x5x16xf32>, tensor<1x2x5x16xf32>, tensor<3x3xi1>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

// -----

func.func @attention_mask_type(%q: tensor<1x8x3x16xf32>, %m: tensor<3x3xf16>) -> tensor<1x8x3x16xf32> {
  // expected-error @+1 {{'graph.attention' op mask must be i1 or of the query's type}}
  %0 = graph.attention %q, %q, %q, %m {scale = 1.0 : f32} : (tensor<1x8x3x16xf32>, tensor<1x8x3x16xf32>, tensor<1x8x3x16xf32>, tensor<3x3xf16>) -> tensor<1x8x3x16xf32>
  return %0 : tensor<1x8x3x16xf32>
}

// -----

func.func @attention_int(%q: tensor<1x2x3x4xi32>) -> tensor<1x2x3x4xi32> {
  // expected-error @+1 {{'graph.attention' op operand #0 must be statically shaped tensor of 32-bit float or 16-bit float or bfloat16 type or 64-bit float values}}
  %0 = graph.attention %q, %q, %q {scale = 1.0 : f32} : (tensor<1x2x3x4xi32>, tensor<1x2x3x4xi32>, tensor<1x2x3x4xi32>) -> tensor<1x2x3x4xi32>
  return %0 : tensor<1x2x3x4xi32>
}

// -----

func.func @attention_softcap(%q: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  // expected-error @+1 {{'graph.attention' op softcap must be finite and non-negative (0 disables it), got -1}}
  %0 = graph.attention %q, %q, %q {scale = 1.0 : f32, softcap = -1.0 : f32} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}

// -----

func.func @attention_scale(%q: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  // expected-error @+1 {{'graph.attention' op scale must be finite, got INF}}
  %0 = graph.attention %q, %q, %q {scale = 0x7F800000 : f32} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}

// -----

func.func @layer_norm_epsilon(%x: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'graph.layer_norm' op epsilon must be finite and non-negative, got -1.000000e-03}}
  %0 = graph.layer_norm %x, %s {axis = 1 : i64, epsilon = -1.0e-3 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @rms_norm_epsilon(%x: tensor<2x8xf32>, %s: tensor<8xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'graph.rms_norm' op epsilon must be finite and non-negative, got nan}}
  %0 = graph.rms_norm %x, %s {axis = 1 : i64, epsilon = 0x7FC00000 : f32} : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// An integer range must not wrap: its last value is start + (n - 1) delta.
func.func @range_overflow() -> tensor<3xi64> {
  // expected-error @+1 {{'graph.range' op 3 elements from 9223372036854775806 by 1 overflow 'i64'}}
  %0 = graph.range {start = 9223372036854775806 : i64, delta = 1 : i64} : tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @range_overflow_i32() -> tensor<3xi32> {
  // expected-error @+1 {{'graph.range' op 3 elements from 2147483647 by 1 overflow 'i32'}}
  %0 = graph.range {start = 2147483647 : i32, delta = 1 : i32} : tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// A step so large that start + (n - 1) * step overflows still leaves the
// dimension.
func.func @slice_step_overflow(%a: tensor<4xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'graph.slice' op dimension 0: 2 elements from 1 by 9223372036854775807 leave [0, 4)}}
  %0 = graph.slice %a {starts = array<i64: 1>, steps = array<i64: 9223372036854775807>} : tensor<4xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @split_sum_overflow(%a: tensor<4xi1>) -> (tensor<9223372036854775807xi1>, tensor<9223372036854775807xi1>) {
  // expected-error @+1 {{'graph.split' op pieces cover more than 2^63 - 1 elements along axis 0}}
  %0:2 = graph.split %a {axis = 0 : i64} : tensor<4xi1> -> tensor<9223372036854775807xi1>, tensor<9223372036854775807xi1>
  return %0#0, %0#1 : tensor<9223372036854775807xi1>, tensor<9223372036854775807xi1>
}

// -----

//===----------------------------------------------------------------------===//
// KV caches
//===----------------------------------------------------------------------===//

func.func @cache_append_type(%u: tensor<1x2x1x4xf16>) -> tensor<1x2x8x4xf32> {
  // expected-error @+1 {{'graph.cache_append' op update element type 'f16' differs from the cache's}}
  %0 = graph.cache_append %u into "present.0.key" {axis = 2 : i64} : tensor<1x2x1x4xf16> -> tensor<1x2x8x4xf32>
  return %0 : tensor<1x2x8x4xf32>
}

// -----

func.func @cache_append_rank(%u: tensor<2x1x4xf32>) -> tensor<1x2x8x4xf32> {
  // expected-error @+1 {{'graph.cache_append' op update of rank 3 for a cache of rank 4}}
  %0 = graph.cache_append %u into "present.0.key" {axis = 2 : i64} : tensor<2x1x4xf32> -> tensor<1x2x8x4xf32>
  return %0 : tensor<1x2x8x4xf32>
}

// -----

func.func @cache_append_axis(%u: tensor<1x2x1x4xf32>) -> tensor<1x2x8x4xf32> {
  // expected-error @+1 {{'graph.cache_append' op axis 4 out of range for rank 4}}
  %0 = graph.cache_append %u into "present.0.key" {axis = 4 : i64} : tensor<1x2x1x4xf32> -> tensor<1x2x8x4xf32>
  return %0 : tensor<1x2x8x4xf32>
}

// -----

func.func @cache_append_too_long(%u: tensor<1x2x9x4xf32>) -> tensor<1x2x8x4xf32> {
  // expected-error @+1 {{'graph.cache_append' op update [1, 2, 9, 4] does not fit the cache [1, 2, 8, 4] along axis 2}}
  %0 = graph.cache_append %u into "present.0.key" {axis = 2 : i64} : tensor<1x2x9x4xf32> -> tensor<1x2x8x4xf32>
  return %0 : tensor<1x2x8x4xf32>
}

// -----

func.func @cache_append_heads(%u: tensor<1x3x1x4xf32>) -> tensor<1x2x8x4xf32> {
  // expected-error @+1 {{'graph.cache_append' op update [1, 3, 1, 4] does not fit the cache [1, 2, 8, 4] along axis 2}}
  %0 = graph.cache_append %u into "present.0.key" {axis = 2 : i64} : tensor<1x3x1x4xf32> -> tensor<1x2x8x4xf32>
  return %0 : tensor<1x2x8x4xf32>
}

// -----

func.func @cache_append_name(%u: tensor<1x2x1x4xf32>) -> tensor<1x2x8x4xf32> {
  // expected-error @+1 {{'graph.cache_append' op needs a cache name}}
  %0 = graph.cache_append %u into "" {axis = 2 : i64} : tensor<1x2x1x4xf32> -> tensor<1x2x8x4xf32>
  return %0 : tensor<1x2x8x4xf32>
}
