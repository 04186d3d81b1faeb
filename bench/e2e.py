#!/usr/bin/env python3
"""End-to-end latency: onnxruntime against ``wafer-run --mode=fast``.

For each model it builds (or finds) the ONNX file, compiles it with waferc
to a ``.wfb``, runs onnxruntime (CPU execution provider, all graph
optimizations, ``intra_op_num_threads`` = ``--threads``, one inter-op
thread, sequential execution) and wafer-run on the same inputs at the same
thread count in the same run, checks wafer-run's outputs against
onnxruntime's (``--rtol``, relative to each output's largest magnitude),
and prints both medians and their ratio (onnxruntime / Wafer: above 1.0
means Wafer is faster). The engines take turns in ``--rounds`` interleaved
rounds (the load of a shared machine moves within seconds); the ratio is the
median of the rounds' ratios, printed with each round's and its load. The machine's fp32 FMA peak and DRAM read
bandwidth are measured in the same run (``wafer-bench-kernels``) and
printed above the table, so that the figures can be read against them.

    python3 bench/e2e.py                       # every model, 10 runs each
    python3 bench/e2e.py --models minilm gpt2-s128 --runs 20
    python3 bench/e2e.py --quick               # small shapes: a smoke test
    python3 bench/e2e.py --markdown table.md --json e2e.json
    python3 bench/e2e.py --onnx model.onnx --dim batch=1 --dim seq=64   # any model
    python3 bench/e2e.py decode                # token generation (bench/e2e_decode.py)

The models are the real MiniLM (batch 1, seq 128), a GPT-2-small-shaped
decoder (12 layers, d 768, 12 heads; seq 128 and 512), a BERT-base-shaped
encoder (seq 128) and a Llama-style decoder (d 2048, 8 layers, 32/8
grouped-query heads, seq 128), all but MiniLM with random weights from the
builders in python/wafer/models. Models and binaries are cached in
``--work`` (default ``out/e2e``); nothing is downloaded. With ``--onnx``,
any model runs instead: its symbolic dims bound by ``--dim``, its integer
inputs filled with 0 and 1 (a valid index and mask value for any model) and
its float inputs with normal samples.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))

from wafer.models import build, example_inputs, save  # noqa: E402
from wafer.real_model import real_model_path  # noqa: E402
from wafer.testing.wafer_run import max_errors, npy_name  # noqa: E402

from machine_info import cpu_model  # noqa: E402


@dataclass
class Model:
    """A benchmark model: how to get its ONNX file and its inputs."""

    name: str
    description: str
    builder: str | None  # wafer.models builder, or None for MiniLM
    config: dict = field(default_factory=dict)
    batch: int = 1
    seq: int = 128
    # waferc --dim bindings beyond batch/seq names.
    dims: dict = field(default_factory=dict)
    # More waferc options (the full-size builder models need more SRAM per PE
    # than wse3's 40 KiB to map at all; the mapping does not change what
    # wafer-run runs).
    waferc_args: list = field(default_factory=list)
    path: Path | None = None  # a given ONNX file (--onnx)


def models(quick: bool) -> list[Model]:
    if quick:
        return [
            Model("minilm", "MiniLM-L3 (real), batch 1, seq 32", None, seq=32,
                  dims={"batch_size": 1, "sequence_length": 32}),
            Model("gpt2-s32", "GPT-2-shaped, 2 layers, d 256, seq 32", "gpt2",
                  dict(layers=2, hidden=256, heads=4, ffn=1024, vocab=1024, max_pos=64), seq=32),
            Model("bert-s32", "BERT-shaped, 2 layers, d 256, seq 32", "bert",
                  dict(layers=2, hidden=256, heads=4, ffn=1024, vocab=1024, max_pos=64), seq=32),
            Model("llama-s32", "Llama-style, 2 layers, d 256, 8/2 heads, seq 32", "llama",
                  dict(layers=2, hidden=256, heads=8, kv_heads=2, ffn=704, vocab=1024,
                       max_pos=64), seq=32),
        ]
    gpt2 = dict(layers=12, hidden=768, heads=12, ffn=3072, vocab=50257, max_pos=1024)
    big = ["--sram-kb", "1024"]
    return [
        Model("minilm", "MiniLM-L3 (real), batch 1, seq 128", None, seq=128,
              dims={"batch_size": 1, "sequence_length": 128}),
        Model("gpt2-s128", "GPT-2-small-shaped, 12 layers, d 768, seq 128", "gpt2", gpt2, seq=128,
              waferc_args=big),
        Model("gpt2-s512", "GPT-2-small-shaped, 12 layers, d 768, seq 512", "gpt2", gpt2, seq=512,
              waferc_args=big),
        Model("bert-s128", "BERT-base-shaped, 12 layers, d 768, seq 128", "bert",
              dict(layers=12, hidden=768, heads=12, ffn=3072, vocab=30522, max_pos=512), seq=128,
              waferc_args=big),
        Model("llama-s128", "Llama-style, 8 layers, d 2048, 32/8 heads, seq 128", "llama",
              dict(layers=8, hidden=2048, heads=32, kv_heads=8, ffn=8192, vocab=32000,
                   max_pos=2048), seq=128, waferc_args=big),
    ]


def log(msg: str) -> None:
    print(f"e2e: {msg}", file=sys.stderr, flush=True)


def onnx_file(m: Model, work: Path, opset: int) -> Path:
    if m.path is not None:
        return m.path
    if m.builder is None:
        return real_model_path()
    path = work / f"{m.name}-opset{opset}.onnx"
    if not path.exists():
        log(f"building {path.name}")
        # Large models go over protobuf's 2 GiB: weights beside the model.
        save(build(m.builder, opset, **m.config), path, external_data=True)
    return path


def model_inputs(m: Model, path: Path) -> dict[str, np.ndarray]:
    if m.builder is not None:
        return example_inputs(m.builder, m.batch, m.seq, seed=0, **m.config)
    import onnx

    graph = onnx.load(str(path), load_external_data=False).graph
    rng = np.random.default_rng(0)
    feeds = {}
    if m.path is not None:
        return generic_inputs(graph, m.dims, rng)
    for i in graph.input:
        if i.name == "input_ids":
            feeds[i.name] = rng.integers(0, 1000, size=(m.batch, m.seq), dtype=np.int64)
        elif i.name == "attention_mask":
            feeds[i.name] = np.ones((m.batch, m.seq), dtype=np.int64)
        elif i.name == "token_type_ids":
            feeds[i.name] = np.zeros((m.batch, m.seq), dtype=np.int64)
        else:
            raise SystemExit(f"e2e: {path}: no input recipe for {i.name!r}")
    return feeds


def generic_inputs(graph, dims: dict, rng) -> dict[str, np.ndarray]:
    import onnx

    initializers = {t.name for t in graph.initializer}
    feeds = {}
    for i in graph.input:
        if i.name in initializers:
            continue
        t = i.type.tensor_type
        shape = []
        for d in t.shape.dim:
            if d.HasField("dim_value"):
                shape.append(d.dim_value)
            elif d.dim_param in dims:
                shape.append(int(dims[d.dim_param]))
            else:
                raise SystemExit(f"e2e: input {i.name!r}: bind dim {d.dim_param!r} with --dim")
        dtype = onnx.helper.tensor_dtype_to_np_dtype(t.elem_type)
        if np.issubdtype(dtype, np.integer) or dtype == np.bool_:
            feeds[i.name] = rng.integers(0, 2, size=shape).astype(dtype)
        else:
            feeds[i.name] = rng.standard_normal(shape).astype(dtype)
    return feeds


def waferc_dims(m: Model) -> list[str]:
    dims = m.dims if (m.dims or m.path is not None) else {"batch": m.batch, "seq": m.seq}
    out = []
    for k, v in dims.items():
        out += ["--dim", f"{k}={v}"]
    return out


def compile_wfb(bin_dir: Path, m: Model, onnx_path: Path, work: Path) -> Path:
    # The bindings are in the name: --quick and the full set share model names.
    wfb = work / (m.name + "".join(f"-{a.split('=')[0]}{a.split('=')[1]}"
                                   for a in waferc_dims(m)[1::2]) + ".wfb")
    if wfb.exists() and wfb.stat().st_mtime > max(onnx_path.stat().st_mtime,
                                                   (bin_dir / "waferc").stat().st_mtime):
        return wfb
    cmd = [str(bin_dir / "waferc"), str(onnx_path), *waferc_dims(m), *m.waferc_args,
           "-o", str(wfb)]
    log(" ".join(cmd))
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    log(f"compiled {wfb.name} in {time.perf_counter() - start:.1f} s")
    return wfb


def ort_session(path: Path, threads: int):
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.log_severity_level = 3
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def time_ort(sess, feeds: dict[str, np.ndarray], runs: int, warmup: int) -> tuple[list[float], dict]:
    names = {i.name for i in sess.get_inputs()}
    feeds = {k: v for k, v in feeds.items() if k in names}
    outs = None
    for _ in range(warmup):
        outs = sess.run(None, feeds)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        outs = sess.run(None, feeds)
        times.append((time.perf_counter() - start) * 1e3)
    return times, {o.name: v for o, v in zip(sess.get_outputs(), outs)}


def time_wafer(bin_dir: Path, wfb: Path, feeds: dict[str, np.ndarray], ref: dict[str, np.ndarray],
               threads: int, runs: int, warmup: int, rtol: float, weights: str,
               tmp: Path) -> dict:
    inputs, check = tmp / "inputs", tmp / "expected"
    inputs.mkdir(exist_ok=True)
    check.mkdir(exist_ok=True)
    args = []
    for k, v in feeds.items():
        np.save(inputs / f"{k}.npy", v)
        args += ["--input", f"{k}={inputs / (k + '.npy')}"]
    for k, v in ref.items():
        np.save(check / npy_name(k), v)
    timing = tmp / "timing.json"
    cmd = [str(bin_dir / "wafer-run"), str(wfb), "--mode=fast", *args,
           "--threads", str(threads), "--repeat", str(runs), "--warmup", str(warmup),
           "--timing-json", str(timing),
           "--output-dir", str(tmp / "outputs"), "--check", str(check), "--rtol", str(rtol)]
    if weights != "f32":
        cmd += ["--weights", weights]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    result = json.loads(timing.read_text()) if timing.exists() else {}
    result["check_passed"] = proc.returncode == 0
    result["log"] = proc.stdout + proc.stderr
    if proc.returncode != 0:
        log(f"wafer-run exited {proc.returncode}:\n{result['log']}")
    # The error figures as the reference saw them, independent of wafer-run's own check.
    errs = {}
    for k, v in ref.items():
        got = tmp / "outputs" / npy_name(k)
        if got.exists():
            errs[k] = max_errors(np.load(got), v)[1]
    result["max_rel_error"] = max(errs.values()) if errs else None
    return result


def machine_limits(bin_dir: Path) -> dict:
    """fp32 FMA peak per dispatch path and DRAM read bandwidth, this run."""
    binary = bin_dir / "wafer-bench-kernels"
    if not binary.exists():
        return {}
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run([str(binary), "--benchmark_filter=BM_PeakFMA_f32|BM_StreamRead",
                        "--benchmark_min_time=0.2", f"--benchmark_out={f.name}",
                        "--benchmark_out_format=json"], check=True, capture_output=True)
        data = json.load(open(f.name))
    out = {}
    for b in data["benchmarks"]:
        name = b["name"]
        if b.get("error_occurred"):
            continue  # a path this CPU cannot run
        if name.startswith("BM_PeakFMA_f32/"):
            out[f"fp32 peak {name.split('/')[1]} GFLOP/s"] = b["GFLOPS"]
        elif name.startswith("BM_StreamRead"):
            key = "DRAM read GB/s"
            out[key] = max(out.get(key, 0.0), b["GBps"])
    return out


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["decode"]:
        # Token generation with the KV cache: bench/e2e_decode.py.
        from e2e_decode import main as decode_main
        return decode_main(argv[1:], machine_limits=machine_limits)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin-dir", type=Path, default=ROOT / "build" / "bin")
    ap.add_argument("--work", type=Path, default=ROOT / "out" / "e2e")
    ap.add_argument("--models", nargs="+", help="names to run (default: all)")
    ap.add_argument("--quick", action="store_true", help="small shapes, a smoke test")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--runs", type=int, default=10, help="timed runs per engine (at least 10)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3,
                    help="interleaved rounds of both engines (the runs are split among them)")
    ap.add_argument("--opset", type=int, default=17, choices=(17, 23),
                    help="form of the builder models (17: decomposed, as exporters write)")
    ap.add_argument("--rtol", type=float, default=1e-4)
    ap.add_argument("--weights", choices=("f32", "bf16"), default="f32")
    ap.add_argument("--onnx", type=Path, help="run this model instead of the built-in set")
    ap.add_argument("--dim", action="append", default=[], metavar="NAME=SIZE",
                    help="with --onnx: a symbolic dim's size (repeatable)")
    ap.add_argument("--json", type=Path, help="write the results as JSON")
    ap.add_argument("--markdown", type=Path, help="write the table as Markdown")
    args = ap.parse_args(argv)
    if args.runs < 1 or args.threads < 1 or args.warmup < 0 or args.rounds < 1:
        ap.error("--runs and --threads must be positive, --warmup non-negative")
    for tool in ("waferc", "wafer-run"):
        if not (args.bin_dir / tool).exists():
            ap.error(f"{args.bin_dir / tool} does not exist; build first (scripts/setup.sh)")

    chosen = models(args.quick)
    if args.onnx:
        if not args.onnx.exists():
            ap.error(f"{args.onnx} does not exist")
        dims = {}
        for d in args.dim:
            name, _, size = d.partition("=")
            if not name or not size.isdigit() or int(size) < 1:
                ap.error(f"--dim {d!r}: expected NAME=SIZE with a positive SIZE")
            dims[name] = int(size)
        chosen = [Model(args.onnx.stem, f"{args.onnx.name} ({', '.join(args.dim) or 'static'})",
                        None, dims=dims, path=args.onnx.resolve())]
    elif args.dim:
        ap.error("--dim goes with --onnx")
    if args.models:
        known = {m.name for m in chosen}
        unknown = sorted(set(args.models) - known)
        if unknown:
            ap.error(f"unknown models {unknown}; known: {sorted(known)}")
        chosen = [m for m in chosen if m.name in args.models]
    args.work.mkdir(parents=True, exist_ok=True)

    log("measuring the machine's peak and bandwidth")
    limits = machine_limits(args.bin_dir)
    rows = []
    for m in chosen:
        path = onnx_file(m, args.work, args.opset)
        wfb = compile_wfb(args.bin_dir, m, path, args.work)
        feeds = model_inputs(m, path)
        # Interleaved rounds: on a shared machine the load moves within
        # seconds, so each round times both engines back to back and the
        # ratio is the median of the rounds' ratios.
        sess = ort_session(path, args.threads)
        per_round = max(1, -(-args.runs // args.rounds))
        ort_times, wafer_medians, ratios, loads, checks = [], [], [], [], []
        w = {}
        for r in range(args.rounds):
            loads.append(os.getloadavg()[0])
            log(f"{m.name}: round {r + 1}/{args.rounds}: onnxruntime")
            times, ref = time_ort(sess, feeds, per_round, args.warmup if r == 0 else 1)
            log(f"{m.name}: round {r + 1}/{args.rounds}: wafer-run")
            with tempfile.TemporaryDirectory() as tmp:
                # A fresh process each round: as many warm-up runs as the
                # onnxruntime session had before its first round.
                w = time_wafer(args.bin_dir, wfb, feeds, ref, args.threads, per_round,
                               args.warmup, args.rtol, args.weights, Path(tmp))
            ort_times += times
            if w.get("median_ms"):
                wafer_medians.append(w["median_ms"])
                ratios.append(statistics.median(times) / w["median_ms"])
            checks.append(w["check_passed"])
        del sess
        ort_ms = statistics.median(ort_times)
        wafer_ms = statistics.median(wafer_medians) if wafer_medians else None
        rows.append({
            "model": m.name, "description": m.description,
            "onnxruntime_median_ms": ort_ms, "onnxruntime_min_ms": min(ort_times),
            "wafer_median_ms": wafer_ms,
            "ratio": statistics.median(ratios) if ratios else None,
            "round_ratios": ratios, "load_1min": loads,
            "max_rel_error": w["max_rel_error"], "check_passed": all(checks),
        })

    def f(x, d=2):
        return "-" if x is None else f"{x:.{d}f}"

    lines = [
        f"machine: {cpu_model()}, {os.cpu_count()} cores, 1-minute load "
        f"{os.getloadavg()[0]:.2f} at the end; "
        f"threads {args.threads}; weights {args.weights}; {args.runs} timed runs after "
        f"{args.warmup} warm-up, in {args.rounds} interleaved rounds (load: the 1-minute "
        f"load average at each round's start)",
        "peaks this run: " + ", ".join(f"{k} {v:.1f}" for k, v in limits.items()),
        "",
        "| model | onnxruntime ms | wafer-run ms | ratio (ort / wafer) | rounds' ratios | load | max rel error | check |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['description']} | {f(r['onnxruntime_median_ms'])} | "
                     f"{f(r['wafer_median_ms'])} | {f(r['ratio'])} | "
                     f"{' '.join(f(x) for x in r['round_ratios'])} | "
                     f"{' '.join(f(x, 1) for x in r['load_1min'])} | "
                     f"{'-' if r['max_rel_error'] is None else format(r['max_rel_error'], '.1e')} | "
                     f"{'pass' if r['check_passed'] else 'FAIL'} |")
    print("\n".join(lines))
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n")
    if args.json:
        args.json.write_text(json.dumps({"limits": limits, "threads": args.threads,
                                         "weights": args.weights, "runs": args.runs,
                                         "models": rows}, indent=2) + "\n")
    return 0 if all(r["check_passed"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
