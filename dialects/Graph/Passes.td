//===- Passes.td - graph dialect passes ----------------------*- tablegen -*-===//

#ifndef WAFER_GRAPH_PASSES
#define WAFER_GRAPH_PASSES

include "mlir/Pass/PassBase.td"

def GraphFoldShapes : Pass<"graph-fold-shapes"> {
  let summary = "Fold ONNX shape arithmetic into constants";
  let description = [{
    Once every symbolic dimension is bound, the `Shape`, `Gather`,
    `Unsqueeze`, `Concat`, `Range`, ... chains that exporters emit compute
    constants. This pass folds every graph op whose operands are `dense`
    constants (weights are `dense_resource` and never materialized; non-splat
    results above 2^20 elements stay unfolded) and erases what becomes dead.
  }];
  let dependentDialects = ["::wafer::graph::GraphDialect"];
  let statistics = [
    Statistic<"numFolded", "folded-ops", "Ops folded into constants">
  ];
}

def GraphFuse : Pass<"graph-fuse"> {
  let summary = "Raise exporter-decomposed subgraphs into fused graph ops";
  let description = [{
    Exporters spell normalizations, activations and attention as chains of
    elementwise ops and reductions; this pass recognizes those chains and
    replaces each by the one graph op a wafer kernel implements. Every
    pattern requires the intermediates it swallows to have a single user (a
    value still needed elsewhere keeps its chain), checks every constant
    (with a relative tolerance suited to the element type) and leaves
    anything else alone:

    * **layer_norm**: `d = x - ReduceMean(x)`, `var = ReduceMean(d^2)` (`Pow`
      by 2 or `d * d`), then `d / Sqrt(var + eps)` or `d * r` with `r` one of
      `Reciprocal(Sqrt(var + eps))`, `1 / Sqrt(var + eps)`,
      `Pow(var + eps, -0.5)`. Both means reduce the same trailing dims with
      `keepdims`; those give `axis`. `eps` must be a constant scalar. A
      following `Mul` by a constant scale and `Add` of a constant bias, each
      broadcasting to the normalized dims, are absorbed (a missing scale
      becomes ones).
    * **rms_norm**: `x / Sqrt(ReduceMean(x^2) + eps)` or `x * r` with `r` as
      above, then an optional `Mul` by a constant scale. An `x` that is
      itself mean-centered (`y - ReduceMean(y)`) is a layer-norm near miss and
      is not turned into an rms_norm.
    * **gelu** (exact): `x * 0.5 * (1 + Erf(x / sqrt(2)))` with the erf
      argument `x / sqrt(2)` or `x * (1 / sqrt(2))`, and the outer product in
      any of the orders exporters use: `(x * (1 + e)) * 0.5`,
      `x * ((1 + e) * 0.5)`, `(x * 0.5) * (1 + e)`.
    * **gelu** (tanh): `0.5 * x * (1 + Tanh(sqrt(2/pi) * (x + 0.044715 *
      x^3)))` with `x^3` as `Pow(x, 3)` or `x * x * x`, outer orders as for
      the exact form.
    * **silu**: `x * Sigmoid(x)`.
    * **linear**: `MatMul(x, w) + b` with `w` a 2-D constant and `b` a 1-D
      constant `[N]`; then a `gelu`, `silu` or `relu` of a bias-free
      `linear` or of such a `MatMul` becomes the layer's `activation`. A bare
      `MatMul` stays a `graph.matmul`.
    * **attention**: `MatMul(Softmax(s, last axis), V)` where `s` is the
      scores `MatMul(Q, K^T)` with `Q, K, V: [B, H, S, D]`, scaled by a `Mul`
      or `Div` by a constant (on the scores, or on `Q` and/or `K` before the
      product; no scale means 1), then optionally masked by `Add` of a float
      mask or by `Where(cond, s, fill)`. `K^T` may be a `Transpose` of `K` or
      of the reshaped projection (`K` pre-transposed); any other `K^T` is
      transposed back. A constant mask that allows exactly key `j <= i + L -
      S` (additive: 0 there and `<= -1e4` elsewhere; `Where`: true there
      and a fill `<= -1e4`) becomes `is_causal`; any other additive mask
      becomes the `mask` operand; a `Where` with another condition is left
      alone. K/V heads repeated by HF's `repeat_kv` (`Reshape` to insert a
      unit dim, `Expand` it to `n_rep`, `Reshape` to merge it into the
      heads) are un-repeated into grouped-query attention.
  }];
  let dependentDialects = ["::wafer::graph::GraphDialect"];
  let options = [
    Option<"fuseAttention", "attention", "bool", /*default=*/"true",
           "Raise softmax(q k^T * scale + mask) v chains into graph.attention "
           "(off: leave attention decomposed, e.g. to compare kernels)">
  ];
  let statistics = [
    Statistic<"numLayerNorm", "layer-norm", "layer_norm chains fused">,
    Statistic<"numRmsNorm", "rms-norm", "rms_norm chains fused">,
    Statistic<"numGeluErf", "gelu-erf", "Exact (erf) GELU chains fused">,
    Statistic<"numGeluTanh", "gelu-tanh", "tanh-approximation GELU chains fused">,
    Statistic<"numSilu", "silu", "x * sigmoid(x) pairs fused">,
    Statistic<"numLinear", "linear", "MatMul + bias Adds fused into linear">,
    Statistic<"numLinearActivation", "linear-activation",
              "Activations folded into a linear">,
    Statistic<"numAttention", "attention", "Attention chains fused">,
    Statistic<"numCausal", "attention-causal",
              "Fused attentions whose constant mask became is_causal">,
    Statistic<"numGroupedQuery", "attention-gqa",
              "Fused attentions whose repeated K/V were un-repeated">
  ];
}

def GraphKvCache : Pass<"graph-kv-cache", "::mlir::ModuleOp"> {
  let summary = "Keep a decode model's KV cache as runtime state";
  let description = [{
    A decode model (Hugging Face's `with_past` export) takes the cache as
    inputs and hands it back as outputs: `present = Concat(past, new, axis
    = 2)` on the sequence axis, read by the attention and returned. Compiled
    as it is, every token copies the whole cache twice (the Concat, and out
    through the outputs). This pass finds each such chain in `@main` (a
    function argument whose only use is the first operand of a two-operand
    `graph.concat` whose result `@main` returns and the attention reads)
    and makes the cache state: the argument and the result leave
    the signature, and a `graph.cache_append` named after the result
    (`present.<i>.key`) writes the new keys in place.

    * **step** (the default): compiled with a past of `capacity - seq`, so
      the Concat's result has the cache's capacity; the append replaces the
      Concat, and the attention reads the whole cache. Positions not yet
      written must be masked by the model's `attention_mask` (the runtime's
      generation loop gives 1 up to the cache length and 0 after it).
    * **prefill**: compiled with a past of one position, which becomes a
      zero constant that the runtime masks (`attention_mask` column 0 is 0);
      the attention reads the Concat as before, and an append of capacity
      `capacity` writes the prompt's keys into the cache.

    A model without such a chain is an error: it is not a decode model.
  }];
  let dependentDialects = ["::wafer::graph::GraphDialect"];
  let options = [
    Option<"prefill", "prefill", "bool", /*default=*/"false",
           "Rewrite for the prefill program (past of one masked position) "
           "instead of the one-token step">,
    Option<"capacity", "capacity", "int64_t", /*default=*/"0",
           "The cache's capacity along the sequence axis (prefill only; the "
           "step's is its Concat's size)">
  ];
  let statistics = [
    Statistic<"numCaches", "caches", "Cache chains made runtime state">
  ];
}

#endif // WAFER_GRAPH_PASSES
