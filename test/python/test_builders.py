"""Tests of the Python model builders (wafer.models).

Run: PYTHONPATH=python python3 -m pytest -q test/python/test_builders.py
(test/python/conftest.py also puts python/ on sys.path).

The opset-17 and opset-23 forms of each model are built from the same weights
and executed by onnxruntime with graph optimizations disabled, so the decomposed
form runs op by op while the fused form runs ORT's LayerNormalization / Gelu /
Attention / RMSNormalization / RotaryEmbedding kernels: their agreement is an
independent cross-check of both spellings.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import onnx.numpy_helper
import pytest

from wafer.models import (
    BUILDERS,
    OPSETS,
    SUPPORTED_OPS,
    build,
    example_inputs,
    make_config,
    op_histogram,
    reference_outputs,
    save,
)

NAMES = sorted(BUILDERS)
SHAPES = [(1, 8), (2, 5)]
FUSED_OPS = {"LayerNormalization", "Gelu", "Attention", "RMSNormalization", "RotaryEmbedding"}
OUTPUT = {"gpt2": "logits", "bert": "last_hidden_state", "llama": "logits"}
RTOL = ATOL = 1e-4
PY_DIR = Path(__file__).resolve().parents[2] / "python"


@functools.lru_cache(maxsize=None)
def _model_bytes(name: str, opset: int, cfg: tuple = ()) -> bytes:
    return build(name, opset, **dict(cfg)).SerializeToString()


def _model(name, opset, **cfg) -> onnx.ModelProto:
    return onnx.load_from_string(_model_bytes(name, opset, tuple(sorted(cfg.items()))))


def _run(name, opset, batch, seq, seed=0, **cfg):
    m = _model_bytes(name, opset, tuple(sorted(cfg.items())))
    feeds = example_inputs(name, batch, seq, seed, **cfg)
    return feeds, reference_outputs(m, feeds)[OUTPUT[name]]


def _out_dim(name, **cfg):
    c = make_config(name, **{k: v for k, v in cfg.items() if k != "fused_layernorm"})
    return c.hidden if name == "bert" else c.vocab


# --------------------------------------------------------------- validity
@pytest.mark.parametrize("opset", OPSETS)
@pytest.mark.parametrize("name", NAMES)
def test_checker_ops_and_dynamic_shapes(name, opset):
    m = _model(name, opset)
    onnx.checker.check_model(m, full_check=True)
    hist = op_histogram(m)
    assert set(hist) <= SUPPORTED_OPS, set(hist) - SUPPORTED_OPS
    assert m.opset_import[0].domain == "" and m.opset_import[0].version == opset
    for batch, seq in SHAPES:
        _, y = _run(name, opset, batch, seq)
        assert y.shape == (batch, seq, _out_dim(name)), y.shape
        assert y.dtype == np.float32
        assert np.all(np.isfinite(y))
        assert float(np.std(y)) > 1e-2  # not degenerate


@pytest.mark.parametrize("opset", OPSETS)
@pytest.mark.parametrize("name", NAMES)
def test_graph_interface_and_names(name, opset):
    m = _model(name, opset)
    g = m.graph
    for vi in list(g.input) + list(g.output):
        dims = vi.type.tensor_type.shape.dim
        assert [d.dim_param for d in dims[:2]] == ["batch", "seq"], vi.name
    in_names = [i.name for i in g.input]
    expect = ["input_ids"] + (["attention_mask"] if name == "bert" else [])
    assert in_names == expect
    assert [o.name for o in g.output] == [OUTPUT[name]]
    assert all(i.type.tensor_type.elem_type == onnx.TensorProto.INT64 for i in g.input)
    names = [n.name for n in g.node]
    assert all(n.startswith("/") for n in names)
    assert len(set(names)) == len(names)
    # Weights are fp32 initializers; the only non-float ones are buffers.
    for t in g.initializer:
        if t.data_type != onnx.TensorProto.FLOAT:
            assert t.name.endswith(("attn.bias", "position_ids")), t.name


@pytest.mark.parametrize("name", NAMES)
def test_opset17_is_decomposed(name):
    m = _model(name, 17)
    hist = op_histogram(m)
    assert not FUSED_OPS & set(hist)
    for op in ("Shape", "Gather", "Unsqueeze", "Concat", "Reshape", "Transpose", "Softmax"):
        assert op in hist, op
    expect = {
        "gpt2": {"Range", "Split", "Slice", "Where", "Tanh", "Pow", "ReduceMean", "Sqrt", "Div"},
        "bert": {"ConstantOfShape", "Cast", "Erf", "Slice", "ReduceMean", "Sqrt", "Div"},
        "llama": {"Range", "ConstantOfShape", "Trilu", "Neg", "Slice", "Expand", "Sigmoid",
                  "Reciprocal", "ReduceMean"},
    }[name]
    assert expect <= set(hist), expect - set(hist)
    # ReduceMean takes axes as an attribute before opset 18 ...
    for n in m.graph.node:
        if n.op_type == "ReduceMean":
            assert len(n.input) == 1 and [a.name for a in n.attribute] == ["axes", "keepdims"]
    # ... and as an input from 18.
    m18 = _model(name, 18)
    onnx.checker.check_model(m18, full_check=True)
    for n in m18.graph.node:
        if n.op_type == "ReduceMean":
            assert len(n.input) == 2 and [a.name for a in n.attribute] == ["keepdims"]


@pytest.mark.parametrize("name", NAMES)
def test_opset23_is_fused(name):
    m = _model(name, 23)
    hist = op_histogram(m)
    c = make_config(name)
    expect = {
        "gpt2": {"LayerNormalization": 2 * c.layers + 1, "Gelu": c.layers, "Attention": c.layers},
        "bert": {"LayerNormalization": 2 * c.layers + 1, "Gelu": c.layers, "Attention": c.layers},
        "llama": {"RMSNormalization": 2 * c.layers + 1, "Attention": c.layers,
                  "RotaryEmbedding": 2 * c.layers},
    }[name]
    assert {k: hist.get(k, 0) for k in expect} == expect
    for op in ("ReduceMean", "Erf", "Tanh", "Softmax", "Trilu", "Where"):
        assert op not in hist, op
    attrs = {
        n.op_type: {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
        for n in m.graph.node
    }
    if name == "gpt2":
        assert attrs["Gelu"]["approximate"] == b"tanh"
        assert attrs["Attention"] == {"q_num_heads": c.heads, "kv_num_heads": c.heads, "is_causal": 1}
    if name == "bert":
        assert attrs["Gelu"]["approximate"] == b"none"
        att = [n for n in m.graph.node if n.op_type == "Attention"]
        assert all(len(n.input) == 4 for n in att)  # q, k, v, attn_mask
    if name == "llama":
        assert attrs["Attention"] == {"is_causal": 1}
        # GQA: the K projection has fewer columns than Q.
        inits = {t.name: t for t in m.graph.initializer}
        kq = inits["model.layers.0.self_attn.k_proj.weight"].dims[1]
        assert kq == c.n_kv_heads * c.head_dim < c.hidden


# ---------------------------------------------------------- cross-checks
CROSS = [
    ("gpt2", {}),
    ("bert", {}),
    ("bert", {"token_type_ids": True}),
    ("llama", {}),
    ("llama", {"kv_heads": 1, "layers": 1}),  # multi-query attention
    ("llama", {"kv_heads": 4, "layers": 1}),  # plain MHA (repeat_kv is a no-op)
]


@pytest.mark.parametrize("name,cfg", CROSS, ids=[f"{n}-{c}" for n, c in CROSS])
def test_opset17_matches_opset23(name, cfg):
    for batch, seq in SHAPES:
        feeds, y17 = _run(name, 17, batch, seq, **cfg)
        _, y23 = _run(name, 23, batch, seq, **cfg)
        np.testing.assert_allclose(y17, y23, rtol=RTOL, atol=ATOL)
        # the decomposed form is also stable under ORT's own fusions
        y17opt = reference_outputs(_model_bytes(name, 17, tuple(sorted(cfg.items()))), feeds,
                                   optimize=True)[OUTPUT[name]]
        np.testing.assert_allclose(y17, y17opt, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("name", ["gpt2", "bert"])
def test_fused_layernorm_flag_and_opset18(name):
    _, ref = _run(name, 17, 2, 5)
    m = _model(name, 17, fused_layernorm=True)
    onnx.checker.check_model(m, full_check=True)
    hist = op_histogram(m)
    assert hist["LayerNormalization"] == 2 * make_config(name).layers + 1
    assert "ReduceMean" not in hist and "Gelu" not in hist and "Attention" not in hist
    _, y = _run(name, 17, 2, 5, fused_layernorm=True)
    np.testing.assert_allclose(y, ref, rtol=RTOL, atol=ATOL)
    _, y18 = _run(name, 18, 2, 5)
    np.testing.assert_allclose(y18, ref, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("opset", [19, 20, 21, 22])
@pytest.mark.parametrize("name", NAMES)
def test_intermediate_opsets_decomposed(name, opset):
    """Opsets 18..22 give the decomposed form (ReduceMean axes as input)."""
    m = _model(name, opset)
    onnx.checker.check_model(m, full_check=True)
    assert not FUSED_OPS & set(op_histogram(m))
    _, ref = _run(name, 23, 2, 5)
    _, y = _run(name, opset, 2, 5)
    np.testing.assert_allclose(y, ref, rtol=RTOL, atol=ATOL)


# --------------------------------------------------- semantic properties
@pytest.mark.parametrize("opset", OPSETS)
@pytest.mark.parametrize("name", ["gpt2", "llama"])
def test_decoder_is_causal(name, opset):
    feeds = example_inputs(name, 1, 8, seed=3)
    m = _model_bytes(name, opset)
    y = reference_outputs(m, feeds)["logits"]
    feeds2 = {"input_ids": feeds["input_ids"].copy()}
    feeds2["input_ids"][0, 5:] = (feeds2["input_ids"][0, 5:] + 7) % make_config(name).vocab
    y2 = reference_outputs(m, feeds2)["logits"]
    np.testing.assert_allclose(y[:, :5], y2[:, :5], rtol=1e-5, atol=1e-5)
    assert not np.allclose(y[:, 5:], y2[:, 5:], atol=1e-3)


@pytest.mark.parametrize("opset", OPSETS)
def test_bert_padding_is_masked(opset):
    feeds = example_inputs("bert", 2, 8, seed=0)
    feeds["attention_mask"][1] = [1, 1, 1, 1, 1, 0, 0, 0]
    m = _model_bytes("bert", opset)
    y = reference_outputs(m, feeds)["last_hidden_state"]
    feeds2 = {k: v.copy() for k, v in feeds.items()}
    feeds2["input_ids"][1, 5:] = (feeds2["input_ids"][1, 5:] + 11) % make_config("bert").vocab
    y2 = reference_outputs(m, feeds2)["last_hidden_state"]
    np.testing.assert_allclose(y[:, :5], y2[:, :5], rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(y[0], y2[0])
    # The unpadded row does not depend on the batch it is in.
    single = reference_outputs(m, {k: v[:1] for k, v in feeds.items()})["last_hidden_state"]
    np.testing.assert_allclose(single[0], y[0], rtol=1e-5, atol=1e-5)


# ----------------------------------------------------------- determinism
@pytest.mark.parametrize("name", NAMES)
def test_build_is_deterministic(name):
    for opset in OPSETS:
        a = build(name, opset).SerializeToString()
        b = build(name, opset).SerializeToString()
        assert a == b
        assert a == _model_bytes(name, opset)
        c = build(name, opset, seed=1).SerializeToString()
        assert c != a and len(c) == len(a)
    # Same weights in both forms: every initializer the two forms share is identical.
    i17 = {t.name: t.SerializeToString() for t in _model(name, 17).graph.initializer}
    i23 = {t.name: t.SerializeToString() for t in _model(name, 23).graph.initializer}
    shared = set(i17) & set(i23)
    trainable = {n for n in i17 if n.endswith((".weight", ".bias")) and not n.endswith("attn.bias")}
    assert trainable <= shared
    assert all(i17[n] == i23[n] for n in shared)


def test_example_inputs_deterministic():
    for name in NAMES:
        a = example_inputs(name, 2, 5, seed=4)
        b = example_inputs(name, 2, 5, seed=4)
        assert a.keys() == b.keys()
        for k in a:
            assert a[k].dtype == np.int64 and a[k].shape == (2, 5)
            np.testing.assert_array_equal(a[k], b[k])
    m = example_inputs("bert", 3, 6, seed=1)["attention_mask"]
    assert m[0].all() and m[:, 0].all()
    with pytest.raises(ValueError):
        example_inputs("gpt2", 1, make_config("gpt2").max_pos + 1)


# ---------------------------------------------------------- saving / CLI
@pytest.mark.parametrize("name", NAMES)
def test_external_data_loadable(name, tmp_path):
    m = build(name, 23)
    inline = tmp_path / "inline.onnx"
    path = tmp_path / f"{name}.onnx"
    save(m, inline)
    files = save(m, path, external_data=True)
    data = tmp_path / f"{name}.onnx.data"
    assert files == [path, data] and data.exists()
    assert path.stat().st_size < inline.stat().st_size // 4
    # re-saving must not append to the old data file
    size = data.stat().st_size
    save(m, path, external_data=True)
    assert data.stat().st_size == size
    proto = onnx.load(str(path), load_external_data=False)
    ext = [t.name for t in proto.graph.initializer
           if t.data_location == onnx.TensorProto.EXTERNAL]
    assert ext and all(
        {e.key: e.value for e in t.external_data}["location"] == data.name
        for t in proto.graph.initializer if t.data_location == onnx.TensorProto.EXTERNAL
    )
    onnx.checker.check_model(str(path), full_check=True)
    loaded = onnx.load(str(path))
    assert [n.SerializeToString() for n in loaded.graph.node] == [
        n.SerializeToString() for n in m.graph.node
    ]
    want = {t.name: onnx.numpy_helper.to_array(t) for t in m.graph.initializer}
    got = {t.name: onnx.numpy_helper.to_array(t) for t in loaded.graph.initializer}
    assert want.keys() == got.keys()
    for k in want:
        np.testing.assert_array_equal(got[k], want[k])
    feeds = example_inputs(name, 2, 5, seed=0)
    np.testing.assert_array_equal(
        reference_outputs(path, feeds)[OUTPUT[name]], reference_outputs(inline, feeds)[OUTPUT[name]]
    )


def test_cli(tmp_path):
    env_cmd = [sys.executable, "-m", "wafer.models", "--out", str(tmp_path),
               "--names", "gpt2", "llama", "--opset", "17", "23", "--external-data"]
    r = subprocess.run(env_cmd, capture_output=True, text=True, timeout=60,
                       env={"PYTHONPATH": str(PY_DIR), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 4
    for line, (name, opset) in zip(lines, [("gpt2", 17), ("gpt2", 23), ("llama", 17), ("llama", 23)]):
        p = tmp_path / f"{name}-opset{opset}.onnx"
        assert line.startswith(str(p))
        assert f"{len(_model(name, opset).graph.node)} nodes" in line
        assert (tmp_path / f"{p.name}.data").exists()
    # default: every builder at both opsets, weights inline
    from wafer.models.__main__ import main

    out = tmp_path / "all"
    assert main(["--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{n}-opset{o}.onnx" for n in NAMES for o in OPSETS
    )
    assert onnx.load(str(out / "bert-opset17.onnx")).SerializeToString() == _model_bytes("bert", 17)
