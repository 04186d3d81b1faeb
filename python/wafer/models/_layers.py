"""Layers shared by the builders, each in its exporter-style decomposed form
(opset < 23) and its fused form (opset 23 ops)."""

from __future__ import annotations

import math

import numpy as np

from ._graph import FLOAT, FP32_MIN, INT64, GraphBuilder


def normal(rng: np.random.Generator, shape, std: float) -> np.ndarray:
    return (rng.standard_normal(shape) * std).astype(np.float32)


def dense(rng: np.random.Generator, shape, std: float, tuned_fan_in: int) -> np.ndarray:
    """A weight matrix [fan_in, fan_out]: ``std`` is the spread tuned at the
    default config's fan-in, scaled by sqrt(tuned_fan_in / fan_in) so that a
    wider model keeps its activations and attention logits in the same range
    (full-size random-weight models stay well-conditioned; at the default
    width the weights are exactly those of ``normal``)."""
    return normal(rng, shape, std * math.sqrt(tuned_fan_in / shape[0]))


def norm_weight(rng: np.random.Generator, n: int) -> np.ndarray:
    """A LayerNorm/RMSNorm gain close to 1 (random so that it matters)."""
    return (1.0 + 0.1 * rng.standard_normal(n)).astype(np.float32)


def linear(g: GraphBuilder, x: str, w: str, b: str | None = None, out_names=None) -> str:
    """torch ``nn.Linear`` on a 3-D input exports as MatMul (+ Add bias)."""
    if b is None:
        return g.op("MatMul", [x, w], out_names=out_names)
    y = g.op("MatMul", [x, w])
    return g.op("Add", [b, y], out_names=out_names)


def layer_norm(g: GraphBuilder, x: str, w: str, b: str, eps: float, fused: bool,
               out_names=None) -> str:
    if fused:
        return g.op("LayerNormalization", [x, w, b], axis=-1, epsilon=float(eps),
                    out_names=out_names)
    # torch.onnx (opset < 17) / HF: ReduceMean Sub Pow ReduceMean Add Sqrt Div Mul Add
    mean = g.reduce_mean(x, [-1])
    d = g.op("Sub", [x, mean])
    sq = g.op("Pow", [d, g.f32(2.0)])
    var = g.reduce_mean(sq, [-1])
    ve = g.op("Add", [var, g.f32(eps)])
    std = g.op("Sqrt", [ve])
    n = g.op("Div", [d, std])
    y = g.op("Mul", [n, w])
    return g.op("Add", [y, b], out_names=out_names)


def rms_norm(g: GraphBuilder, x: str, w: str, eps: float, fused: bool, out_names=None) -> str:
    if fused:
        return g.op("RMSNormalization", [x, w], axis=-1, epsilon=float(eps), out_names=out_names)
    # HF LlamaRMSNorm: x * rsqrt(mean(x^2) + eps) * weight
    sq = g.op("Pow", [x, g.f32(2.0)])
    var = g.reduce_mean(sq, [-1])
    ve = g.op("Add", [var, g.f32(eps)])
    std = g.op("Sqrt", [ve])
    inv = g.op("Reciprocal", [std])
    y = g.op("Mul", [x, inv])
    return g.op("Mul", [w, y], out_names=out_names)


def gelu_tanh(g: GraphBuilder, x: str, fused: bool) -> str:
    if fused:
        return g.op("Gelu", [x], approximate="tanh")
    # HF NewGELUActivation:
    # 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))
    half = g.op("Mul", [g.f32(0.5), x])
    cube = g.op("Pow", [x, g.f32(3.0)])
    c = g.op("Mul", [g.f32(0.044715), cube])
    inner = g.op("Add", [x, c])
    scaled = g.op("Mul", [g.f32(math.sqrt(2.0 / math.pi)), inner])
    t = g.op("Tanh", [scaled])
    one_plus = g.op("Add", [g.f32(1.0), t])
    return g.op("Mul", [half, one_plus])


def gelu_erf(g: GraphBuilder, x: str, fused: bool) -> str:
    if fused:
        return g.op("Gelu", [x], approximate="none")
    # torch F.gelu (exact) as exported at opset < 20: x * 0.5 * (1 + erf(x / sqrt(2)))
    d = g.op("Div", [x, g.f32(math.sqrt(2.0))])
    e = g.op("Erf", [d])
    a = g.op("Add", [e, g.f32(1.0)])
    m = g.op("Mul", [x, a])
    return g.op("Mul", [m, g.f32(0.5)])


def silu(g: GraphBuilder, x: str) -> str:
    """SiLU as torch exports it: Sigmoid then Mul (no opset has a fused op we may use)."""
    s = g.op("Sigmoid", [x])
    return g.op("Mul", [x, s])


def split_heads(g: GraphBuilder, x: str, heads: int, head_dim: int, perm) -> str:
    """``x.view(b, s, heads, head_dim).permute(perm)`` with the shape computed by the
    Shape -> Gather -> Unsqueeze -> Concat subgraph torch emits for dynamic sizes."""
    b = g.dim(x, 0)
    s = g.dim(x, 1)
    r = g.op("Reshape", [x, g.shape_of([b, s, heads, head_dim])])
    return g.op("Transpose", [r], perm=list(perm))


def merge_heads(g: GraphBuilder, x: str, last: int) -> str:
    """``x.transpose(1, 2).reshape(b, s, last)`` for x of shape [b, h, s, d]."""
    t = g.op("Transpose", [x], perm=[0, 2, 1, 3])
    b = g.dim(t, 0)
    s = g.dim(t, 1)
    return g.op("Reshape", [t, g.shape_of([b, s, last])])


# ------------------------------------------------------------ decode (KV cache)
# Graph I/O names of the KV cache, as Hugging Face optimum exports them.
PAST_KEY = "past_key_values.{}.key"
PAST_VALUE = "past_key_values.{}.value"
PRESENT_KEY = "present.{}.key"
PRESENT_VALUE = "present.{}.value"
PAST_DIM = "past_sequence_length"
TOTAL_DIM = "total_sequence_length"


def decode_inputs(g: GraphBuilder, layers: int, kv_heads: int, head_dim: int):
    """The decode inputs in optimum's order: input_ids, attention_mask, position_ids,
    then past_key_values.<i>.key / .value per layer.  Returns (ids, mask, pos, pasts)."""
    ids = g.input("input_ids", INT64, ["batch", "seq"])
    mask = g.input("attention_mask", INT64, ["batch", TOTAL_DIM])
    pos = g.input("position_ids", INT64, ["batch", "seq"])
    pasts = []
    for i in range(layers):
        shape = ["batch", kv_heads, PAST_DIM, head_dim]
        pasts.append((g.input(PAST_KEY.format(i), FLOAT, shape),
                      g.input(PAST_VALUE.format(i), FLOAT, shape)))
    return ids, mask, pos, pasts


def present_outputs(g: GraphBuilder, layers: int, kv_heads: int, head_dim: int) -> None:
    """Declare present.<i>.key / .value (after ``logits``)."""
    for i in range(layers):
        shape = ["batch", kv_heads, TOTAL_DIM, head_dim]
        g.output(PRESENT_KEY.format(i), FLOAT, shape)
        g.output(PRESENT_VALUE.format(i), FLOAT, shape)


def padding_bias(g: GraphBuilder, mask: str) -> str:
    """HF's extended attention mask: ``(1.0 - mask[:, None, None, :].float()) * finfo.min``,
    [batch, 1, 1, total]: 0 on real tokens, float32 min on padding."""
    m = g.unsqueeze(mask, [1, 2])
    m = g.op("Cast", [m], to=FLOAT)
    m = g.op("Sub", [g.f32(1.0), m])
    return g.op("Mul", [m, g.f32(FP32_MIN)])


def expand_queries(g: GraphBuilder, bias: str, ids: str, mask: str) -> str:
    """``bias`` [batch, 1, 1, total] expanded to [batch, 1, seq, total]: onnxruntime's
    Attention (1.32) requires attn_mask.shape[-2] == q_sequence_length and does not
    broadcast a query dim of 1 (the ONNX spec allows any broadcastable mask)."""
    shape = g.shape_of([g.dim(ids, 0), 1, g.dim(ids, 1), g.dim(mask, 1)])
    return g.op("Expand", [bias, shape])
