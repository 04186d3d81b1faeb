"""Builders of small transformer models (random weights, fixed seed) as ONNX graphs.

Each model has two spellings selected by ``opset``:

* opset 17 (..22): norms, activations and attention decomposed exactly as torch
  exporters emit them at opset <= 17, including the dynamic-shape
  Shape/Gather/Unsqueeze/Concat/Reshape/Range/ConstantOfShape subgraphs;
* opset 23: the same model (same weights for the same seed) with
  LayerNormalization, Gelu, Attention, RMSNormalization and RotaryEmbedding.

Usage::

    from wafer.models import build, example_inputs, reference_outputs, save
    m = build("llama", 23, layers=1)
    save(m, "/tmp/llama.onnx")
    out = reference_outputs("/tmp/llama.onnx", example_inputs("llama", 2, 5, seed=0))
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Callable, Mapping

import numpy as np
import onnx

from ._graph import SUPPORTED_OPS, op_histogram
from .bert import build_bert
from .config import BertConfig, GPT2Config, LlamaConfig, ModelConfig
from .gpt2 import build_gpt2
from .llama import build_llama

__all__ = [
    "BUILDERS",
    "CONFIGS",
    "OPSETS",
    "SUPPORTED_OPS",
    "BertConfig",
    "GPT2Config",
    "LlamaConfig",
    "ModelConfig",
    "build",
    "build_bert",
    "build_gpt2",
    "build_llama",
    "example_inputs",
    "make_config",
    "op_histogram",
    "reference_outputs",
    "save",
]

BUILDERS: dict[str, Callable[..., onnx.ModelProto]] = {
    "gpt2": build_gpt2,
    "bert": build_bert,
    "llama": build_llama,
}
CONFIGS: dict[str, type[ModelConfig]] = {
    "gpt2": GPT2Config,
    "bert": BertConfig,
    "llama": LlamaConfig,
}
# The two forms every model is built in by default.
OPSETS = (17, 23)

# Builder keyword arguments that are not config fields.
_BUILDER_FLAGS = {"fused_layernorm"}


def _check_name(name: str) -> None:
    if name not in BUILDERS:
        raise KeyError(f"unknown model {name!r}; known: {sorted(BUILDERS)}")


def make_config(name: str, **cfg) -> ModelConfig:
    """The config dataclass of model ``name`` with the given fields overridden."""
    _check_name(name)
    cls = CONFIGS[name]
    fields = {f.name for f in dataclasses.fields(cls)}
    unknown = set(cfg) - fields
    if unknown:
        raise TypeError(f"unknown {cls.__name__} fields: {sorted(unknown)}")
    return cls(**cfg)


def build(name: str, opset: int = 17, **cfg) -> onnx.ModelProto:
    """Build model ``name`` ("gpt2", "bert", "llama") at ``opset``.

    ``cfg`` holds config fields (layers, hidden, heads, kv_heads, ffn, vocab,
    max_pos, seed, eps, ...) plus the builder flag ``fused_layernorm`` (gpt2/bert:
    use LayerNormalization even below opset 23).
    """
    _check_name(name)
    flags = {k: cfg.pop(k) for k in list(cfg) if k in _BUILDER_FLAGS}
    if flags and name == "llama":
        raise TypeError(f"llama takes no builder flags, got {sorted(flags)}")
    return BUILDERS[name](make_config(name, **cfg), opset, **flags)


def save(
    model: onnx.ModelProto,
    path: str | os.PathLike,
    external_data: bool = False,
    size_threshold: int = 1024,
) -> list[Path]:
    """Save ``model``; with ``external_data`` the tensors of at least
    ``size_threshold`` bytes go to ``<file>.data`` beside it.  Returns the files written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not external_data:
        onnx.save(model, str(path))
        return [path]
    location = path.name + ".data"
    data_path = path.parent / location
    # onnx appends to an existing data file; start from scratch.
    if data_path.exists():
        data_path.unlink()
    m = onnx.ModelProto()
    m.CopyFrom(model)  # onnx.save rewrites the tensors in place
    onnx.save(
        m,
        str(path),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=location,
        size_threshold=size_threshold,
    )
    if not data_path.exists():
        return [path]
    # onnx creates the data file 0600; give it the same permissions as the model file.
    os.chmod(data_path, path.stat().st_mode & 0o777)
    return [path, data_path]


def example_inputs(name: str, batch: int = 2, seq: int = 8, seed: int = 0, **cfg) -> dict[str, np.ndarray]:
    """Deterministic inputs for model ``name`` built with config ``cfg``.

    BERT gets an attention_mask whose first row is all ones and whose other rows
    end in padding (at least one real token each), plus token_type_ids (two
    segments) when the config asks for them.
    """
    cfg = {k: v for k, v in cfg.items() if k not in _BUILDER_FLAGS}
    c = make_config(name, **cfg)
    if not 1 <= seq <= c.max_pos:
        raise ValueError(f"seq must be in [1, max_pos={c.max_pos}], got {seq}")
    if batch < 1:
        raise ValueError(f"batch must be positive, got {batch}")
    rng = np.random.default_rng(seed)
    feeds = {"input_ids": rng.integers(0, c.vocab, size=(batch, seq), dtype=np.int64)}
    if name == "bert":
        lengths = rng.integers(max(1, seq // 2), seq + 1, size=batch)
        lengths[0] = seq
        mask = (np.arange(seq)[None, :] < lengths[:, None]).astype(np.int64)
        feeds["attention_mask"] = mask
        if c.token_type_ids:
            split = rng.integers(1, seq + 1, size=batch)
            tt = (np.arange(seq)[None, :] >= split[:, None]) & (mask == 1)
            feeds["token_type_ids"] = tt.astype(np.int64) % c.type_vocab
    return feeds


def reference_outputs(
    model_path,
    inputs: Mapping[str, np.ndarray],
    *,
    optimize: bool = False,
) -> dict[str, np.ndarray]:
    """Run the model with onnxruntime's CPUExecutionProvider and return {output name: array}.

    ``model_path`` may be a path (external data is found beside it), a ModelProto or
    serialized bytes.  Inputs the model does not declare are ignored; missing ones
    raise.  By default graph optimizations are disabled (ORT_DISABLE_ALL) so that the
    decomposed graph is executed op by op instead of being fused by onnxruntime into
    the very kernels the opset-23 form uses; pass ``optimize=True`` for ORT's default.
    """
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.log_severity_level = 3
    if not optimize:
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    if isinstance(model_path, onnx.ModelProto):
        src = model_path.SerializeToString()
    elif isinstance(model_path, (bytes, bytearray)):
        src = bytes(model_path)
    else:
        src = os.fspath(model_path)
    sess = ort.InferenceSession(src, so, providers=["CPUExecutionProvider"])
    names = [i.name for i in sess.get_inputs()]
    missing = [n for n in names if n not in inputs]
    if missing:
        raise KeyError(f"inputs missing for {missing}")
    feeds = {n: np.asarray(inputs[n]) for n in names}
    outs = sess.run(None, feeds)
    return {o.name: v for o, v in zip(sess.get_outputs(), outs)}
