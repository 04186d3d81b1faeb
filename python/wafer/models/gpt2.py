"""GPT-2 style decoder, spelled the way torch.onnx exports HF ``GPT2LMHeadModel``.

opset < 23 ("decomposed"): LayerNorm as ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add,
tanh-GELU as Mul/Pow/Add/Tanh, attention as Reshape/Transpose/MatMul/Div, causal mask
by slicing the constant lower-triangular ``bias`` buffer and ``Where``.

opset 23 ("fused"): LayerNormalization, Gelu(approximate="tanh") and a 3-D
``Attention`` (q_num_heads = kv_num_heads = heads, is_causal=1).

``decode=True`` gives the KV-cache variant shaped like optimum's ``with_past`` export
(inputs input_ids, attention_mask, position_ids, past_key_values.<i>.key/.value;
outputs logits, present.<i>.key/.value; see ``wafer.models.decode``), same weights:

* opset < 23: wpe Gather-ed by position_ids; present = Concat(past, new K/V) on the
  sequence axis; the causal mask is the ``bias`` buffer sliced at rows
  [total - seq, total) (the triangle offset by the past length), and the padding
  mask HF's ``(1 - attention_mask[:, None, None, :]) * finfo.min`` added after it;
* opset 23: ``Attention`` with past_key/past_value inputs and present_key/present_value
  outputs, is_causal=1 (bottom-right aligned: query i sees keys <= past + i) and the
  padding bias as a float attn_mask Expand-ed to [batch, 1, seq, total].
"""

from __future__ import annotations

import math

import numpy as np
import onnx

from ._graph import FLOAT, FP32_MIN, INT64, GraphBuilder, check_opset
from ._layers import (
    PRESENT_KEY,
    PRESENT_VALUE,
    decode_inputs,
    expand_queries,
    gelu_tanh,
    layer_norm,
    linear,
    merge_heads,
    norm_weight,
    dense,
    normal,
    padding_bias,
    present_outputs,
    split_heads,
)
from .config import GPT2Config


def init_weights(cfg: GPT2Config) -> dict[str, np.ndarray]:
    """All weights, drawn in a fixed order from ``default_rng(cfg.seed)`` (opset-independent)."""
    rng = np.random.default_rng(cfg.seed)
    H, F = cfg.hidden, cfg.ffn
    # The fan-ins the weights' spreads were tuned at (the default config's).
    H0, F0 = type(cfg)().hidden, type(cfg)().ffn
    w: dict[str, np.ndarray] = {}
    w["wte.weight"] = normal(rng, (cfg.vocab, H), 0.5)
    w["wpe.weight"] = normal(rng, (cfg.max_pos, H), 0.2)
    for i in range(cfg.layers):
        p = f"h.{i}."
        w[p + "ln_1.weight"] = norm_weight(rng, H)
        w[p + "ln_1.bias"] = normal(rng, (H,), 0.1)
        w[p + "attn.c_attn.weight"] = dense(rng, (H, 3 * H), 0.15, H0)
        w[p + "attn.c_attn.bias"] = normal(rng, (3 * H,), 0.05)
        w[p + "attn.c_proj.weight"] = dense(rng, (H, H), 0.1, H0)
        w[p + "attn.c_proj.bias"] = normal(rng, (H,), 0.05)
        w[p + "ln_2.weight"] = norm_weight(rng, H)
        w[p + "ln_2.bias"] = normal(rng, (H,), 0.1)
        w[p + "mlp.c_fc.weight"] = dense(rng, (H, F), 0.1, H0)
        w[p + "mlp.c_fc.bias"] = normal(rng, (F,), 0.05)
        w[p + "mlp.c_proj.weight"] = dense(rng, (F, H), 0.05, F0)
        w[p + "mlp.c_proj.bias"] = normal(rng, (H,), 0.05)
    w["ln_f.weight"] = norm_weight(rng, H)
    w["ln_f.bias"] = normal(rng, (H,), 0.1)
    # The LM head is tied to wte; torch exports the tied weight as a transposed copy.
    w["lm_head.weight"] = np.ascontiguousarray(w["wte.weight"].T)
    return w


def build_gpt2(
    config: GPT2Config | None = None,
    opset: int = 17,
    *,
    fused_layernorm: bool = False,
    decode: bool = False,
    **overrides,
) -> onnx.ModelProto:
    """Build the GPT-2 style model.

    ``opset`` 17..22 gives the decomposed exporter form (``fused_layernorm=True``
    keeps LayerNormalization there); 23 gives the fused form.  ``decode=True``
    gives the KV-cache variant (module docstring).
    """
    cfg = (config or GPT2Config()).replace(**overrides) if overrides else (config or GPT2Config())
    cfg.validate()
    opset = check_opset(opset)
    fused = opset >= 23
    ln_fused = fused or fused_layernorm
    W = init_weights(cfg)
    g = GraphBuilder(opset)
    H, nh, hd = cfg.hidden, cfg.heads, cfg.head_dim

    def wt(name):
        return g.weight(name, W[name])

    # HF registers a bool lower-triangular "bias" buffer per attention layer.
    bias = np.tril(np.ones((cfg.max_pos, cfg.max_pos), dtype=bool))[None, None]

    if decode:
        ids, mask, pos, pasts = decode_inputs(g, cfg.layers, nh, hd)
    else:
        ids = g.input("input_ids", INT64, ["batch", "seq"])

        # position_ids = arange(0, seq).unsqueeze(0)
        seq = g.dim(ids, 1)
        pos = g.op("Range", [g.i64(0), seq, g.i64(1)])
        pos = g.unsqueeze(pos, [0])
    with g.scope("wte"):
        tok = g.op("Gather", [wt("wte.weight"), ids], axis=0)
    with g.scope("wpe"):
        pe = g.op("Gather", [wt("wpe.weight"), pos], axis=0)
    h = g.op("Add", [tok, pe])
    if decode:
        pad = padding_bias(g, mask)  # [batch, 1, 1, total]
        if fused:
            pad = expand_queries(g, pad, ids, mask)

    for i in range(cfg.layers):
        p = f"h.{i}."
        with g.scope(f"h.{i}"):
            with g.scope("ln_1"):
                x = layer_norm(g, h, wt(p + "ln_1.weight"), wt(p + "ln_1.bias"), cfg.eps, ln_fused)
            with g.scope("attn"):
                with g.scope("c_attn"):
                    qkv = linear(g, x, wt(p + "attn.c_attn.weight"), wt(p + "attn.c_attn.bias"))
                q, k, v = g.split(qkv, [H, H, H], axis=2)
                if fused and decode:
                    a, _, _ = g.op("Attention", [q, k, v, pad, *pasts[i]],
                                   out_names=[None, PRESENT_KEY.format(i), PRESENT_VALUE.format(i)],
                                   q_num_heads=nh, kv_num_heads=nh, is_causal=1)
                elif fused:
                    a = g.op("Attention", [q, k, v], q_num_heads=nh, kv_num_heads=nh, is_causal=1)
                else:
                    qh = split_heads(g, q, nh, hd, [0, 2, 1, 3])
                    if decode:
                        # key = cat((past_key, key), dim=-2); present = (key, value)
                        kh = split_heads(g, k, nh, hd, [0, 2, 1, 3])
                        vh = split_heads(g, v, nh, hd, [0, 2, 1, 3])
                        kh = g.op("Concat", [pasts[i][0], kh], axis=-2,
                                  out_names=[PRESENT_KEY.format(i)])
                        vh = g.op("Concat", [pasts[i][1], vh], axis=-2,
                                  out_names=[PRESENT_VALUE.format(i)])
                        kh = g.op("Transpose", [kh], perm=[0, 1, 3, 2])
                    else:
                        kh = split_heads(g, k, nh, hd, [0, 2, 3, 1])  # already k^T
                        vh = split_heads(g, v, nh, hd, [0, 2, 1, 3])
                    s = g.op("MatMul", [qh, kh])
                    s = g.op("Div", [s, g.f32(math.sqrt(hd))])
                    # causal_mask = bias[:, :, key_len - query_len : key_len, :key_len]
                    q_len = g.dim(qh, 2)
                    k_len = g.dim(kh, 3)
                    start = g.op("Sub", [k_len, q_len])
                    m = g.slice(
                        g.weight(p + "attn.bias", bias),
                        g.unsqueeze(start, [0]),
                        g.unsqueeze(k_len, [0]),
                        [2],
                        [1],
                    )
                    m = g.slice(m, [0], g.unsqueeze(k_len, [0]), [3], [1])
                    s = g.op("Where", [m, s, g.f32(FP32_MIN)])
                    if decode:
                        s = g.op("Add", [s, pad])
                    pr = g.op("Softmax", [s], axis=-1)
                    o = g.op("MatMul", [pr, vh])
                    a = merge_heads(g, o, H)
                with g.scope("c_proj"):
                    a = linear(g, a, wt(p + "attn.c_proj.weight"), wt(p + "attn.c_proj.bias"))
            h = g.op("Add", [a, h])
            with g.scope("ln_2"):
                x = layer_norm(g, h, wt(p + "ln_2.weight"), wt(p + "ln_2.bias"), cfg.eps, ln_fused)
            with g.scope("mlp"):
                with g.scope("c_fc"):
                    f = linear(g, x, wt(p + "mlp.c_fc.weight"), wt(p + "mlp.c_fc.bias"))
                with g.scope("act"):
                    f = gelu_tanh(g, f, fused)
                with g.scope("c_proj"):
                    f = linear(g, f, wt(p + "mlp.c_proj.weight"), wt(p + "mlp.c_proj.bias"))
            h = g.op("Add", [h, f])

    with g.scope("ln_f"):
        h = layer_norm(g, h, wt("ln_f.weight"), wt("ln_f.bias"), cfg.eps, ln_fused)
    with g.scope("lm_head"):
        linear(g, h, wt("lm_head.weight"), out_names=["logits"])
    g.output("logits", FLOAT, ["batch", "seq", cfg.vocab])
    if decode:
        present_outputs(g, cfg.layers, nh, hd)
        return g.model("gpt2-decode", f"Wafer GPT-2 style decoder with KV cache, {cfg}, opset {opset}")
    return g.model("gpt2", f"Wafer GPT-2 style decoder, {cfg}, opset {opset}")

