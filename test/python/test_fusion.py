"""graph-fuse on whole models: each builder's decomposed (opset 17) spelling
fuses into exactly the fused ops its opset-23 twin has, nothing of the
decomposed chains is left over, and the real model's attention, layer norms
and GELUs fuse."""

import re
from collections import Counter

import pytest

from wafer import models
from wafer.real_model import DIMS as REAL_DIMS, real_model_path

BUILDER_DIMS = ["--dim", "batch=2", "--dim", "seq=8"]
# Ops only the decomposed chains use; after fusion none may remain.
DECOMPOSED_OPS = ("graph.softmax", "graph.erf", "graph.tanh",
                  "graph.reduce_mean", "graph.pow", "graph.sigmoid")
# Two configurations per model: the default (2 layers; Llama 4 query heads
# on 2 KV heads) and a deeper one with a different head grouping.
CONFIGS = {
    "default": {},
    "deeper": {"layers": 3},
}
LLAMA_DEEPER = {"layers": 3, "heads": 4, "kv_heads": 1}


def config_for(name, config):
    return LLAMA_DEEPER if (name, config) == ("llama", "deeper") else CONFIGS[config]


def fused_profile(ir: str) -> Counter:
    """How many fused ops of each kind, with what makes them differ: the
    activation of a linear, and an attention's causality, mask and heads."""
    profile = Counter()
    for line in ir.splitlines():
        m = re.search(r"= graph\.(\w+) ", line)
        if not m:
            continue
        op = m.group(1)
        if op in ("layer_norm", "rms_norm", "silu"):
            profile[op] += 1
        elif op == "gelu":
            tanh = "approximate(tanh)" in line
            profile["gelu_tanh" if tanh else "gelu"] += 1
        elif op == "linear":
            act = re.search(r"activation\((\w+)\)", line)
            profile[f"linear[{act.group(1) if act else 'none'}]"] += 1
        elif op == "attention":
            types = re.findall(r"tensor<(\d+)x(\d+)x(\d+)x(\d+)xf32>", line)
            q_heads, kv_heads = int(types[0][1]), int(types[1][1])
            masked = len(types) == 5  # q, k, v, mask -> result
            profile[f"attention[causal={'is_causal = true' in line}, "
                    f"mask={masked}, heads={q_heads}/{kv_heads}]"] += 1
    return profile


def waferc(tools, path, *args):
    return tools.run("waferc", path, "--emit=graph", *args).stdout.decode()


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("fusion-models")
    for name in models.BUILDERS:
        for config in CONFIGS:
            for opset in (17, 23):
                models.save(models.build(name, opset, **config_for(name, config)),
                            d / f"{name}-{config}-opset{opset}.onnx")
    return d


def expected_profile(name: str, layers: int, heads: int, kv_heads: int) -> Counter:
    """What fusion must find, counted from the builders' architecture."""
    if name == "gpt2":
        return Counter({
            f"attention[causal=True, mask=False, heads={heads}/{heads}]": layers,
            "layer_norm": 2 * layers + 1,
            # c_attn, attn.c_proj, mlp.c_proj; c_fc carries the tanh GELU.
            "linear[none]": 3 * layers,
            "linear[gelu_tanh]": layers,
        })
    if name == "bert":
        return Counter({
            f"attention[causal=False, mask=True, heads={heads}/{heads}]": layers,
            "layer_norm": 2 * layers + 1,
            # query, key, value, attention.output.dense, output.dense.
            "linear[none]": 5 * layers,
            "linear[gelu]": layers,
        })
    assert name == "llama"
    return Counter({
        f"attention[causal=True, mask=False, heads={heads}/{kv_heads}]": layers,
        "rms_norm": 2 * layers + 1,
        # Only the bias-free gate projection has an activation to absorb.
        "linear[silu]": layers,
    })


@pytest.mark.parametrize("config", sorted(CONFIGS))
@pytest.mark.parametrize("name", sorted(models.BUILDERS))
def test_opset17_fuses_like_opset23(tools, model_dir, name, config):
    cfg = models.make_config(name, **config_for(name, config))
    decomposed = waferc(tools, model_dir / f"{name}-{config}-opset17.onnx",
                        *BUILDER_DIMS)
    fused = waferc(tools, model_dir / f"{name}-{config}-opset23.onnx",
                   *BUILDER_DIMS)
    expected = expected_profile(name, cfg.layers, cfg.heads, cfg.n_kv_heads)
    assert fused_profile(decomposed) == expected
    assert fused_profile(fused) == expected
    for op in DECOMPOSED_OPS:
        assert f"= {op} " not in decomposed, f"{op} left after fusion"
    # The fused IR is valid and stable under wafer-opt.
    once = tools.run("wafer-opt", "-", input=decomposed.encode()).stdout
    assert tools.run("wafer-opt", "-", input=once).stdout == once


@pytest.mark.parametrize("name", sorted(models.BUILDERS))
def test_no_fuse_keeps_the_decomposed_import(tools, model_dir, name):
    """The fused ops above come from graph-fuse, not from the importer."""
    ir = waferc(tools, model_dir / f"{name}-default-opset17.onnx",
                *BUILDER_DIMS, "--no-fuse")
    assert fused_profile(ir) == Counter()
    assert "= graph.softmax " in ir and "= graph.reduce_mean " in ir


def test_fusing_again_changes_nothing(tools, model_dir):
    ir = waferc(tools, model_dir / "llama-default-opset17.onnx", *BUILDER_DIMS)
    again = tools.run("wafer-opt", "-", "--graph-fuse", input=ir.encode()).stdout
    plain = tools.run("wafer-opt", "-", input=ir.encode()).stdout
    assert again == plain


def test_real_model_fuses(tools):
    """paraphrase-MiniLM-L3-v2 (torch.onnx, opset 17): 3 BERT layers with
    the padding mask, exact GELU, LayerNormalization already fused."""
    dims = [a for k, v in REAL_DIMS.items() for a in ("--dim", f"{k}={v}")]
    ir = waferc(tools, real_model_path(), *dims)
    heads = 12
    assert fused_profile(ir) == Counter({
        f"attention[causal=False, mask=True, heads={heads}/{heads}]": 3,
        "layer_norm": 1 + 3 * 2,
        "linear[none]": 3 * 5,
        "linear[gelu]": 3,
    })
    for op in ("graph.softmax", "graph.erf", "graph.pow", "graph.tanh"):
        assert f"= {op} " not in ir, f"{op} left after fusion"
    # Mean pooling (ReduceSum / Max / Div) is not a pattern and stays.
    assert "= graph.reduce_sum " in ir
