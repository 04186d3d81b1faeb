// graph.gather checks indices whose values are known at compile time
// (knownIntegerBounds in KnownValues.h): constants, splats, ranges of any
// length, and what keeps those values (cast, reshape, expand, transpose,
// concat). Negative indices count from the end, as in ONNX Gather.

// RUN: wafer-opt %s -split-input-file -verify-diagnostics

func.func @constant_past_end(%data: tensor<4x8xf32>) -> tensor<2x8xf32> {
  %i = graph.constant dense<[7, -9]> : tensor<2xi64>
  // expected-error @+1 {{'graph.gather' op index -9 is out of range for axis 0 of size 4 (valid: -4 to 3)}}
  %0 = graph.gather %data[%i] {axis = 0 : i64} : (tensor<4x8xf32>, tensor<2xi64>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @constant_high(%data: tensor<4x8xf32>) -> tensor<2x8xf32> {
  %i = graph.constant dense<[7, -4]> : tensor<2xi64>
  // expected-error @+1 {{'graph.gather' op index 7 is out of range for axis 0 of size 4 (valid: -4 to 3)}}
  %0 = graph.gather %data[%i] {axis = 0 : i64} : (tensor<4x8xf32>, tensor<2xi64>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// Axis 1; a splat of any size is read once.
func.func @splat(%data: tensor<4x8xf32>) -> tensor<4x1099511627776xf32> {
  %i = graph.constant dense<8> : tensor<1099511627776xi32>
  // expected-error @+1 {{'graph.gather' op index 8 is out of range for axis 1 of size 8 (valid: -8 to 7)}}
  %0 = graph.gather %data[%i] {axis = 1 : i64} : (tensor<4x8xf32>, tensor<1099511627776xi32>) -> tensor<4x1099511627776xf32>
  return %0 : tensor<4x1099511627776xf32>
}

// -----

// Positions 0 .. 2^40 - 1 of a 64-row table: too long to fold, still known,
// through the unsqueeze (reshape) and expand of a position-id chain.
func.func @range_of_positions(%table: tensor<64x16xf32>) -> tensor<2x1099511627776x16xf32> {
  %r = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<1099511627776xi64>
  %u = graph.reshape %r : tensor<1099511627776xi64> -> tensor<1x1099511627776xi64>
  %e = graph.expand %u : tensor<1x1099511627776xi64> -> tensor<2x1099511627776xi64>
  // expected-error @+1 {{'graph.gather' op index 1099511627775 is out of range for axis 0 of size 64 (valid: -64 to 63)}}
  %0 = graph.gather %table[%e] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<2x1099511627776xi64>) -> tensor<2x1099511627776x16xf32>
  return %0 : tensor<2x1099511627776x16xf32>
}

// -----

// A descending range, cast to i32 (which holds its values).
func.func @range_cast(%table: tensor<64x16xf32>) -> tensor<3x16xf32> {
  %r = graph.range {start = -63 : i64, delta = -1 : i64} : tensor<3xi64>
  %c = graph.cast %r : tensor<3xi64> -> tensor<3xi32>
  // expected-error @+1 {{'graph.gather' op index -65 is out of range for axis 0 of size 64 (valid: -64 to 63)}}
  %0 = graph.gather %table[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<3xi32>) -> tensor<3x16xf32>
  return %0 : tensor<3x16xf32>
}

// -----

func.func @concat_transpose(%table: tensor<64x16xf32>) -> tensor<2x2x16xf32> {
  %a = graph.constant dense<[[0, 1]]> : tensor<1x2xi64>
  %b = graph.range {start = 63 : i64, delta = 1 : i64} : tensor<2xi64>
  %br = graph.reshape %b : tensor<2xi64> -> tensor<1x2xi64>
  %c = graph.concat %a, %br {axis = 0 : i64} : (tensor<1x2xi64>, tensor<1x2xi64>) -> tensor<2x2xi64>
  %t = graph.transpose %c, [1, 0] : tensor<2x2xi64> -> tensor<2x2xi64>
  // expected-error @+1 {{'graph.gather' op index 64 is out of range for axis 0 of size 64 (valid: -64 to 63)}}
  %0 = graph.gather %table[%t] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<2x2xi64>) -> tensor<2x2x16xf32>
  return %0 : tensor<2x2x16xf32>
}

// -----

// In range (negative ones from the end), and unknown indices: accepted.
func.func @valid(%table: tensor<64x16xf32>, %ids: tensor<1x8xi64>) -> (tensor<3x16xf32>, tensor<1x64x16xf32>, tensor<1x8x16xf32>) {
  %i = graph.constant dense<[0, 63, -64]> : tensor<3xi64>
  %0 = graph.gather %table[%i] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<3xi64>) -> tensor<3x16xf32>
  %r = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<64xi64>
  %u = graph.reshape %r : tensor<64xi64> -> tensor<1x64xi64>
  %1 = graph.gather %table[%u] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<1x64xi64>) -> tensor<1x64x16xf32>
  %2 = graph.gather %table[%ids] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<1x8xi64>) -> tensor<1x8x16xf32>
  return %0, %1, %2 : tensor<3x16xf32>, tensor<1x64x16xf32>, tensor<1x8x16xf32>
}

// -----

// A cast that wraps is known as its folder computes it (2^32 becomes 0 in
// i32), so that folding never turns verified IR into IR that does not verify.
func.func @truncating_cast(%table: tensor<64x16xf32>) -> tensor<1x16xf32> {
  %i = graph.constant dense<[4294967296]> : tensor<1xi64>
  %c = graph.cast %i : tensor<1xi64> -> tensor<1xi32>
  %0 = graph.gather %table[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<1xi32>) -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

// 2^31 wraps to -2^31 (found by wafer-fuzz-mlir: the cast looked unknown, so
// the gather verified, and canonicalize folded it into an invalid index).
func.func @wrapping_cast(%table: tensor<64x16xf32>) -> tensor<1x16xf32> {
  %i = graph.constant dense<[2147483648]> : tensor<1xi64>
  %c = graph.cast %i : tensor<1xi64> -> tensor<1xi32>
  // expected-error @+1 {{'graph.gather' op index -2147483648 is out of range for axis 0 of size 64 (valid: -64 to 63)}}
  %0 = graph.gather %table[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<1xi32>) -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

// Through a reshape and a concat before the cast, and from a float.
func.func @wrapping_cast_of_parts(%table: tensor<64x16xf32>) -> tensor<3x16xf32> {
  %a = graph.constant dense<[[4294967297]]> : tensor<1x1xi64>
  %b = graph.reshape %a : tensor<1x1xi64> -> tensor<1xi64>
  %f = graph.constant dense<[70.9, 3.0]> : tensor<2xf32>
  %g = graph.cast %f : tensor<2xf32> -> tensor<2xi64>
  %j = graph.concat %b, %g {axis = 0 : i64} : (tensor<1xi64>, tensor<2xi64>) -> tensor<3xi64>
  %c = graph.cast %j : tensor<3xi64> -> tensor<3xi32>
  // expected-error @+1 {{'graph.gather' op index 70 is out of range for axis 0 of size 64 (valid: -64 to 63)}}
  %0 = graph.gather %table[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<3xi32>) -> tensor<3x16xf32>
  return %0 : tensor<3x16xf32>
}

// -----

// The gather verifies before the ops that define its indices (a use may
// come first in the text): the known values are read from ops that have not
// verified, with element types checked before any attribute is built.
func.func @indices_defined_later(%t: tensor<64x16xf32>) -> tensor<3x16xf32> {
  %0 = graph.gather %t[%c] {axis = 0 : i64} : (tensor<64x16xf32>, tensor<3xi32>) -> tensor<3x16xf32>
  %c = graph.cast %j : tensor<3xi64> -> tensor<3xi32>
  // expected-error @+1 {{'graph.concat' op operand #0 must be variadic of statically shaped tensor of}}
  %j = graph.concat %k {axis = 0 : i64} : (tensor<3xi128>) -> tensor<3xi64>
  %k = graph.constant dense<[1099511627776, 1099511627777, 1099511627778]> : tensor<3xi128>
  return %0 : tensor<3x16xf32>
}
