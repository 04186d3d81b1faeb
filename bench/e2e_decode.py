"""Decode speed: ``wafer-run --generate`` against onnxruntime's greedy loop.

``python3 bench/e2e.py decode`` builds each decode model (the builders'
``gpt2-decode`` / ``llama-decode``, random weights), compiles it with
``waferc --max-seq`` and generates ``--new-tokens`` tokens after a random
``--prompt``-token prompt with both engines at the same thread count, in
``--rounds`` interleaved rounds:

* Wafer: ``wafer-run --generate`` (fast mode), the KV cache kept in place;
* onnxruntime: ``wafer.models.decode.greedy_generate`` (CPU execution
  provider, all graph optimizations, ``intra_op_num_threads`` = threads),
  past and present bound through I/O binding, so the cache never crosses
  numpy between steps.

It prints, per model, both engines' decode speed (tokens per second over the
steps after the first token) and time to the first token, their ratio (Wafer
over onnxruntime: above 1.0 Wafer is faster), whether the tokens are equal,
and the fraction of the bandwidth roofline: the weight bytes a step streams
(the packed weights) over the DRAM read bandwidth measured in the same run.
``--weights bf16`` adds a Wafer run with bf16 weights beside the f32 one,
with how many of its tokens equal f32's.

    python3 bench/e2e.py decode                  # GPT-2-small and Llama-style shapes
    python3 bench/e2e.py decode --quick          # small shapes, a smoke test
    python3 bench/e2e.py decode --weights bf16 --markdown decode.md --json decode.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))

from wafer.models import build, save  # noqa: E402
from wafer.models.decode import greedy_generate  # noqa: E402

from machine_info import cpu_model  # noqa: E402


@dataclass
class DecodeModel:
    name: str
    description: str
    builder: str
    config: dict = field(default_factory=dict)
    waferc_args: list = field(default_factory=list)


def models(quick: bool) -> list[DecodeModel]:
    if quick:
        return [
            DecodeModel("gpt2-decode-small", "GPT-2-shaped decoder, 2 layers, d 256", "gpt2-decode",
                        dict(layers=2, hidden=256, heads=4, ffn=1024, vocab=1024, max_pos=512)),
            DecodeModel("llama-decode-small", "Llama-style decoder, 2 layers, d 256, 8/2 heads",
                        "llama-decode",
                        dict(layers=2, hidden=256, heads=8, kv_heads=2, ffn=704, vocab=1024,
                             max_pos=512)),
        ]
    big = ["--sram-kb", "1024"]
    return [
        DecodeModel("gpt2-decode", "GPT-2-small-shaped decoder, 12 layers, d 768", "gpt2-decode",
                    dict(layers=12, hidden=768, heads=12, ffn=3072, vocab=50257, max_pos=1024),
                    big),
        DecodeModel("llama-decode", "Llama-style decoder, 8 layers, d 2048, 32/8 heads",
                    "llama-decode",
                    dict(layers=8, hidden=2048, heads=32, kv_heads=8, ffn=8192, vocab=32000,
                         max_pos=2048),
                    # The pipeline mapping of its step does not fit wse3.
                    big + ["--strategy", "shared"]),
    ]


def log(msg: str) -> None:
    print(f"e2e decode: {msg}", file=sys.stderr, flush=True)


def wafer_generate(bin_dir: Path, wfb: Path, prompt: Path, new_tokens: int, threads: int,
                   weights: str, work: Path) -> tuple[np.ndarray, dict]:
    out = work / "out"
    timing = work / "timing.json"
    cmd = [str(bin_dir / "wafer-run"), str(wfb), "--generate", str(new_tokens),
           "--prompt", str(prompt), "--threads", str(threads), "--weights", weights,
           "--output-dir", str(out), "--timing-json", str(timing)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"wafer-run failed: {run.stderr.strip()}")
    return np.load(out / "tokens.npy"), json.loads(timing.read_text())


def main(argv=None, machine_limits=None) -> int:
    ap = argparse.ArgumentParser(prog="e2e.py decode", description=__doc__.splitlines()[0])
    ap.add_argument("--bin-dir", type=Path, default=ROOT / "build" / "bin")
    ap.add_argument("--work", type=Path, default=ROOT / "out" / "e2e-decode")
    ap.add_argument("--models", nargs="+", help="names to run (default: all)")
    ap.add_argument("--quick", action="store_true", help="small shapes, a smoke test")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--prompt", type=int, default=128, help="prompt tokens (default 128)")
    ap.add_argument("--new-tokens", type=int, default=128, help="generated tokens (default 128)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds of both engines")
    ap.add_argument("--opset", type=int, default=17, choices=(17, 23))
    ap.add_argument("--weights", choices=("f32", "bf16"), default="f32",
                    help="bf16: also run Wafer with bf16 weights, beside f32")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    if min(args.threads, args.prompt, args.new_tokens, args.rounds) < 1:
        ap.error("--threads, --prompt, --new-tokens and --rounds must be positive")
    chosen = models(args.quick)
    if args.models:
        unknown = sorted(set(args.models) - {m.name for m in chosen})
        if unknown:
            ap.error(f"unknown models {unknown}; known: {[m.name for m in chosen]}")
        chosen = [m for m in chosen if m.name in args.models]
    args.work.mkdir(parents=True, exist_ok=True)
    capacity = args.prompt + args.new_tokens

    log("measuring the machine's peak and bandwidth")
    limits = machine_limits(args.bin_dir) if machine_limits else {}
    bandwidth = limits.get("DRAM read GB/s")
    rows = []
    for m in chosen:
        path = args.work / f"{m.name}-opset{args.opset}.onnx"
        if not path.exists():
            log(f"building {path.name}")
            save(build(m.builder, args.opset, **m.config), path, external_data=True)
        wfb = args.work / f"{m.name}-opset{args.opset}-max{capacity}-p{args.prompt}.wfb"
        if not wfb.exists():
            log(f"compiling {wfb.name}")
            run = subprocess.run([str(args.bin_dir / "waferc"), str(path), "--dim", "batch=1",
                                  "--max-seq", str(capacity), "--prefill-lengths",
                                  str(args.prompt), "--pe=off", *m.waferc_args, "-o", str(wfb)],
                                 capture_output=True, text=True)
            if run.returncode:
                raise SystemExit(f"waferc failed on {path.name}: {run.stderr.strip()}")
        vocab = m.config.get("vocab", 256)
        prompt = np.random.default_rng(0).integers(0, vocab, size=(1, args.prompt), dtype=np.int64)
        prompt_file = args.work / f"prompt-{args.prompt}-{vocab}.npy"
        np.save(prompt_file, prompt)
        ort_tps, ort_ttft, w_tps, w_ttft, ratios, loads = [], [], [], [], [], []
        bf16_tps, equal, bf16_equal, w_timing = [], True, None, {}
        for r in range(args.rounds):
            loads.append(os.getloadavg()[0])
            log(f"{m.name}: round {r + 1}/{args.rounds}: onnxruntime")
            timing = {}
            ref = greedy_generate(path, prompt, args.new_tokens, threads=args.threads,
                                  optimize=True, timing=timing)
            ort_tps.append((args.new_tokens - 1) / timing["steps_s"])
            ort_ttft.append(timing["first_token_s"] * 1e3)
            log(f"{m.name}: round {r + 1}/{args.rounds}: wafer-run")
            with tempfile.TemporaryDirectory() as tmp:
                tokens, w_timing = wafer_generate(args.bin_dir, wfb, prompt_file, args.new_tokens,
                                                  args.threads, "f32", Path(tmp))
            equal &= bool(np.array_equal(tokens, ref))
            w_tps.append(w_timing["tokens_per_s"])
            w_ttft.append(w_timing["first_token_ms"])
            ratios.append(w_tps[-1] / ort_tps[-1])
            if args.weights == "bf16":
                log(f"{m.name}: round {r + 1}/{args.rounds}: wafer-run --weights bf16")
                with tempfile.TemporaryDirectory() as tmp:
                    t16, b_timing = wafer_generate(args.bin_dir, wfb, prompt_file,
                                                   args.new_tokens, args.threads, "bf16", Path(tmp))
                bf16_tps.append(b_timing["tokens_per_s"])
                bf16_equal = int((t16 == tokens).sum())
        weight_bytes = w_timing.get("packed_weight_bytes", 0)
        roofline = bandwidth * 1e9 / weight_bytes if bandwidth and weight_bytes else None
        wafer_tps = statistics.median(w_tps)
        rows.append({
            "model": m.name, "description": m.description,
            "onnxruntime_tokens_per_s": statistics.median(ort_tps),
            "onnxruntime_first_token_ms": statistics.median(ort_ttft),
            "wafer_tokens_per_s": wafer_tps,
            "wafer_first_token_ms": statistics.median(w_ttft),
            "ratio": statistics.median(ratios), "round_ratios": ratios, "load_1min": loads,
            "tokens_equal": equal, "weight_bytes": weight_bytes,
            "roofline_tokens_per_s": roofline,
            "roofline_fraction": wafer_tps / roofline if roofline else None,
            "modeled_wafer_tokens_per_s": w_timing.get("modeled_tokens_per_s"),
            "bf16_tokens_per_s": statistics.median(bf16_tps) if bf16_tps else None,
            "bf16_tokens_equal_f32": bf16_equal,
        })

    def f(x, d=1):
        return "-" if x is None else f"{x:.{d}f}"

    lines = [
        f"machine: {cpu_model()}, {os.cpu_count()} cores; threads {args.threads}; prompt "
        f"{args.prompt} tokens, {args.new_tokens} new (tokens/s over the "
        f"{args.new_tokens - 1} steps after the first token); {args.rounds} interleaved rounds",
        "peaks this run: " + ", ".join(f"{k} {v:.1f}" for k, v in limits.items()),
        "",
        "| model | onnxruntime tok/s | Wafer tok/s | ratio (Wafer / ort) | rounds' ratios | "
        "first token ms (ort / Wafer) | tokens equal | roofline tok/s | of roofline | "
        "bf16 tok/s (tokens = f32) | modeled wafer tok/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        bf16 = "-" if r["bf16_tokens_per_s"] is None else (
            f"{f(r['bf16_tokens_per_s'])} ({r['bf16_tokens_equal_f32']}/{args.new_tokens})")
        lines.append(
            f"| {r['description']} | {f(r['onnxruntime_tokens_per_s'])} | "
            f"{f(r['wafer_tokens_per_s'])} | {f(r['ratio'], 2)} | "
            f"{' '.join(f(x, 2) for x in r['round_ratios'])} | "
            f"{f(r['onnxruntime_first_token_ms'])} / {f(r['wafer_first_token_ms'])} | "
            f"{'yes' if r['tokens_equal'] else 'NO'} | {f(r['roofline_tokens_per_s'])} | "
            f"{'-' if r['roofline_fraction'] is None else format(r['roofline_fraction'], '.0%')} | "
            f"{bf16} | {f(r['modeled_wafer_tokens_per_s'], 0)} |")
    print("\n".join(lines))
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n")
    if args.json:
        args.json.write_text(json.dumps({"limits": limits, "threads": args.threads,
                                         "prompt": args.prompt, "new_tokens": args.new_tokens,
                                         "models": rows}, indent=2) + "\n")
    return 0 if all(r["tokens_equal"] for r in rows) else 1
