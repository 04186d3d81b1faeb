"""Llama style decoder, spelled the way torch.onnx exports HF ``LlamaForCausalLM``.

opset < 23: RMSNorm as Pow/ReduceMean/Add/Sqrt/Reciprocal/Mul/Mul; rotary embedding
with the ``cos_cached``/``sin_cached`` tables Gather-ed by ``position_ids`` (from
Range) and rotate_half as Slice/Neg/Concat; grouped-query attention with K/V heads
repeated by Unsqueeze/Expand/Reshape (shapes from Shape chains); the causal mask
built as ``triu(full((seq, seq), finfo.min), 1)`` (ConstantOfShape + Trilu);
SwiGLU MLP with SiLU as Sigmoid/Mul.

opset 23: RMSNormalization, RotaryEmbedding on 4-D [batch, heads, seq, head_dim]
with half-width cos/sin caches and [batch, seq] position_ids (onnxruntime 1.32
requires position_ids to have exactly the batch size, so [1, seq] is Expand-ed),
and a 4-D ``Attention`` with fewer K/V heads than query heads and is_causal=1.

``decode=True`` gives the KV-cache variant shaped like optimum's ``with_past`` export
(inputs input_ids, attention_mask, position_ids, past_key_values.<i>.key/.value with
kv_heads heads; outputs logits, present.<i>.key/.value; see ``wafer.models.decode``),
same weights:

* opset < 23: cos/sin_cached Gather-ed by the position_ids input; present =
  Concat(past, rotated K / V) on the sequence axis before repeat_kv; the 4-D mask
  as HF's ``_prepare_4d_causal_attention_mask_with_cache_position`` builds it:
  ``triu(full((seq, total), finfo.min), 1) * (arange(total) > cache_position[:, None])``
  with cache_position = arange(past, past + seq) (past from the Shape of
  past_key_values.0.key), expanded to [batch, 1, seq, total], then
  ``masked_fill(mask + attention_mask[:, None, None, :] == 0, finfo.min)``;
* opset 23: RotaryEmbedding with the position_ids input, ``Attention`` with
  past_key/past_value and present_key/present_value, is_causal=1 (bottom-right
  aligned) and the padding bias ``(1 - attention_mask) * finfo.min`` as a float
  attn_mask Expand-ed to [batch, 1, seq, total].
"""

from __future__ import annotations

import onnx

import numpy as np

from ._graph import FLOAT, FP32_MIN, INT64, INT64_MAX, GraphBuilder, check_opset
from ._layers import (
    PRESENT_KEY,
    PRESENT_VALUE,
    decode_inputs,
    dense,
    expand_queries,
    linear,
    merge_heads,
    norm_weight,
    normal,
    padding_bias,
    present_outputs,
    rms_norm,
    silu,
    split_heads,
)
from .config import LlamaConfig


def init_weights(cfg: LlamaConfig) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(cfg.seed)
    H, F, hd = cfg.hidden, cfg.ffn, cfg.head_dim
    kvd = cfg.n_kv_heads * hd
    # The fan-ins the weights' spreads were tuned at (the default config's).
    H0, F0 = type(cfg)().hidden, type(cfg)().ffn
    w: dict[str, np.ndarray] = {}
    w["model.embed_tokens.weight"] = normal(rng, (cfg.vocab, H), 0.5)
    for i in range(cfg.layers):
        p = f"model.layers.{i}."
        w[p + "input_layernorm.weight"] = norm_weight(rng, H)
        w[p + "self_attn.q_proj.weight"] = dense(rng, (H, H), 0.15, H0)
        w[p + "self_attn.k_proj.weight"] = dense(rng, (H, kvd), 0.15, H0)
        w[p + "self_attn.v_proj.weight"] = dense(rng, (H, kvd), 0.15, H0)
        w[p + "self_attn.o_proj.weight"] = dense(rng, (H, H), 0.1, H0)
        w[p + "post_attention_layernorm.weight"] = norm_weight(rng, H)
        w[p + "mlp.gate_proj.weight"] = dense(rng, (H, F), 0.1, H0)
        w[p + "mlp.up_proj.weight"] = dense(rng, (H, F), 0.1, H0)
        w[p + "mlp.down_proj.weight"] = dense(rng, (F, H), 0.05, F0)
    w["model.norm.weight"] = norm_weight(rng, H)
    w["lm_head.weight"] = dense(rng, (H, cfg.vocab), 0.1, H0)
    return w


def rope_tables(cfg: LlamaConfig) -> tuple[np.ndarray, np.ndarray]:
    """Half-width tables cos/sin(pos * inv_freq), [max_pos, head_dim / 2], fp32 as HF."""
    hd = cfg.head_dim
    inv_freq = (1.0 / (cfg.rope_theta ** (np.arange(0, hd, 2, dtype=np.int64).astype(np.float32) / hd))).astype(np.float32)
    t = np.arange(cfg.max_pos, dtype=np.float32)
    freqs = np.outer(t, inv_freq).astype(np.float32)
    return np.cos(freqs).astype(np.float32), np.sin(freqs).astype(np.float32)


def _rotate_half(g: GraphBuilder, x: str, hd: int) -> str:
    half = hd // 2
    x1 = g.slice(x, [0], [half], [3], [1])
    x2 = g.slice(x, [half], [INT64_MAX], [3], [1])
    return g.op("Concat", [g.op("Neg", [x2]), x1], axis=-1)


def _apply_rope(g: GraphBuilder, x: str, cos: str, sin: str, hd: int) -> str:
    a = g.op("Mul", [x, cos])
    b = g.op("Mul", [_rotate_half(g, x, hd), sin])
    return g.op("Add", [a, b])


def _repeat_kv(g: GraphBuilder, x: str, kv_heads: int, n_rep: int, hd: int) -> str:
    """HF repeat_kv: x[:, :, None].expand(b, kv, n_rep, s, d).reshape(b, kv * n_rep, s, d)."""
    if n_rep == 1:
        return x
    b = g.dim(x, 0)
    s = g.dim(x, 2)
    u = g.unsqueeze(x, [2])
    e = g.op("Expand", [u, g.shape_of([b, kv_heads, n_rep, s, hd])])
    return g.op("Reshape", [e, g.shape_of([b, kv_heads * n_rep, s, hd])])


def _decode_mask(g: GraphBuilder, ids: str, mask: str, past_key: str) -> str:
    """The opset < 23 decode mask [batch, 1, seq, total]: 0 where query i may see key j
    (j <= past + i and attention_mask[j] == 1), float32 min elsewhere."""
    b = g.dim(ids, 0)
    seq = g.dim(ids, 1)
    past = g.dim(past_key, 2)  # past_key_values.get_seq_length()
    total = g.dim(mask, 1)  # target_length = attention_mask.shape[-1]
    cache_pos = g.op("Range", [past, g.op("Add", [past, seq]), g.i64(1)])
    full = g.op(
        "ConstantOfShape",
        [g.shape_of([seq, total])],
        value=onnx.helper.make_tensor("value", FLOAT, [1], [FP32_MIN]),
    )
    tri = g.op("Trilu", [full, g.i64(1)], upper=1)
    # causal_mask *= arange(target_length) > cache_position.reshape(-1, 1)
    later = g.op("Greater", [g.op("Range", [g.i64(0), total, g.i64(1)]),
                             g.op("Reshape", [cache_pos, g.i64([-1, 1])])])
    tri = g.op("Mul", [tri, g.op("Cast", [later], to=FLOAT)])
    # causal_mask[None, None, :, :].expand(batch_size, 1, -1, -1)
    cm = g.op("Expand", [g.unsqueeze(tri, [0, 1]), g.shape_of([b, 1, seq, total])])
    # padding_mask = causal_mask + attention_mask[:, None, None, :] == 0
    am = g.op("Cast", [g.unsqueeze(mask, [1, 2])], to=FLOAT)
    padding = g.op("Equal", [g.op("Add", [cm, am]), g.f32(0.0)])
    return g.op("Where", [padding, g.f32(FP32_MIN), cm])


def build_llama(config: LlamaConfig | None = None, opset: int = 17, *, decode: bool = False,
                **overrides) -> onnx.ModelProto:
    """Build the Llama style model (``decode=True``: the KV-cache variant, module docstring)."""
    cfg = config or LlamaConfig()
    if overrides:
        cfg = cfg.replace(**overrides)
    cfg.validate()
    opset = check_opset(opset)
    fused = opset >= 23
    W = init_weights(cfg)
    g = GraphBuilder(opset)
    H, nh, nkv, hd = cfg.hidden, cfg.heads, cfg.n_kv_heads, cfg.head_dim
    n_rep = nh // nkv

    def wt(name):
        return g.weight(name, W[name])

    if decode:
        ids, mask, pos, pasts = decode_inputs(g, cfg.layers, nkv, hd)
    else:
        ids = g.input("input_ids", INT64, ["batch", "seq"])

    with g.scope("model"):
        with g.scope("embed_tokens"):
            h = g.op("Gather", [wt("model.embed_tokens.weight"), ids], axis=0)
        if not decode:
            # cache_position = arange(0, seq); position_ids = cache_position.unsqueeze(0)
            seq = g.dim(ids, 1)
            cache_pos = g.op("Range", [g.i64(0), seq, g.i64(1)])
            pos = g.unsqueeze(cache_pos, [0])

        cos_h, sin_h = rope_tables(cfg)
        with g.scope("rotary_emb"):
            if fused:
                # [1, seq] -> [batch, seq]; the decode input already is [batch, seq]
                pos_b = pos if decode else g.op("Expand", [pos, g.op("Shape", [ids])])
                cos_c = g.weight("model.rotary_emb.cos_cache", cos_h)
                sin_c = g.weight("model.rotary_emb.sin_cache", sin_h)
            else:
                cos_full = np.concatenate([cos_h, cos_h], axis=-1)
                sin_full = np.concatenate([sin_h, sin_h], axis=-1)
                cos = g.op("Gather", [g.weight("model.rotary_emb.cos_cached", cos_full), pos], axis=0)
                sin = g.op("Gather", [g.weight("model.rotary_emb.sin_cached", sin_full), pos], axis=0)
                cos = g.unsqueeze(cos, [1])  # [1, 1, seq, head_dim]
                sin = g.unsqueeze(sin, [1])

        if decode:
            # from here on ``mask`` is the additive [batch, 1, seq, total] mask
            mask = expand_queries(g, padding_bias(g, mask), ids, mask) if fused else \
                _decode_mask(g, ids, mask, pasts[0][0])
        elif not fused:
            # causal_mask = triu(full((seq, seq), finfo.min), diagonal=1)[None, None]
            full = g.op(
                "ConstantOfShape",
                [g.shape_of([seq, seq])],
                value=onnx.helper.make_tensor("value", FLOAT, [1], [FP32_MIN]),
            )
            tri = g.op("Trilu", [full, g.i64(1)], upper=1)
            mask = g.unsqueeze(tri, [0, 1])

        for i in range(cfg.layers):
            p = f"model.layers.{i}."
            with g.scope(f"layers.{i}"):
                with g.scope("input_layernorm"):
                    x = rms_norm(g, h, wt(p + "input_layernorm.weight"), cfg.eps, fused)
                with g.scope("self_attn"):
                    with g.scope("q_proj"):
                        q = linear(g, x, wt(p + "self_attn.q_proj.weight"))
                    with g.scope("k_proj"):
                        k = linear(g, x, wt(p + "self_attn.k_proj.weight"))
                    with g.scope("v_proj"):
                        v = linear(g, x, wt(p + "self_attn.v_proj.weight"))
                    # view(*input_shape, -1, head_dim).transpose(1, 2)
                    qh = split_heads(g, q, -1, hd, [0, 2, 1, 3])
                    kh = split_heads(g, k, -1, hd, [0, 2, 1, 3])
                    vh = split_heads(g, v, -1, hd, [0, 2, 1, 3])
                    present = [PRESENT_KEY.format(i), PRESENT_VALUE.format(i)]
                    if fused:
                        qr = g.op("RotaryEmbedding", [qh, cos_c, sin_c, pos_b])
                        kr = g.op("RotaryEmbedding", [kh, cos_c, sin_c, pos_b])
                        if decode:
                            o, _, _ = g.op("Attention", [qr, kr, vh, mask, *pasts[i]],
                                           out_names=[None] + present, is_causal=1)
                        else:
                            o = g.op("Attention", [qr, kr, vh], is_causal=1)
                    else:
                        qr = _apply_rope(g, qh, cos, sin, hd)
                        kr = _apply_rope(g, kh, cos, sin, hd)
                        if decode:
                            # key_states, value_states = past_key_value.update(...)
                            kr = g.op("Concat", [pasts[i][0], kr], axis=-2, out_names=present[:1])
                            vh = g.op("Concat", [pasts[i][1], vh], axis=-2, out_names=present[1:])
                        kr = _repeat_kv(g, kr, nkv, n_rep, hd)
                        vr = _repeat_kv(g, vh, nkv, n_rep, hd)
                        kt = g.op("Transpose", [kr], perm=[0, 1, 3, 2])
                        s = g.op("MatMul", [qr, kt])
                        s = g.op("Mul", [s, g.f32(hd ** -0.5)])
                        s = g.op("Add", [s, mask])
                        pr = g.op("Softmax", [s], axis=-1)
                        o = g.op("MatMul", [pr, vr])
                    a = merge_heads(g, o, -1)
                    with g.scope("o_proj"):
                        a = linear(g, a, wt(p + "self_attn.o_proj.weight"))
                h = g.op("Add", [h, a])
                with g.scope("post_attention_layernorm"):
                    x = rms_norm(g, h, wt(p + "post_attention_layernorm.weight"), cfg.eps, fused)
                with g.scope("mlp"):
                    with g.scope("gate_proj"):
                        gate = linear(g, x, wt(p + "mlp.gate_proj.weight"))
                    with g.scope("act_fn"):
                        gate = silu(g, gate)
                    with g.scope("up_proj"):
                        up = linear(g, x, wt(p + "mlp.up_proj.weight"))
                    f = g.op("Mul", [gate, up])
                    with g.scope("down_proj"):
                        f = linear(g, f, wt(p + "mlp.down_proj.weight"))
                h = g.op("Add", [h, f])
        with g.scope("norm"):
            h = rms_norm(g, h, wt("model.norm.weight"), cfg.eps, fused)
    with g.scope("lm_head"):
        linear(g, h, wt("lm_head.weight"), out_names=["logits"])
    g.output("logits", FLOAT, ["batch", "seq", cfg.vocab])
    if decode:
        present_outputs(g, cfg.layers, nkv, hd)
        return g.model("llama-decode", f"Wafer Llama style decoder with KV cache, {cfg}, opset {opset}")
    return g.model("llama", f"Wafer Llama style decoder, {cfg}, opset {opset}")
