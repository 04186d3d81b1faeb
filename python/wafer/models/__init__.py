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

Decode (KV-cache) variants ``gpt2-decode`` and ``llama-decode`` (``DECODERS``; the
same as ``build("gpt2", opset, decode=True)``), shaped like Hugging Face optimum's
``with_past`` / ``decoder_model_merged`` exports, with the same weights as the
forward model for the same config:

* inputs ``input_ids`` int64 [batch, seq] (the new tokens: the whole prompt at
  prefill, 1 per step), ``attention_mask`` int64 [batch, total_sequence_length]
  (past + seq; 1 = real token, 0 = padding), ``position_ids`` int64 [batch, seq],
  and per layer ``past_key_values.<i>.key`` / ``.value`` float32
  [batch, kv_heads, past_sequence_length, head_dim] (past may be 0);
* outputs ``logits`` [batch, seq, vocab] and per layer ``present.<i>.key`` /
  ``.value`` [batch, kv_heads, total_sequence_length, head_dim]: the past with this
  call's keys / values appended, to be fed back as the next call's past.

Only the logits of real (unpadded) query positions are meaningful: a padding
position's own output is unspecified (the opset-17 form averages, onnxruntime's
Attention returns zeros), and it never reaches a real position.
``wafer.models.decode.greedy_generate`` runs greedy generation on onnxruntime::

    m = build("llama-decode", 23); save(m, "/tmp/llama-decode.onnx")
    from wafer.models.decode import greedy_generate
    tokens = greedy_generate("/tmp/llama-decode.onnx", [[1, 2, 3]], new_tokens=8)
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Callable, Mapping

import numpy as np
import onnx

from ._graph import SUPPORTED_OPS, op_histogram
from ._layers import PAST_KEY, PAST_VALUE
from ._ort import session
from .bert import build_bert
from .config import BertConfig, GPT2Config, LlamaConfig, ModelConfig
from .gpt2 import build_gpt2
from .llama import build_llama

__all__ = [
    "BUILDERS",
    "CONFIGS",
    "DECODERS",
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
# The KV-cache (decode) variants: name -> the builder that builds them with
# decode=True (same config class, same weights).  They are kept out of BUILDERS,
# which lists the forward models every compiler test suite iterates over.
DECODERS: dict[str, str] = {
    "gpt2-decode": "gpt2",
    "llama-decode": "llama",
}
# The two forms every model is built in by default.
OPSETS = (17, 23)

# Builder keyword arguments that are not config fields.
_BUILDER_FLAGS = {"fused_layernorm", "decode"}
_FLAGS_OF = {"gpt2": {"fused_layernorm", "decode"}, "bert": {"fused_layernorm"}, "llama": {"decode"}}


def _check_name(name: str) -> str:
    """The builder name of model ``name`` (itself, or the one a decode variant uses)."""
    if name in DECODERS:
        return DECODERS[name]
    if name not in BUILDERS:
        raise KeyError(f"unknown model {name!r}; known: {sorted(BUILDERS) + sorted(DECODERS)}")
    return name


def _is_decode(name: str, flags: Mapping) -> bool:
    return name in DECODERS or bool(flags.get("decode", False))


def make_config(name: str, **cfg) -> ModelConfig:
    """The config dataclass of model ``name`` with the given fields overridden."""
    cls = CONFIGS[_check_name(name)]
    fields = {f.name for f in dataclasses.fields(cls)}
    unknown = set(cfg) - fields
    if unknown:
        raise TypeError(f"unknown {cls.__name__} fields: {sorted(unknown)}")
    return cls(**cfg)


def build(name: str, opset: int = 17, **cfg) -> onnx.ModelProto:
    """Build model ``name`` ("gpt2", "bert", "llama", "gpt2-decode", "llama-decode") at ``opset``.

    ``cfg`` holds config fields (layers, hidden, heads, kv_heads, ffn, vocab,
    max_pos, seed, eps, ...) plus the builder flags ``fused_layernorm`` (gpt2/bert:
    use LayerNormalization even below opset 23) and ``decode`` (gpt2/llama: the
    KV-cache variant; ``build("gpt2-decode", ...)`` is ``build("gpt2", ..., decode=True)``).
    """
    base = _check_name(name)
    flags = {k: cfg.pop(k) for k in list(cfg) if k in _BUILDER_FLAGS}
    if name in DECODERS:
        if flags.get("decode", True) is not True:
            raise TypeError(f"{name} is a decode model; decode={flags['decode']!r} contradicts it")
        flags["decode"] = True
    elif flags.get("decode", True) is False:
        del flags["decode"]  # the default form
    bad = set(flags) - _FLAGS_OF[base]
    if bad:
        raise TypeError(f"{base} takes no builder flags {sorted(bad)}")
    return BUILDERS[base](make_config(base, **cfg), opset, **flags)


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


def example_inputs(
    name: str, batch: int = 2, seq: int = 8, seed: int = 0, *, past: int | None = None, **cfg
) -> dict[str, np.ndarray]:
    """Deterministic inputs for model ``name`` built with config ``cfg``.

    BERT gets an attention_mask whose first row is all ones and whose other rows
    end in padding (at least one real token each), plus token_type_ids (two
    segments) when the config asks for them.

    A decode model (``gpt2-decode``, ``llama-decode`` or ``decode=True``) gets ``seq``
    new tokens after ``past`` cached ones (default 0): input_ids (the same as the
    forward model's for the same seed), an all-ones attention_mask [batch, past + seq],
    position_ids = past .. past + seq - 1 and past_key_values.<i>.key / .value
    [batch, kv_heads, past, head_dim] drawn from N(0, 1) -- random, not the cache of
    any prefix (``wafer.models.decode`` runs a real prefill).
    """
    decode = _is_decode(name, cfg)
    if decode and _check_name(name) not in DECODERS.values():
        raise TypeError(f"{name} has no decode variant")
    cfg = {k: v for k, v in cfg.items() if k not in _BUILDER_FLAGS}
    c = make_config(name, **cfg)
    if past is not None and not decode:
        raise TypeError(f"past is for decode models; {name} has no KV cache")
    past = past or 0
    if past < 0:
        raise ValueError(f"past must be >= 0, got {past}")
    if not 1 <= seq <= c.max_pos - past:
        raise ValueError(f"seq must be in [1, max_pos={c.max_pos} - past={past}], got {seq}")
    if batch < 1:
        raise ValueError(f"batch must be positive, got {batch}")
    rng = np.random.default_rng(seed)
    feeds = {"input_ids": rng.integers(0, c.vocab, size=(batch, seq), dtype=np.int64)}
    if decode:
        total = past + seq
        feeds["attention_mask"] = np.ones((batch, total), dtype=np.int64)
        feeds["position_ids"] = np.broadcast_to(
            np.arange(past, total, dtype=np.int64), (batch, seq)).copy()
        shape = (batch, c.n_kv_heads, past, c.head_dim)
        for i in range(c.layers):
            for key in (PAST_KEY, PAST_VALUE):
                feeds[key.format(i)] = rng.standard_normal(shape).astype(np.float32)
        return feeds
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
    sess = session(model_path, optimize=optimize)
    names = [i.name for i in sess.get_inputs()]
    missing = [n for n in names if n not in inputs]
    if missing:
        raise KeyError(f"inputs missing for {missing}")
    feeds = {n: np.asarray(inputs[n]) for n in names}
    outs = sess.run(None, feeds)
    return {o.name: v for o, v in zip(sess.get_outputs(), outs)}
