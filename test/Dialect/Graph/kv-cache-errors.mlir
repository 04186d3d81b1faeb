// graph-kv-cache's errors: a model without a cache chain, and the prefill
// form without the cache's capacity.

// RUN: wafer-opt %s -split-input-file --graph-kv-cache -verify-diagnostics
// RUN: not wafer-opt %s --graph-kv-cache="prefill=1" 2>&1 | FileCheck %s --check-prefix=CAPACITY

// A past that is returned but read by nothing else is no cache.
// expected-error @+1 {{not a decode model: no input is a KV cache}}
func.func @main(%k: tensor<1x2x1x4xf32>, %pk: tensor<1x2x7x4xf32>)
    -> tensor<1x2x8x4xf32> {
  %kc = graph.concat %pk, %k {axis = 2 : i64} : (tensor<1x2x7x4xf32>, tensor<1x2x1x4xf32>) -> tensor<1x2x8x4xf32>
  return %kc : tensor<1x2x8x4xf32>
}
// CAPACITY: error: graph-kv-cache: the prefill rewrite needs the cache's capacity (capacity=N)
