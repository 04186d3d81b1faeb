// graph-fold-shapes at any size: a splat folds to a splat in one step,
// however many elements it stands for (ConstantOfShape makes 2^31 and 2^40
// of them); a result that is not a splat folds only up to kMaxFoldElements
// (2^20) and otherwise stays. Nothing walks a splat's elements or allocates
// per element past the limit, so each case takes milliseconds.

// RUN: wafer-opt %s --graph-fold-shapes --split-input-file | FileCheck %s

// 2^31 + 2^31 elements of two splats: one addition.
// CHECK-LABEL: func.func @splat_binary(
// CHECK-NEXT: %[[C:.*]] = graph.constant dense<3.000000e+00> : tensor<2147483648xf32>
// CHECK-NEXT: %[[B:.*]] = graph.constant dense<true> : tensor<2147483648xi1>
// CHECK-NEXT: return %[[C]], %[[B]]
func.func @splat_binary() -> (tensor<2147483648xf32>, tensor<2147483648xi1>) {
  %a = graph.constant dense<1.0> : tensor<2147483648xf32>
  %b = graph.constant dense<2.0> : tensor<2147483648xf32>
  %0 = graph.add %a, %b : (tensor<2147483648xf32>, tensor<2147483648xf32>) -> tensor<2147483648xf32>
  %1 = graph.less %a, %b : (tensor<2147483648xf32>, tensor<2147483648xf32>) -> tensor<2147483648xi1>
  return %0, %1 : tensor<2147483648xf32>, tensor<2147483648xi1>
}

// -----

// Casts, unary ops and data movement of a 2^40-element splat stay splats.
// CHECK-LABEL: func.func @splat_data_movement(
// CHECK-DAG: graph.constant dense<7> : tensor<1099511627776xi64>
// CHECK-DAG: graph.constant dense<-7.000000e+00> : tensor<1048576x1048576xf32>
// CHECK-DAG: graph.constant dense<7.000000e+00> : tensor<1048576x1048576xf32>
// CHECK-DAG: graph.constant dense<7.000000e+00> : tensor<2x1048576xf32>
// CHECK-DAG: graph.constant dense<7.000000e+00> : tensor<3x1048576xf32>
// CHECK-DAG: graph.constant dense<7.000000e+00> : tensor<524288x1048576xf32>
// CHECK-NOT: graph.cast
// CHECK-NOT: graph.neg
// CHECK-NOT: graph.transpose
// CHECK-NOT: graph.slice
// CHECK-NOT: graph.split
// CHECK-NOT: graph.gather
func.func @splat_data_movement() -> (tensor<1099511627776xi64>, tensor<1048576x1048576xf32>, tensor<1048576x1048576xf32>, tensor<524288x1048576xf32>, tensor<524288x1048576xf32>, tensor<3x1048576xf32>, tensor<2x1048576xf32>) {
  %s = graph.constant dense<7.0> : tensor<1048576x1048576xf32>
  %f = graph.reshape %s : tensor<1048576x1048576xf32> -> tensor<1099511627776xf32>
  %0 = graph.cast %f : tensor<1099511627776xf32> -> tensor<1099511627776xi64>
  %1 = graph.neg %s : tensor<1048576x1048576xf32>
  %2 = graph.transpose %s, [1, 0] : tensor<1048576x1048576xf32> -> tensor<1048576x1048576xf32>
  %3:2 = graph.split %s {axis = 0 : i64} : tensor<1048576x1048576xf32> -> tensor<524288x1048576xf32>, tensor<524288x1048576xf32>
  %i = graph.constant dense<[0, 5, -1]> : tensor<3xi64>
  %4 = graph.gather %s[%i] {axis = 0 : i64} : (tensor<1048576x1048576xf32>, tensor<3xi64>) -> tensor<3x1048576xf32>
  %5 = graph.slice %s {starts = array<i64: 0, 0>, steps = array<i64: 524288, 1>} : tensor<1048576x1048576xf32> -> tensor<2x1048576xf32>
  return %0, %1, %2, %3#0, %3#1, %4, %5 : tensor<1099511627776xi64>, tensor<1048576x1048576xf32>, tensor<1048576x1048576xf32>, tensor<524288x1048576xf32>, tensor<524288x1048576xf32>, tensor<3x1048576xf32>, tensor<2x1048576xf32>
}

// -----

// Past the limit, results that are not splats stay unfolded: an expand of
// two values to 2^21, a range of 2^40, a Trilu mask of 2^22, a gather by a
// 2^40-element splat of indices from a non-splat table.
// CHECK-LABEL: func.func @over_the_limit(
// CHECK: graph.expand
// CHECK: graph.range
// CHECK: graph.trilu
// CHECK: graph.gather
func.func @over_the_limit() -> (tensor<2x1048576xi64>, tensor<1099511627776xi64>, tensor<2048x2048xf32>, tensor<1099511627776xi64>) {
  %c = graph.constant dense<[[1], [2]]> : tensor<2x1xi64>
  %0 = graph.expand %c : tensor<2x1xi64> -> tensor<2x1048576xi64>
  %1 = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<1099511627776xi64>
  %ones = graph.constant dense<1.0> : tensor<2048x2048xf32>
  %2 = graph.trilu %ones : tensor<2048x2048xf32>
  %zeros = graph.constant dense<0> : tensor<1099511627776xi64>
  %table = graph.constant dense<[4, 5]> : tensor<2xi64>
  %3 = graph.gather %table[%zeros] {axis = 0 : i64} : (tensor<2xi64>, tensor<1099511627776xi64>) -> tensor<1099511627776xi64>
  return %0, %1, %2, %3 : tensor<2x1048576xi64>, tensor<1099511627776xi64>, tensor<2048x2048xf32>, tensor<1099511627776xi64>
}

// -----

// At the limit itself a result still folds: a range of exactly 2^20.
// CHECK-LABEL: func.func @at_the_limit(
// CHECK-NEXT: graph.constant dense<"0x0000000000000000010000000000000002{{[0-9A-F]*}}"> : tensor<1048576xi64>
// CHECK-NOT: graph.range
func.func @at_the_limit() -> tensor<1048576xi64> {
  %0 = graph.range {start = 0 : i64, delta = 1 : i64} : tensor<1048576xi64>
  return %0 : tensor<1048576xi64>
}
