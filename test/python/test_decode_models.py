"""Tests of the decode (KV-cache) builder models and the greedy-generation oracle.

Run: PYTHONPATH=python python3 -m pytest -q test/python/test_decode_models.py

Every check compares two computations that share no cache code: a model run with
the cache against one without it (or against the forward builder, which has no
KV-cache inputs at all), the opset-17 decomposition against onnxruntime's fused
Attention / RotaryEmbedding kernels, a padded batch against the row alone, and
``greedy_generate`` (IOBinding, presents fed back as pasts) against a plain loop
that recomputes the whole sequence every step.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest

from wafer.models import (
    BUILDERS,
    DECODERS,
    OPSETS,
    SUPPORTED_OPS,
    build,
    example_inputs,
    make_config,
    op_histogram,
    save,
)
from wafer.models.decode import greedy_generate, position_ids

NAMES = sorted(DECODERS)  # gpt2-decode, llama-decode
PY_DIR = Path(__file__).resolve().parents[2] / "python"
REL = 1e-5  # cache vs no cache: max |diff| / max |logit|
RTOL = ATOL = 1e-4  # opset 17 vs 23 (different kernels), as test_builders


@functools.lru_cache(maxsize=None)
def _bytes(name: str, opset: int, cfg: tuple = ()) -> bytes:
    return build(name, opset, **dict(cfg)).SerializeToString()


@functools.lru_cache(maxsize=None)
def _session(name: str, opset: int, cfg: tuple = ()):
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.log_severity_level = 3
    so.intra_op_num_threads = 1
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    return ort.InferenceSession(_bytes(name, opset, cfg), so, providers=["CPUExecutionProvider"])


def _run(name, opset, feeds, cfg=()):
    """Plain InferenceSession.run (numpy in, numpy out): no IOBinding."""
    sess = _session(name, opset, cfg)
    outs = sess.run(None, {i.name: feeds[i.name] for i in sess.get_inputs()})
    return {o.name: v for o, v in zip(sess.get_outputs(), outs)}


def _cfg(name, cfg=()):
    return make_config(name, **{k: v for k, v in dict(cfg).items() if k != "fused_layernorm"})


def _empty_past(name, batch, cfg=()):
    c = _cfg(name, cfg)
    z = np.zeros((batch, c.n_kv_heads, 0, c.head_dim), np.float32)
    return {f"past_key_values.{i}.{kv}": z for i in range(c.layers) for kv in ("key", "value")}


def _feeds(name, ids, mask=None, past=None, cfg=()):
    """Decode-model feeds for new tokens ``ids`` after ``past`` (None: past length 0)."""
    ids = np.asarray(ids, np.int64)
    past = past if past is not None else _empty_past(name, ids.shape[0], cfg)
    plen = next(iter(past.values())).shape[2]
    if mask is None:
        mask = np.ones((ids.shape[0], plen + ids.shape[1]), np.int64)
    return {"input_ids": ids, "attention_mask": mask,
            "position_ids": position_ids(mask)[:, -ids.shape[1]:], **past}


def _presents_as_past(out):
    return {k.replace("present.", "past_key_values."): v for k, v in out.items()
            if k.startswith("present.")}


def _assert_rel(a, b, rel=REL):
    scale = float(np.max(np.abs(b)))
    err = float(np.max(np.abs(a - b)))
    assert err <= rel * scale, f"max |diff| {err} > {rel} * max |ref| {scale}"


def _prefill_and_step(name, opset, ids, prompt):
    """Outputs of the prefill on ids[:, :prompt] and of one run on the rest with its cache."""
    pre = _run(name, opset, _feeds(name, ids[:, :prompt]))
    step = _run(name, opset, _feeds(name, ids[:, prompt:], past=_presents_as_past(pre)))
    return pre, step


def _tokens(name, batch, length, seed):
    return np.random.default_rng(seed).integers(0, _cfg(name).vocab, (batch, length))


# ------------------------------------------------------------ 1. validity
@pytest.mark.parametrize("opset", OPSETS)
@pytest.mark.parametrize("name", NAMES)
def test_checker_and_interface(name, opset):
    m = onnx.load_from_string(_bytes(name, opset))
    onnx.checker.check_model(m, full_check=True)
    hist = op_histogram(m)
    assert set(hist) <= SUPPORTED_OPS, set(hist) - SUPPORTED_OPS
    assert m.opset_import[0].version == opset
    c = _cfg(name)
    g = m.graph

    def sig(vi):
        t = vi.type.tensor_type
        return vi.name, t.elem_type, [d.dim_param or d.dim_value for d in t.shape.dim]

    F, I = onnx.TensorProto.FLOAT, onnx.TensorProto.INT64
    cache_in = ["batch", c.n_kv_heads, "past_sequence_length", c.head_dim]
    cache_out = ["batch", c.n_kv_heads, "total_sequence_length", c.head_dim]
    assert [sig(i) for i in g.input] == [
        ("input_ids", I, ["batch", "seq"]),
        ("attention_mask", I, ["batch", "total_sequence_length"]),
        ("position_ids", I, ["batch", "seq"]),
    ] + [(f"past_key_values.{i}.{kv}", F, cache_in) for i in range(c.layers) for kv in ("key", "value")]
    assert [sig(o) for o in g.output] == [("logits", F, ["batch", "seq", c.vocab])] + [
        (f"present.{i}.{kv}", F, cache_out) for i in range(c.layers) for kv in ("key", "value")]
    producers = {o: n for n in g.node for o in n.output}
    for i in range(c.layers):
        pk, pv = producers[f"present.{i}.key"], producers[f"present.{i}.value"]
        if opset < 23:
            # present = Concat(past, new) along the sequence axis
            for node, kv in ((pk, "key"), (pv, "value")):
                assert node.op_type == "Concat" and node.input[0] == f"past_key_values.{i}.{kv}"
                assert onnx.helper.get_attribute_value(node.attribute[0]) == -2
        else:
            assert pk is pv and pk.op_type == "Attention"
            assert list(pk.input[4:]) == [f"past_key_values.{i}.key", f"past_key_values.{i}.value"]
            assert pk.input[3]  # the padding mask
            attrs = {a.name: onnx.helper.get_attribute_value(a) for a in pk.attribute}
            assert attrs["is_causal"] == 1
    if opset < 23:
        assert not {"Attention", "RotaryEmbedding", "RMSNormalization", "LayerNormalization",
                    "Gelu"} & set(hist)
    if name == "llama-decode":
        # the position_ids input drives the rotary tables in both forms
        users = [n.op_type for n in g.node if "position_ids" in n.input]
        assert users == (["Gather", "Gather"] if opset < 23 else ["RotaryEmbedding"] * 2 * c.layers)
    if name == "gpt2-decode":
        users = [n for n in g.node if "position_ids" in n.input]
        assert [n.op_type for n in users] == ["Gather"] and users[0].input[0] == "wpe.weight"


# ----------------------------------------------------- 2. cache consistency
SCHEDULES = [
    (5, (1, 1, 1, 1)),  # prefill 5, then 4 single-token steps
    (1, (3, 1, 2)),  # chunks of more than one token after a past (offset triangle)
]


@pytest.mark.parametrize("prompt,chunks", SCHEDULES, ids=["p5+1x4", "p1+3+1+2"])
@pytest.mark.parametrize("opset", OPSETS)
@pytest.mark.parametrize("name", NAMES)
def test_cache_matches_full_sequence(name, opset, prompt, chunks):
    total = prompt + sum(chunks)
    ids = _tokens(name, 2, total, seed=11)
    full = _run(name, opset, _feeds(name, ids))
    assert full["logits"].shape == (2, total, _cfg(name).vocab)
    start, past, got = 0, None, []
    for n in (prompt, *chunks):
        out = _run(name, opset, _feeds(name, ids[:, start:start + n], past=past))
        start += n
        got.append(out["logits"])
        past = _presents_as_past(out)
        assert past["past_key_values.0.key"].shape[2] == start
    _assert_rel(np.concatenate(got, axis=1), full["logits"])
    # The cache after the last chunk is the full run's present.
    for k, v in _presents_as_past(full).items():
        _assert_rel(past[k], v)


# ------------------------------------- 3. decode prefill vs forward builder
PREFILL = [
    ("gpt2-decode", ()),
    ("gpt2-decode", (("fused_layernorm", True),)),
    ("llama-decode", ()),
    ("llama-decode", (("kv_heads", 1), ("layers", 1))),  # multi-query
    ("llama-decode", (("kv_heads", 4), ("layers", 1))),  # plain MHA
    ("gpt2-decode", (("seed", 5),)),
]


@pytest.mark.parametrize("opset", OPSETS)
@pytest.mark.parametrize("name,cfg", PREFILL, ids=[f"{n}-{dict(c)}" for n, c in PREFILL])
def test_prefill_matches_forward_builder(name, cfg, opset):
    """The forward builder (no KV-cache inputs; positions from Range, the causal mask
    from its own subgraph) has the same weights: its logits must be the decode model's
    prefill logits with past length 0 and no padding."""
    if opset == 23 and dict(cfg).get("fused_layernorm"):
        pytest.skip("fused_layernorm only changes the opset < 23 form")
    base = DECODERS[name]
    ids = _tokens(name, 2, 7, seed=3)
    dec = _run(name, opset, _feeds(name, ids, cfg=cfg), cfg)
    fwd = _run(base, opset, {"input_ids": ids}, cfg)
    _assert_rel(dec["logits"], fwd["logits"])
    # same weights: every trainable initializer of the forward model, byte for byte
    w_dec = {t.name: t.SerializeToString()
             for t in onnx.load_from_string(_bytes(name, opset, cfg)).graph.initializer}
    w_fwd = {t.name: t.SerializeToString()
             for t in onnx.load_from_string(_bytes(base, opset, cfg)).graph.initializer}
    assert {n for n in w_fwd if n.endswith(".weight")} <= set(w_dec)
    assert all(w_dec[n] == w_fwd[n] for n in set(w_dec) & set(w_fwd))


# ----------------------------------------------------- 4. opset 17 vs 23
@pytest.mark.parametrize("name", NAMES)
def test_opset17_matches_opset23(name, tmp_path):
    ids = _tokens(name, 2, 6, seed=5)
    out = {opset: _prefill_and_step(name, opset, ids, 4) for opset in OPSETS}
    for a, b in zip(out[17], out[23]):
        assert a.keys() == b.keys()
        for k in a:
            np.testing.assert_allclose(a[k], b[k], rtol=RTOL, atol=ATOL, err_msg=k)
    toks = {}
    for opset in OPSETS:
        path = tmp_path / f"{name}-{opset}.onnx"
        save(build(name, opset), path)
        toks[opset], lg = greedy_generate(path, ids[:, :3], 8, return_logits=True)
        toks[(opset, "logits")] = lg
    np.testing.assert_array_equal(toks[17], toks[23])
    np.testing.assert_allclose(toks[(17, "logits")], toks[(23, "logits")], rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("opset", [18, 22])
@pytest.mark.parametrize("name", NAMES)
def test_intermediate_opsets_decomposed(name, opset):
    """Opsets 18..22 give the decomposed form too (ReduceMean axes as an input)."""
    m = onnx.load_from_string(_bytes(name, opset))
    onnx.checker.check_model(m, full_check=True)
    assert "Attention" not in op_histogram(m)
    ids = _tokens(name, 1, 5, seed=6)
    for a, b in zip(_prefill_and_step(name, opset, ids, 3), _prefill_and_step(name, 17, ids, 3)):
        for k in b:
            np.testing.assert_allclose(a[k], b[k], rtol=RTOL, atol=ATOL, err_msg=k)


# ---------------------------------------------------------- 5. left padding
@pytest.mark.parametrize("opset", OPSETS)
@pytest.mark.parametrize("name", NAMES)
def test_left_padding(name, opset):
    c = _cfg(name)
    a = _tokens(name, 1, 6, seed=7)[0]
    b = _tokens(name, 1, 4, seed=8)[0]
    pad = 2
    ids = np.stack([a, np.concatenate([[0] * pad, b])])
    mask = np.array([[1] * 6, [0] * pad + [1] * 4], np.int64)
    np.testing.assert_array_equal(position_ids(mask), [[0, 1, 2, 3, 4, 5], [1, 1, 0, 1, 2, 3]])
    # prefill, then two single-token steps, every row with the same new tokens
    nxt = _tokens(name, 2, 2, seed=9)
    outs, past, m = [], None, mask
    for chunk in (ids, nxt[:, :1], nxt[:, 1:]):
        if past is not None:
            m = np.concatenate([m, np.ones((2, 1), np.int64)], axis=1)
        o = _run(name, opset, _feeds(name, chunk, mask=m, past=past))
        outs.append(o["logits"])
        past = _presents_as_past(o)
    y = np.concatenate(outs, axis=1)  # [2, 8, vocab]
    assert np.isfinite(y).all()
    # The unpadded row equals batch 1 on that row alone.
    alone_a = _run(name, opset, _feeds(name, np.concatenate([a, nxt[0]])[None]))["logits"]
    _assert_rel(y[0], alone_a[0])
    # The padded row's real positions equal that row alone, unpadded (positions from 0).
    alone_b = _run(name, opset, _feeds(name, np.concatenate([b, nxt[1]])[None]))["logits"]
    _assert_rel(y[1, pad:], alone_b[0])
    # The padding tokens' ids do not matter.
    ids2 = ids.copy()
    ids2[1, :pad] = [c.vocab - 1, 17]
    y2 = _run(name, opset, _feeds(name, ids2, mask=mask))["logits"]
    np.testing.assert_array_equal(y2[:, pad:], outs[0][:, pad:])
    # greedy_generate with the mask: each row as generated alone.
    model = _bytes(name, opset)
    t2 = greedy_generate(model, ids, 5, attention_mask=mask)
    np.testing.assert_array_equal(t2[0], greedy_generate(model, a[None], 5)[0])
    np.testing.assert_array_equal(t2[1], greedy_generate(model, b[None], 5)[0])


# ------------------------------------------- 6. greedy vs naive recompute
@pytest.mark.parametrize("opset", OPSETS)
@pytest.mark.parametrize("name", NAMES)
def test_greedy_matches_naive_loop(name, opset):
    prompt = _tokens(name, 2, 4, seed=13)
    n = 9
    tokens, logits = greedy_generate(_bytes(name, opset), prompt, n, return_logits=True)
    assert tokens.shape == (2, n) and tokens.dtype == np.int64
    assert logits.shape == (2, n, _cfg(name).vocab)
    # Naive: the forward builder (no cache at all) on the whole sequence every step.
    seq = prompt.copy()
    naive, naive_logits = [], []
    for _ in range(n):
        last = _run(DECODERS[name], opset, {"input_ids": seq})["logits"][:, -1]
        t = np.argmax(last, axis=-1)
        naive.append(t)
        naive_logits.append(last)
        seq = np.concatenate([seq, t[:, None]], axis=1)
    np.testing.assert_array_equal(tokens, np.stack(naive, axis=1))
    _assert_rel(logits, np.stack(naive_logits, axis=1))
    # The decode model itself with past length 0 on the whole sequence agrees too.
    full = _run(name, opset, _feeds(name, seq[:, :-1]))["logits"]
    np.testing.assert_array_equal(np.argmax(full[:, prompt.shape[1] - 1:], -1), tokens)


def test_greedy_edge_cases():
    model = _bytes("llama-decode", 23)
    one = greedy_generate(model, [1, 2, 3], 1)  # 1-D prompt: batch 1, prefill only
    assert one.shape == (1, 1)
    t, lg = greedy_generate(model, [[4]], 0, return_logits=True)
    assert t.shape == (1, 0) and lg.shape == (1, 0, _cfg("llama-decode").vocab)
    assert greedy_generate(model, [[1, 2, 3]], 4, threads=2).tolist() == \
        greedy_generate(model, [[1, 2, 3]], 4).tolist()
    with pytest.raises(ValueError, match="left padding"):
        greedy_generate(model, [[1, 2, 3]], 2, attention_mask=[[1, 1, 0]])
    with pytest.raises(ValueError, match="not a decode model"):
        greedy_generate(_bytes("llama", 23), [[1, 2]], 2)


# --------------------------------------------------------------- registry
def test_registry_and_example_inputs(tmp_path):
    assert not set(DECODERS) & set(BUILDERS)
    for name, base in DECODERS.items():
        for opset in OPSETS:
            assert _bytes(name, opset) == build(base, opset, decode=True).SerializeToString()
            assert build(base, opset, decode=False).SerializeToString() == \
                build(base, opset).SerializeToString()
        assert make_config(name) == make_config(base)
        # example inputs: the forward model's input_ids plus the decode inputs
        for past in (0, 3):
            f = example_inputs(name, 2, 5, seed=4, past=past)
            np.testing.assert_array_equal(f["input_ids"], example_inputs(base, 2, 5, seed=4)["input_ids"])
            assert f["attention_mask"].shape == (2, past + 5)
            np.testing.assert_array_equal(f["position_ids"][1], np.arange(past, past + 5))
            c = make_config(name)
            assert f["past_key_values.1.value"].shape == (2, c.n_kv_heads, past, c.head_dim)
            for opset in OPSETS:
                out = _run(name, opset, f)
                assert out["logits"].shape == (2, 5, c.vocab)
                assert out["present.0.key"].shape == (2, c.n_kv_heads, past + 5, c.head_dim)
                np.testing.assert_array_equal(out["present.0.key"][:, :, :past],
                                              f["past_key_values.0.key"])
        np.testing.assert_array_equal(
            example_inputs(base, 1, 3, seed=2, decode=True)["position_ids"], [[0, 1, 2]])
    with pytest.raises(TypeError):
        build("bert", 17, decode=True)
    with pytest.raises(TypeError):
        build("llama-decode", 17, decode=False)
    with pytest.raises(TypeError):
        example_inputs("gpt2", 1, 4, past=2)
    with pytest.raises(TypeError):
        example_inputs("bert", 1, 4, decode=True)
    with pytest.raises(ValueError):
        example_inputs("gpt2-decode", 1, 4, past=make_config("gpt2").max_pos - 3)
    # CLI
    r = subprocess.run([sys.executable, "-m", "wafer.models", "--out", str(tmp_path),
                        "--names", "gpt2-decode", "llama-decode", "--check"],
                       capture_output=True, text=True, timeout=120,
                       env={"PYTHONPATH": str(PY_DIR), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.strip().splitlines()) == 4
    for name in NAMES:
        for opset in OPSETS:
            p = tmp_path / f"{name}-opset{opset}.onnx"
            assert onnx.load(str(p)).SerializeToString() == _bytes(name, opset)
