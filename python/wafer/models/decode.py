"""Greedy generation with a decode (KV-cache) model on onnxruntime: the oracle for
``--generate``.

``greedy_generate(model, prompt_ids, new_tokens)`` runs the models built by
``build("gpt2-decode" | "llama-decode", opset)`` (or any model with the same I/O,
e.g. an optimum ``decoder_with_past_model``; see ``wafer.models`` for the I/O):

1. prefill: one run on the whole prompt [batch, P] with past_key_values.* of past
   length 0 ([batch, kv_heads, 0, head_dim]); its last position's logits give the
   first new token;
2. each further step: one run on the previous step's token [batch, 1], with
   attention_mask grown by one column of ones, position_ids the next position and
   past_key_values.<i>.* the previous run's present.<i>.*.

``new_tokens`` tokens take 1 prefill + (new_tokens - 1) steps; the last token is
returned, not run.  The token is ``argmax`` of the last position's logits (the first
index on ties, as ``numpy.argmax`` and ``torch.argmax`` do).

Left padding: pass ``attention_mask`` (0 = padding, only at the start of a row);
position_ids are then ``cumsum(attention_mask) - 1`` (1 at padding), as Hugging
Face ``generate`` computes them.

What is copied, per run (IOBinding on the CPU execution provider):

* input_ids, attention_mask, position_ids: small fresh host arrays, bound as
  OrtValues over the numpy memory (not copied by the binding);
* past_key_values.*: the previous run's present.* OrtValues, bound as inputs as
  they are: the cache never goes through numpy between steps.  The model itself
  writes present = past ++ new keys / values into a new [batch, kv_heads, total,
  head_dim] buffer every run (Concat or Attention's present_key / present_value:
  ONNX has no in-place update), so the cache is copied once per run inside the
  model, by the model's own semantics;
* logits: the run's [batch, seq, vocab] output is viewed through numpy (no copy)
  and only its last position, [batch, vocab], is copied out.

Each run's outputs are allocated by onnxruntime (``bind_output(name, "cpu")``,
rebound every run), so a present that becomes the next past is never also
written by the run that reads it.
"""

from __future__ import annotations

import numpy as np

from ._layers import PAST_KEY, PAST_VALUE, PRESENT_KEY, PRESENT_VALUE
from ._ort import session

__all__ = ["greedy_generate", "position_ids"]


def position_ids(attention_mask: np.ndarray) -> np.ndarray:
    """HF's ``attention_mask.cumsum(-1) - 1`` with padding positions set to 1."""
    m = np.asarray(attention_mask, dtype=np.int64)
    pos = np.cumsum(m, axis=-1) - 1
    pos[m == 0] = 1
    return pos


def _session(model, threads: int, optimize: bool):
    return session(model, optimize=optimize, threads=threads)


def _cache_layout(sess) -> tuple[int, int, int]:
    """(layers, kv_heads, head_dim) from the model's past_key_values.* inputs."""
    ins = {i.name: i for i in sess.get_inputs()}
    for name in ("input_ids", "attention_mask", "position_ids"):
        if name not in ins:
            raise ValueError(f"not a decode model: it has no {name} input")
    layers = 0
    while PAST_KEY.format(layers) in ins:
        layers += 1
    if layers == 0:
        raise ValueError(f"not a decode model: it has no {PAST_KEY.format(0)} input")
    shape = ins[PAST_KEY.format(0)].shape
    kv_heads, head_dim = shape[1], shape[3]
    if not (isinstance(kv_heads, int) and isinstance(head_dim, int)):
        raise ValueError(f"{PAST_KEY.format(0)} needs static kv_heads and head_dim, has {shape}")
    outs = {o.name for o in sess.get_outputs()}
    for i in range(layers):
        if PAST_VALUE.format(i) not in ins:
            raise ValueError(f"decode model has no {PAST_VALUE.format(i)} input")
        for name in ("logits", PRESENT_KEY.format(i), PRESENT_VALUE.format(i)):
            if name not in outs:
                raise ValueError(f"decode model has no {name} output")
    return layers, kv_heads, head_dim


def greedy_generate(
    model,
    prompt_ids,
    new_tokens: int,
    *,
    attention_mask=None,
    threads: int = 1,
    optimize: bool = False,
    return_logits: bool = False,
    timing: dict | None = None,
):
    """Greedy-decode ``new_tokens`` tokens after ``prompt_ids`` with the KV cache.

    ``model``: a path (external data is found beside it), a ModelProto or serialized
    bytes.  ``prompt_ids``: int [batch, P] (or [P] for batch 1), P >= 1.
    ``attention_mask``: int [batch, P], 1 = token, 0 = left padding (default all ones).
    ``threads``: onnxruntime's intra-op threads.  ``optimize``: onnxruntime's default
    graph optimizations instead of none (the default, as ``reference_outputs``).

    Returns the new tokens, int64 [batch, new_tokens]; with ``return_logits`` also the
    logits each was chosen from, float32 [batch, new_tokens, vocab].  A ``timing`` dict
    receives ``first_token_s`` (the prefill, inputs to first token) and ``steps_s``
    (the ``new_tokens - 1`` steps), as ``wafer-run --generate`` times them.  P + new_tokens - 1
    positions are run, which must fit the model's position tables (max_pos).
    """
    import onnxruntime as ort

    ids = np.asarray(prompt_ids, dtype=np.int64)
    if ids.ndim == 1:
        ids = ids[None, :]
    if ids.ndim != 2 or ids.shape[1] < 1 or ids.shape[0] < 1:
        raise ValueError(f"prompt_ids must be [batch, P] with P >= 1, got shape {ids.shape}")
    batch = ids.shape[0]
    if attention_mask is None:
        mask = np.ones(ids.shape, dtype=np.int64)
    else:
        mask = np.asarray(attention_mask, dtype=np.int64)
        if mask.ndim == 1:
            mask = mask[None, :]
        if mask.shape != ids.shape:
            raise ValueError(f"attention_mask shape {mask.shape} != prompt_ids shape {ids.shape}")
        if not np.isin(mask, (0, 1)).all():
            raise ValueError("attention_mask must hold 0 and 1 only")
        if not mask[:, -1].all() or (np.diff(mask, axis=1) < 0).any():
            raise ValueError("attention_mask: only left padding is supported "
                             "(each row zeros then ones, ending in a token)")
    new_tokens = int(new_tokens)
    if new_tokens < 0:
        raise ValueError(f"new_tokens must be >= 0, got {new_tokens}")

    sess = _session(model, threads, optimize)
    layers, kv_heads, head_dim = _cache_layout(sess)
    out_names = [o.name for o in sess.get_outputs()]
    empty = np.zeros((batch, kv_heads, 0, head_dim), dtype=np.float32)
    past = {}
    for i in range(layers):
        past[PAST_KEY.format(i)] = ort.OrtValue.ortvalue_from_numpy(empty)
        past[PAST_VALUE.format(i)] = ort.OrtValue.ortvalue_from_numpy(empty)

    import time

    io = sess.io_binding()
    tokens = np.zeros((batch, new_tokens), dtype=np.int64)
    logits_out = [] if return_logits else None
    start = time.perf_counter()
    for step in range(new_tokens):
        if step == 1 and timing is not None:
            now = time.perf_counter()
            timing["first_token_s"] = now - start
            start = now
        # Host inputs of this run; the arrays stay referenced until the run is over.
        host = {
            "input_ids": np.ascontiguousarray(ids),
            "attention_mask": np.ascontiguousarray(mask),
            "position_ids": np.ascontiguousarray(position_ids(mask)[:, -ids.shape[1]:]),
        }
        io.clear_binding_inputs()
        io.clear_binding_outputs()
        for name, arr in host.items():
            io.bind_ortvalue_input(name, ort.OrtValue.ortvalue_from_numpy(arr))
        for name, value in past.items():
            io.bind_ortvalue_input(name, value)
        for name in out_names:
            io.bind_output(name, "cpu")  # onnxruntime allocates each run's outputs
        sess.run_with_iobinding(io)
        outs = dict(zip(out_names, io.get_outputs()))
        last = np.array(outs["logits"].numpy()[:, -1, :], dtype=np.float32, copy=True)
        nxt = np.argmax(last, axis=-1).astype(np.int64)
        tokens[:, step] = nxt
        if logits_out is not None:
            logits_out.append(last)
        # This run's present.* become the next run's past_key_values.* (no copy).
        past = {}
        for i in range(layers):
            past[PAST_KEY.format(i)] = outs[PRESENT_KEY.format(i)]
            past[PAST_VALUE.format(i)] = outs[PRESENT_VALUE.format(i)]
        ids = nxt[:, None]
        mask = np.concatenate([mask, np.ones((batch, 1), dtype=np.int64)], axis=1)
    if timing is not None:
        elapsed = time.perf_counter() - start
        if new_tokens <= 1:
            timing["first_token_s"], timing["steps_s"] = elapsed, 0.0
        else:
            timing["steps_s"] = elapsed
    if return_logits:
        if not logits_out:
            vocab = next(o for o in sess.get_outputs() if o.name == "logits").shape[-1]
            return tokens, np.zeros((batch, 0, vocab if isinstance(vocab, int) else 0), np.float32)
        return tokens, np.stack(logits_out, axis=1)
    return tokens
