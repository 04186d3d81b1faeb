// Every operand and result of a graph op is a tensor that can exist: with
// at least one element, and with element and byte counts that int64_t
// holds (traits::ValidTensors, on every op). Shape rules may then multiply
// dims without overflow checks of their own.

// RUN: wafer-opt %s -split-input-file -verify-diagnostics

func.func @empty_result() -> tensor<2x0xf32> {
  // expected-error @+1 {{'graph.constant' op result #0 ('tensor<2x0xf32>'): [2, 0] would be empty (dimension 1 is 0); empty tensors are not supported}}
  %0 = graph.constant dense<> : tensor<2x0xf32>
  return %0 : tensor<2x0xf32>
}

// -----

func.func @empty_operand(%a: tensor<0xf32>) -> tensor<0xf32> {
  // expected-error @+1 {{'graph.neg' op operand #0 ('tensor<0xf32>'): [0] would be empty (dimension 0 is 0); empty tensors are not supported}}
  %0 = graph.neg %a : tensor<0xf32>
  return %0 : tensor<0xf32>
}

// -----

// 2^96 elements: a splat costs one element, but no count holds it.
func.func @element_count_overflow() -> tensor<4294967296x4294967296x4294967296xf32> {
  // expected-error @+1 {{'graph.constant' op result #0 ('tensor<4294967296x4294967296x4294967296xf32>'): [4294967296, 4294967296, 4294967296] has more elements than a 64-bit count holds (2^63 - 1)}}
  %0 = graph.constant dense<0.0> : tensor<4294967296x4294967296x4294967296xf32>
  return %0 : tensor<4294967296x4294967296x4294967296xf32>
}

// -----

// 2^62 elements fit; 2^65 bytes of f64 do not.
func.func @byte_count_overflow(%a: tensor<4611686018427387904xf64>) -> tensor<4611686018427387904xf64> {
  // expected-error @+1 {{'graph.exp' op operand #0 ('tensor<4611686018427387904xf64>'): [4611686018427387904] of 64-bit elements takes more bytes than a 64-bit count holds (2^63 - 1)}}
  %0 = graph.exp %a : tensor<4611686018427387904xf64>
  return %0 : tensor<4611686018427387904xf64>
}

// -----

// The same count of i1 (one byte each) is a valid type.
func.func @byte_count_bool(%a: tensor<4611686018427387904xi1>) -> tensor<4611686018427387904xi1> {
  %0 = graph.not %a : tensor<4611686018427387904xi1>
  return %0 : tensor<4611686018427387904xi1>
}

// -----

// The shape rules refuse what the trait would: a broadcast whose result
// count overflows although each operand's fits.
func.func @broadcast_overflow(%a: tensor<4294967296x1xf32>, %b: tensor<1x4294967296xf32>) -> tensor<4294967296x4294967296xf32> {
  // expected-error @+1 {{'graph.add' op result #0 ('tensor<4294967296x4294967296xf32>'): [4294967296, 4294967296] has more elements than a 64-bit count holds (2^63 - 1)}}
  %0 = graph.add %a, %b : (tensor<4294967296x1xf32>, tensor<1x4294967296xf32>) -> tensor<4294967296x4294967296xf32>
  return %0 : tensor<4294967296x4294967296xf32>
}

// -----

func.func @concat_sum_overflow(%a: tensor<9223372036854775807xi1>) -> tensor<4xi1> {
  // expected-error @+1 {{'graph.concat' op concat operands add up to more than 2^63 - 1 along axis 0}}
  %0 = graph.concat %a, %a {axis = 0 : i64} : (tensor<9223372036854775807xi1>, tensor<9223372036854775807xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Ranges and splats of 2^40 elements are fine: nothing walks them.
func.func @huge_but_valid() -> (tensor<1099511627776xi64>, tensor<1099511627776xf32>) {
  %0 = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<1099511627776xi64>
  %1 = graph.constant dense<1.0> : tensor<1099511627776xf32>
  return %0, %1 : tensor<1099511627776xi64>, tensor<1099511627776xf32>
}
