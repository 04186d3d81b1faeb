"""Every builder model and the real model tile, place and route onto small
and full wafers; the Llama-3.1-8B-shaped decode step does so on wse3
without touching its 16 GB of (sparse, never written) weights."""

import json
import re
import resource

import pytest

from wafer import models
from wafer.models.shaped import ShapedLlamaConfig, build_shaped_llama
from wafer.real_model import DIMS as REAL_DIMS, real_model_path

TARGETS = [("--mesh", "64x64"), ("--target", "wse2"), ("--target", "wse3")]


@pytest.fixture(scope="module")
def model_dir(builder_models):
    return builder_models


def tile(tools, model, dims, *options, tmp_path):
    report = tmp_path / "report.json"
    ir = tools.run("waferc", model, *dims, "--emit=routed", "--report-json",
                   report, *options).stdout.decode()
    # The routed IR verifies again when parsed: routes physical, regions
    # disjoint per slot, SRAM within budget.
    tools.run("wafer-opt", "-", "-o", "/dev/null", input=ir.encode())
    return ir, json.loads(report.read_text())


def check_report(r, mesh_pes):
    t = r["totals"]
    assert t["placed"] and t["routed"]
    assert 0 < t["colors_used"] <= t["colors_usable"] or t["stream_hops_total"] == 0
    assert 0 < t["pes_used"] <= mesh_pes
    assert 0 < t["sram_used_bytes"] <= t["sram_total_bytes"]
    assert t["tokens_per_second"] > 0
    assert t["pipelined_tokens_per_second"] >= t["tokens_per_second"] * 0.999
    for k in r["kernels"]:
        w, h = k["region"]
        assert 1 <= w <= r["mesh"][0] and 1 <= h <= r["mesh"][1]
    # The latency is the sum of kernels on the critical path plus streams:
    # never less than the slowest kernel.
    assert t["latency_cycles"] >= max(k["cycles"] for k in r["kernels"])


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t[1])
@pytest.mark.parametrize("name", sorted(models.BUILDERS))
@pytest.mark.parametrize("opset", [17, 23])
def test_builder_models_tile(tools, model_dir, tmp_path, name, opset, target):
    ir, r = tile(tools, model_dir / f"{name}-opset{opset}.onnx",
                 ["--dim", "batch=1", "--dim", "seq=8"], *target,
                 tmp_path=tmp_path)
    # Every graph op now lives in a kernel body (indented one level deeper
    # than the function's own ops).
    outside = [l for l in ir.splitlines() if re.match(r"^    %\S+ = graph\.", l)]
    assert not outside, outside
    check_report(r, r["mesh"][0] * r["mesh"][1])
    schemes = {k["scheme"] for k in r["kernels"]}
    assert {"gather", "mesh_gemm", "attention", "row_reduce"} <= schemes


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t[1])
def test_real_model_tiles(tools, tmp_path, target):
    dims = [a for k, v in REAL_DIMS.items() for a in ("--dim", f"{k}={v}")]
    _, r = tile(tools, real_model_path(), dims, *target, tmp_path=tmp_path)
    check_report(r, r["mesh"][0] * r["mesh"][1])
    assert sum(k["scheme"] == "attention" for k in r["kernels"]) == 3


def test_decode_uses_gemv(tools, model_dir, tmp_path):
    _, r = tile(tools, model_dir / "llama-opset23.onnx",
                ["--dim", "batch=1", "--dim", "seq=1"], "--mesh", "64x64",
                tmp_path=tmp_path)
    schemes = [k["scheme"] for k in r["kernels"]]
    assert "mesh_gemv" in schemes and "mesh_gemm" not in schemes


def test_tiling_is_deterministic(tools, model_dir, tmp_path):
    args = (model_dir / "gpt2-opset17.onnx", "--dim", "batch=1", "--dim",
            "seq=8", "--emit=routed", "--mesh", "32x32", "--keep-weights")
    assert tools.run("waferc", *args).stdout == tools.run("waferc", *args).stdout


@pytest.fixture(scope="module")
def shaped_8b(tmp_path_factory):
    path = build_shaped_llama(tmp_path_factory.mktemp("8b") / "llama-3.1-8b-decode.onnx")
    return path


@pytest.mark.parametrize("strategy", ["pipeline", "shared"])
def test_llama_8b_shape_on_wse3(tools, shaped_8b, tmp_path, strategy):
    data = shaped_8b.parent / (shaped_8b.name + ".data")
    assert data.stat().st_size > 16e9  # 8.03 B fp16 parameters
    blocks_before = data.stat().st_blocks
    report = tmp_path / "report.json"
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = tools.run("waferc", shaped_8b, "--dim", "batch=1", "--dim", "past=4095",
                    "--target", "wse3", "--strategy", strategy, "--emit=routed",
                    "--report", "--report-json", report, "-o", "/dev/null").stdout.decode()
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # Reading the weights would page in gigabytes; the whole compile stays
    # far below one gigabyte, and nothing was written to the sparse file.
    assert max(peak_kib, usage_before) < 1024 * 1024, peak_kib
    assert data.stat().st_blocks == blocks_before
    r = json.loads(report.read_text())
    assert r["strategy"] == strategy and r["target"] == "wse3"
    check_report(r, 762 * 1172)
    assert len([k for k in r["kernels"] if k["scheme"] == "attention"]) == 32
    print(f"\n{strategy}: {r['totals']['tokens_per_second']:.0f} tokens/s single "
          f"stream, {r['totals']['pipelined_tokens_per_second']:.0f} pipelined")
    assert "single-stream tokens/s" in out
