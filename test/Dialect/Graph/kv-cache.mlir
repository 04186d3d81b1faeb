// graph-kv-cache: a decode model's past -> Concat -> present chains become
// runtime state. The step form replaces the Concat by an in-place append
// read by the attention; the prefill form keeps the Concat over a masked
// zero past and appends the new keys beside it. Both drop the past inputs
// and the present outputs from @main.

// RUN: wafer-opt %s -split-input-file --graph-kv-cache | FileCheck %s --check-prefix=STEP
// RUN: wafer-opt %s -split-input-file --graph-kv-cache="prefill=1 capacity=8" -verify-diagnostics | FileCheck %s --check-prefix=PREFILL

// A step over a cache of 8: 7 past positions and 1 new. (The prefill form
// refuses a past of 7.)
// STEP-LABEL: func.func @main
// STEP-SAME: (%[[Q:.*]]: tensor<1x2x1x4xf32> {graph.name = "q"}, %[[K:.*]]: tensor<1x2x1x4xf32> {graph.name = "k"}, %[[V:.*]]: tensor<1x2x1x4xf32> {graph.name = "v"})
// STEP-SAME: -> (tensor<1x2x1x4xf32> {graph.name = "out"})
// STEP-NEXT: %[[KC:.*]] = graph.cache_append %[[K]] into "present.0.key" {axis = 2 : i64} : tensor<1x2x1x4xf32> -> tensor<1x2x8x4xf32>
// STEP-NEXT: %[[VC:.*]] = graph.cache_append %[[V]] into "present.0.value" {axis = 2 : i64} : tensor<1x2x1x4xf32> -> tensor<1x2x8x4xf32>
// STEP-NEXT: %[[A:.*]] = graph.attention %[[Q]], %[[KC]], %[[VC]]
// STEP-NEXT: return %[[A]] : tensor<1x2x1x4xf32>
func.func @main(%q: tensor<1x2x1x4xf32> {graph.name = "q"},
                %k: tensor<1x2x1x4xf32> {graph.name = "k"},
                %v: tensor<1x2x1x4xf32> {graph.name = "v"},
                %pk: tensor<1x2x7x4xf32> {graph.name = "past_key_values.0.key"},
                %pv: tensor<1x2x7x4xf32> {graph.name = "past_key_values.0.value"})
    -> (tensor<1x2x1x4xf32> {graph.name = "out"},
        tensor<1x2x8x4xf32> {graph.name = "present.0.key"},
        tensor<1x2x8x4xf32> {graph.name = "present.0.value"}) {
  // expected-error @+1 {{graph-kv-cache prefill: the past of 'present.0.key' must have one position, not 7}}
  %kc = graph.concat %pk, %k {axis = 2 : i64} : (tensor<1x2x7x4xf32>, tensor<1x2x1x4xf32>) -> tensor<1x2x8x4xf32>
  %vc = graph.concat %pv, %v {axis = 2 : i64} : (tensor<1x2x7x4xf32>, tensor<1x2x1x4xf32>) -> tensor<1x2x8x4xf32>
  %a = graph.attention %q, %kc, %vc {scale = 5.000000e-01 : f32} : (tensor<1x2x1x4xf32>, tensor<1x2x8x4xf32>, tensor<1x2x8x4xf32>) -> tensor<1x2x1x4xf32>
  return %a, %kc, %vc : tensor<1x2x1x4xf32>, tensor<1x2x8x4xf32>, tensor<1x2x8x4xf32>
}

// -----

// A prefill of 3 positions behind one masked past position.
// PREFILL-LABEL: func.func @main
// PREFILL-SAME: (%[[Q:.*]]: tensor<1x2x3x4xf32> {graph.name = "q"}, %[[K:.*]]: tensor<1x2x3x4xf32> {graph.name = "k"})
// PREFILL-SAME: -> (tensor<1x2x3x4xf32> {graph.name = "out"})
// PREFILL-NEXT: %[[Z:.*]] = graph.constant dense<0.000000e+00> : tensor<1x2x1x4xf32>
// PREFILL-NEXT: graph.cache_append %[[K]] into "present.0.key" {axis = 2 : i64} : tensor<1x2x3x4xf32> -> tensor<1x2x8x4xf32>
// PREFILL-NEXT: %[[KC:.*]] = graph.concat %[[Z]], %[[K]] {axis = 2 : i64}
// PREFILL-NEXT: %[[A:.*]] = graph.attention %[[Q]], %[[KC]], %[[KC]]
// PREFILL-NEXT: return %[[A]] : tensor<1x2x3x4xf32>
// The step form keeps the Concat's size, 4, as the capacity.
// STEP-LABEL: func.func @main
// STEP: graph.cache_append %{{.*}} into "present.0.key" {axis = 2 : i64} : tensor<1x2x3x4xf32> -> tensor<1x2x4x4xf32>
func.func @main(%q: tensor<1x2x3x4xf32> {graph.name = "q"},
                %k: tensor<1x2x3x4xf32> {graph.name = "k"},
                %pk: tensor<1x2x1x4xf32> {graph.name = "past_key_values.0.key"})
    -> (tensor<1x2x3x4xf32> {graph.name = "out"},
        tensor<1x2x4x4xf32> {graph.name = "present.0.key"}) {
  %kc = graph.concat %pk, %k {axis = 2 : i64} : (tensor<1x2x1x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x4x4xf32>
  %a = graph.attention %q, %kc, %kc {scale = 5.000000e-01 : f32, is_causal = true} : (tensor<1x2x3x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x3x4xf32>
  return %a, %kc : tensor<1x2x3x4xf32>, tensor<1x2x4x4xf32>
}
