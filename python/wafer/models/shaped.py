"""Full-size model shapes without full-size weights.

``python3 -m wafer.models.shaped --out DIR [--layers 32] [--context 4096]``
writes ``DIR/llama-3.1-8b-decode.onnx``: a Llama-3.1-8B-shaped decode step
(32 layers, d_model 4096, 32 heads, 8 KV heads, FFN 14336, vocab 128256,
fp16) at opset 23, whose weights live in ``llama-3.1-8b-decode.onnx.data``,
a *sparse* file of the right size (16 GB) that is never written: compiling
the model up to its report must not touch a weight byte.

Inputs: ``input_ids`` and ``position_ids`` ``[batch, 1]``, and per layer the
KV cache ``past_key.<i>`` / ``past_value.<i>`` ``[batch, 8, past, 128]``;
bind ``--dim batch=1 --dim past=<context - 1>``.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

import onnx
from onnx import TensorProto, helper

FP16 = TensorProto.FLOAT16


@dataclasses.dataclass
class ShapedLlamaConfig:
    layers: int = 32
    hidden: int = 4096
    heads: int = 32
    kv_heads: int = 8
    ffn: int = 14336
    vocab: int = 128256
    max_positions: int = 131072
    rope_cache: int = 8192  # rows of the cos/sin caches the model carries
    eps: float = 1e-5

    @property
    def head_dim(self) -> int:
        return self.hidden // self.heads


class _SparseWeights:
    """Initializers that point into one external file, 64-byte aligned."""

    def __init__(self, location: str):
        self.location = location
        self.offset = 0
        self.tensors: list[TensorProto] = []

    def add(self, name: str, dims: list[int]) -> str:
        t = TensorProto(name=name, data_type=FP16, dims=dims)
        length = 2
        for d in dims:
            length *= d
        t.data_location = TensorProto.EXTERNAL
        for key, value in (("location", self.location),
                           ("offset", str(self.offset)),
                           ("length", str(length))):
            entry = t.external_data.add()
            entry.key, entry.value = key, value
        self.offset += (length + 63) // 64 * 64
        self.tensors.append(t)
        return name


def build_shaped_llama(path: str | os.PathLike,
                       cfg: ShapedLlamaConfig = ShapedLlamaConfig()) -> Path:
    """Writes the model and its sparse weight file; returns the model path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    w = _SparseWeights(path.name + ".data")
    nodes: list[onnx.NodeProto] = []
    d, hd, kvd = cfg.hidden, cfg.head_dim, cfg.kv_heads * cfg.head_dim

    def node(op, inputs, outputs, name, **attrs):
        nodes.append(helper.make_node(op, inputs, outputs, name=name, **attrs))
        return outputs[0]

    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", 1]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch", 1]),
    ]
    outputs = []
    x = node("Gather", [w.add("embed_tokens.weight", [cfg.vocab, d]), "input_ids"],
             ["/embed/out"], "/embed_tokens/Gather")
    cos = w.add("rope.cos_cache", [cfg.rope_cache, hd // 2])
    sin = w.add("rope.sin_cache", [cfg.rope_cache, hd // 2])
    for i in range(cfg.layers):
        p = f"/layers.{i}"
        past_k, past_v = f"past_key.{i}", f"past_value.{i}"
        for name in (past_k, past_v):
            inputs.append(helper.make_tensor_value_info(
                name, FP16, ["batch", cfg.kv_heads, "past", hd]))
        h = node("RMSNormalization", [x, w.add(f"layers.{i}.input_layernorm.weight", [d])],
                 [f"{p}/ln1"], f"{p}/input_layernorm/RMSNorm", epsilon=cfg.eps, axis=-1)
        q = node("MatMul", [h, w.add(f"layers.{i}.q_proj.weight", [d, d])], [f"{p}/q"], f"{p}/attn/q_proj/MatMul")
        k = node("MatMul", [h, w.add(f"layers.{i}.k_proj.weight", [d, kvd])], [f"{p}/k"], f"{p}/attn/k_proj/MatMul")
        v = node("MatMul", [h, w.add(f"layers.{i}.v_proj.weight", [d, kvd])], [f"{p}/v"], f"{p}/attn/v_proj/MatMul")
        q = node("RotaryEmbedding", [q, cos, sin, "position_ids"], [f"{p}/q_rot"],
                 f"{p}/attn/q_rotary", num_heads=cfg.heads)
        k = node("RotaryEmbedding", [k, cos, sin, "position_ids"], [f"{p}/k_rot"],
                 f"{p}/attn/k_rotary", num_heads=cfg.kv_heads)
        present_k, present_v = f"present_key.{i}", f"present_value.{i}"
        a = node("Attention", [q, k, v, "", past_k, past_v], [f"{p}/attn_out", present_k, present_v],
                 f"{p}/attn/Attention", q_num_heads=cfg.heads, kv_num_heads=cfg.kv_heads)
        for name in (present_k, present_v):
            outputs.append(helper.make_tensor_value_info(
                name, FP16, ["batch", cfg.kv_heads, "present", hd]))
        o = node("MatMul", [a, w.add(f"layers.{i}.o_proj.weight", [d, d])], [f"{p}/o"], f"{p}/attn/o_proj/MatMul")
        x = node("Add", [x, o], [f"{p}/res1"], f"{p}/attn/residual/Add")
        h = node("RMSNormalization", [x, w.add(f"layers.{i}.post_attention_layernorm.weight", [d])],
                 [f"{p}/ln2"], f"{p}/post_attention_layernorm/RMSNorm", epsilon=cfg.eps, axis=-1)
        gate = node("MatMul", [h, w.add(f"layers.{i}.gate_proj.weight", [d, cfg.ffn])], [f"{p}/gate"], f"{p}/mlp/gate_proj/MatMul")
        up = node("MatMul", [h, w.add(f"layers.{i}.up_proj.weight", [d, cfg.ffn])], [f"{p}/up"], f"{p}/mlp/up_proj/MatMul")
        sig = node("Sigmoid", [gate], [f"{p}/sig"], f"{p}/mlp/act/Sigmoid")
        silu = node("Mul", [gate, sig], [f"{p}/silu"], f"{p}/mlp/act/Mul")
        prod = node("Mul", [silu, up], [f"{p}/gated"], f"{p}/mlp/Mul")
        down = node("MatMul", [prod, w.add(f"layers.{i}.down_proj.weight", [cfg.ffn, d])], [f"{p}/down"], f"{p}/mlp/down_proj/MatMul")
        x = node("Add", [x, down], [f"{p}/res2"], f"{p}/mlp/residual/Add")
    h = node("RMSNormalization", [x, w.add("norm.weight", [d])], ["/norm/out"], "/norm/RMSNorm",
             epsilon=cfg.eps, axis=-1)
    node("MatMul", [h, w.add("lm_head.weight", [d, cfg.vocab])], ["logits"], "/lm_head/MatMul")
    outputs.insert(0, helper.make_tensor_value_info("logits", FP16, ["batch", 1, cfg.vocab]))

    graph = helper.make_graph(nodes, "llama-3.1-8b-shaped-decode", inputs, outputs,
                              initializer=w.tensors)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 23)],
                              producer_name="wafer.models.shaped")
    model.ir_version = 11
    onnx.save(model, str(path))
    data = path.parent / w.location
    with open(data, "wb") as f:
        f.truncate(w.offset)  # sparse: the size is right, no byte is written
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--layers", type=int, default=32)
    args = ap.parse_args(argv)
    cfg = ShapedLlamaConfig(layers=args.layers)
    path = build_shaped_llama(args.out / "llama-3.1-8b-decode.onnx", cfg)
    data = path.parent / (path.name + ".data")
    print(f"{path}  {path.stat().st_size} bytes; {data.name}: "
          f"{data.stat().st_size / 2**30:.2f} GiB apparent, "
          f"{data.stat().st_blocks * 512 / 2**20:.1f} MiB on disk")
    return 0


if __name__ == "__main__":
    sys.exit(main())
