"""BERT style encoder, spelled the way torch.onnx exports HF ``BertModel``.

Inputs: ``input_ids`` and ``attention_mask`` (int64 [batch, seq]) and, if
``config.token_type_ids``, ``token_type_ids``; otherwise the token types are
zeros from ``ConstantOfShape(Shape(input_ids))``.  Position ids are the HF
``position_ids`` buffer sliced to ``seq``.  The padding mask is
``(1 - Cast(mask[:, None, None, :])) * finfo.min`` added to the scores.

opset < 23: LayerNorm decomposed, GELU as Div/Erf/Add/Mul/Mul, attention as
Reshape/Transpose/MatMul/Div/Add(mask)/Softmax/MatMul.
opset 23: LayerNormalization, Gelu(approximate="none"), 4-D ``Attention`` with the
additive float ``attn_mask`` (expanded to [batch, 1, seq, seq]: onnxruntime
1.32 rejects a mask whose query-length dimension is 1 instead of broadcasting it).
"""

from __future__ import annotations

import math

import numpy as np
import onnx

from ._graph import FLOAT, FP32_MIN, INT64, GraphBuilder, check_opset
from ._layers import dense, gelu_erf, layer_norm, linear, merge_heads, norm_weight, normal, split_heads
from .config import BertConfig


def init_weights(cfg: BertConfig) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(cfg.seed)
    H, F = cfg.hidden, cfg.ffn
    # The fan-ins the weights' spreads were tuned at (the default config's).
    H0, F0 = type(cfg)().hidden, type(cfg)().ffn
    w: dict[str, np.ndarray] = {}
    w["embeddings.word_embeddings.weight"] = normal(rng, (cfg.vocab, H), 0.5)
    w["embeddings.position_embeddings.weight"] = normal(rng, (cfg.max_pos, H), 0.2)
    w["embeddings.token_type_embeddings.weight"] = normal(rng, (cfg.type_vocab, H), 0.2)
    w["embeddings.LayerNorm.weight"] = norm_weight(rng, H)
    w["embeddings.LayerNorm.bias"] = normal(rng, (H,), 0.1)
    for i in range(cfg.layers):
        p = f"encoder.layer.{i}."
        for n in ("query", "key", "value"):
            w[p + f"attention.self.{n}.weight"] = dense(rng, (H, H), 0.15, H0)
            w[p + f"attention.self.{n}.bias"] = normal(rng, (H,), 0.05)
        w[p + "attention.output.dense.weight"] = dense(rng, (H, H), 0.1, H0)
        w[p + "attention.output.dense.bias"] = normal(rng, (H,), 0.05)
        w[p + "attention.output.LayerNorm.weight"] = norm_weight(rng, H)
        w[p + "attention.output.LayerNorm.bias"] = normal(rng, (H,), 0.1)
        w[p + "intermediate.dense.weight"] = dense(rng, (H, F), 0.1, H0)
        w[p + "intermediate.dense.bias"] = normal(rng, (F,), 0.05)
        w[p + "output.dense.weight"] = dense(rng, (F, H), 0.05, F0)
        w[p + "output.dense.bias"] = normal(rng, (H,), 0.05)
        w[p + "output.LayerNorm.weight"] = norm_weight(rng, H)
        w[p + "output.LayerNorm.bias"] = normal(rng, (H,), 0.1)
    # Buffer, not a weight: HF's registered position_ids.
    w["embeddings.position_ids"] = np.arange(cfg.max_pos, dtype=np.int64)[None, :]
    return w


def build_bert(
    config: BertConfig | None = None,
    opset: int = 17,
    *,
    fused_layernorm: bool = False,
    **overrides,
) -> onnx.ModelProto:
    cfg = config or BertConfig()
    if overrides:
        cfg = cfg.replace(**overrides)
    cfg.validate()
    opset = check_opset(opset)
    fused = opset >= 23
    ln_fused = fused or fused_layernorm
    W = init_weights(cfg)
    g = GraphBuilder(opset)
    H, nh, hd = cfg.hidden, cfg.heads, cfg.head_dim

    def wt(name):
        return g.weight(name, W[name])

    ids = g.input("input_ids", INT64, ["batch", "seq"])
    amask = g.input("attention_mask", INT64, ["batch", "seq"])
    tt = g.input("token_type_ids", INT64, ["batch", "seq"]) if cfg.token_type_ids else None

    # extended_attention_mask = (1.0 - mask[:, None, None, :].to(float)) * finfo.min
    ext = g.unsqueeze(amask, [1, 2])
    ext = g.op("Cast", [ext], to=FLOAT)
    ext = g.op("Sub", [g.f32(1.0), ext])
    ext = g.op("Mul", [ext, g.f32(FP32_MIN)])
    if fused:
        # ORT's Attention wants attn_mask[..., q_len, kv_len] spelled out.
        b = g.dim(ids, 0)
        s = g.dim(ids, 1)
        ext = g.op("Expand", [ext, g.shape_of([b, 1, s, s])])

    with g.scope("embeddings"):
        if tt is None:
            # token_type_ids = zeros(input_shape, dtype=long)
            tt = g.op(
                "ConstantOfShape",
                [g.op("Shape", [ids])],
                value=onnx.helper.make_tensor("value", INT64, [1], [0]),
            )
        seq = g.dim(ids, 1)
        pos = g.slice(wt("embeddings.position_ids"), [0], g.unsqueeze(seq, [0]), [1], [1])
        with g.scope("word_embeddings"):
            e = g.op("Gather", [wt("embeddings.word_embeddings.weight"), ids], axis=0)
        with g.scope("token_type_embeddings"):
            t = g.op("Gather", [wt("embeddings.token_type_embeddings.weight"), tt], axis=0)
        e = g.op("Add", [e, t])
        with g.scope("position_embeddings"):
            pe = g.op("Gather", [wt("embeddings.position_embeddings.weight"), pos], axis=0)
        e = g.op("Add", [e, pe])
        with g.scope("LayerNorm"):
            h = layer_norm(
                g, e, wt("embeddings.LayerNorm.weight"), wt("embeddings.LayerNorm.bias"),
                cfg.eps, ln_fused,
            )

    for i in range(cfg.layers):
        p = f"encoder.layer.{i}."
        with g.scope("encoder"), g.scope(f"layer.{i}"):
            with g.scope("attention"):
                with g.scope("self"):
                    proj = {}
                    for n in ("query", "key", "value"):
                        with g.scope(n):
                            proj[n] = linear(
                                g, h, wt(p + f"attention.self.{n}.weight"),
                                wt(p + f"attention.self.{n}.bias"),
                            )
                    qh = split_heads(g, proj["query"], nh, hd, [0, 2, 1, 3])
                    kh = split_heads(g, proj["key"], nh, hd, [0, 2, 1, 3])
                    vh = split_heads(g, proj["value"], nh, hd, [0, 2, 1, 3])
                    if fused:
                        o = g.op("Attention", [qh, kh, vh, ext])
                    else:
                        kt = g.op("Transpose", [kh], perm=[0, 1, 3, 2])
                        s = g.op("MatMul", [qh, kt])
                        s = g.op("Div", [s, g.f32(math.sqrt(hd))])
                        s = g.op("Add", [s, ext])
                        pr = g.op("Softmax", [s], axis=-1)
                        o = g.op("MatMul", [pr, vh])
                    a = merge_heads(g, o, H)
                with g.scope("output"):
                    with g.scope("dense"):
                        a = linear(
                            g, a, wt(p + "attention.output.dense.weight"),
                            wt(p + "attention.output.dense.bias"),
                        )
                    a = g.op("Add", [a, h])
                    with g.scope("LayerNorm"):
                        h = layer_norm(
                            g, a, wt(p + "attention.output.LayerNorm.weight"),
                            wt(p + "attention.output.LayerNorm.bias"), cfg.eps, ln_fused,
                        )
            with g.scope("intermediate"):
                with g.scope("dense"):
                    f = linear(g, h, wt(p + "intermediate.dense.weight"),
                               wt(p + "intermediate.dense.bias"))
                with g.scope("intermediate_act_fn"):
                    f = gelu_erf(g, f, fused)
            with g.scope("output"):
                with g.scope("dense"):
                    f = linear(g, f, wt(p + "output.dense.weight"), wt(p + "output.dense.bias"))
                f = g.op("Add", [f, h])
                last = i == cfg.layers - 1
                with g.scope("LayerNorm"):
                    h = layer_norm(
                        g, f, wt(p + "output.LayerNorm.weight"), wt(p + "output.LayerNorm.bias"),
                        cfg.eps, ln_fused, out_names=["last_hidden_state"] if last else None,
                    )
    g.output("last_hidden_state", FLOAT, ["batch", "seq", H])
    return g.model("bert", f"Wafer BERT style encoder, {cfg}, opset {opset}")
