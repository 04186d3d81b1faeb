#!/usr/bin/env python3
"""Run wafer-bench-kernels once and summarize it against the issue's targets.

Everything in the printed tables comes from a single invocation of the
benchmark binary, so every ratio (GEMM over measured FMA peak, GEMM over
OpenBLAS, bf16 over fp32, GEMV over measured read bandwidth, fused over naive
attention) compares numbers measured in the same run.

The machine may be shared: each benchmark runs --repetitions times with Google
Benchmark's random interleaving, and the best repetition of each is used for
every benchmark alike (the least disturbed sample).

Usage:
  scripts/bench_kernels.py --quick          # representative subset, minutes
  scripts/bench_kernels.py                  # every benchmark
  scripts/bench_kernels.py --binary build-kernels/bin/wafer-bench-kernels
Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

SQUARES = [64, 128, 256, 512, 1024, 2048, 4096]
TRANSFORMER_M = [1, 16, 128, 512]
TRANSFORMER_KN = [(768, 768), (768, 3072), (3072, 768), (4096, 4096), (4096, 14336)]
SEQS = [128, 256, 512, 1024, 2048, 4096]

QUICK_SQUARES = [256, 1024, 2048]
QUICK_M = [1, 16, 128, 512]
QUICK_KN = [(768, 3072), (4096, 14336)]
QUICK_SEQS = [512, 1024]


def gemm_shapes(quick):
    squares = QUICK_SQUARES if quick else SQUARES
    ms = QUICK_M if quick else TRANSFORMER_M
    kns = QUICK_KN if quick else TRANSFORMER_KN
    shapes = [(n, n, n) for n in squares]
    shapes += [(m, n, k) for m in ms for (k, n) in kns]
    return shapes


def build_filter(quick):
    shapes = gemm_shapes(quick)
    shape_alt = "|".join(f"{m}/{n}/{k}" for m, n, k in shapes)
    seqs = QUICK_SEQS if quick else SEQS
    seq_alt = "|".join(str(s) for s in seqs)
    parts = [
        "BM_PeakFMA_f32", "BM_PeakBF16", "BM_StreamRead",
        f"BM_Gemm_(f32|bf16|OpenBLAS_f32)/({shape_alt})/",
        f"BM_Attention(Naive)?_(Prefill|Decode)/({seq_alt})/",
    ]
    return "^(" + "|".join(parts) + ")"


def default_binary():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for build in ("build-kernels", "build"):
        path = os.path.join(root, build, "bin", "wafer-bench-kernels")
        if os.path.exists(path):
            return path
    return os.path.join(root, "build", "bin", "wafer-bench-kernels")


def run_benchmarks(binary, bench_filter, min_time, repetitions, json_out):
    cmd = [
        binary,
        f"--benchmark_filter={bench_filter}",
        f"--benchmark_min_time={min_time}",
        f"--benchmark_repetitions={repetitions}",
        "--benchmark_enable_random_interleaving=true",
        "--benchmark_format=json",
        f"--benchmark_out={json_out}",
        "--benchmark_out_format=json",
    ]
    print("running:", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(json_out) as f:
        return json.load(f)


def best_per_benchmark(report):
    """Best repetition of each benchmark: highest GFLOPS (or GBps), lowest time."""
    best = {}
    for b in report["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        name = b.get("run_name", b["name"]).replace("/real_time", "")
        cur = best.get(name)
        if cur is None:
            best[name] = dict(b)
            continue
        for key in ("GFLOPS", "GBps"):
            if key in b:
                cur[key] = max(cur.get(key, 0.0), b[key])
        cur["real_time"] = min(cur["real_time"], b["real_time"])
    return best


def fmt(x, digits=1):
    return "n/a" if x is None else f"{x:.{digits}f}"


def pct(x):
    return "n/a" if x is None else f"{100 * x:.0f}%"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def summarize(best, quick, context):
    get = lambda name, key: best.get(name, {}).get(key)
    peak = get("BM_PeakFMA_f32", "GFLOPS")
    peak_bf16 = get("BM_PeakBF16", "GFLOPS")
    stream = get("BM_StreamRead/1024", "GBps")
    out = []
    verdicts = []
    out.append(f"Machine: {context.get('num_cpus')} CPUs at "
               f"{context.get('mhz_per_cpu')} MHz; kernels and OpenBLAS on "
               f"{int(get('BM_PeakFMA_f32', 'threads') or 0)} threads.\n")
    out.append("| Measured limit | Value |")
    out.append("|---|---|")
    out.append(f"| BM_PeakFMA_f32 | {fmt(peak)} GFLOP/s |")
    out.append(f"| BM_PeakBF16 | {fmt(peak_bf16)} GFLOP/s |")
    out.append(f"| BM_StreamRead | {fmt(stream)} GB/s |")
    out.append("")

    out.append("| M | N | K | fp32 GFLOP/s | fp32 / peak | OpenBLAS GFLOP/s "
               "| fp32 / OpenBLAS | bf16 GFLOP/s | bf16 / fp32 |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    below_blas, below_peak, below_bf16 = [], [], []
    for m, n, k in gemm_shapes(quick):
        key = f"{m}/{n}/{k}"
        f32 = get(f"BM_Gemm_f32/{key}", "GFLOPS")
        blas = get(f"BM_Gemm_OpenBLAS_f32/{key}", "GFLOPS")
        bf16 = get(f"BM_Gemm_bf16/{key}", "GFLOPS")
        out.append(f"| {m} | {n} | {k} | {fmt(f32)} | {pct(ratio(f32, peak))} | "
                   f"{fmt(blas)} | {fmt(ratio(f32, blas), 2)} | {fmt(bf16)} | "
                   f"{fmt(ratio(bf16, f32), 2)} |")
        r = ratio(f32, blas)
        if r is not None and r < 1.0:
            below_blas.append(f"{key} ({r:.2f}x)")
        if m == n == k and m >= 1024:
            p = ratio(f32, peak)
            if p is not None and p < 0.85:
                below_peak.append(f"{key} ({100 * p:.0f}%)")
            q = ratio(bf16, f32)
            if q is not None and q < 1.7:
                below_bf16.append(f"{key} ({q:.2f}x)")
    out.append("")

    out.append("| GEMV (M = 1) N x K | fp32 GB/s | fp32 / StreamRead | bf16 GB/s "
               "| bf16 / StreamRead |")
    out.append("|---|---|---|---|---|")
    gemv_target = None
    for m, n, k in gemm_shapes(quick):
        if m != 1:
            continue
        key = f"1/{n}/{k}"
        f32 = get(f"BM_Gemm_f32/{key}", "GBps")
        bf16 = get(f"BM_Gemm_bf16/{key}", "GBps")
        out.append(f"| {n} x {k} | {fmt(f32)} | {pct(ratio(f32, stream))} | "
                   f"{fmt(bf16)} | {pct(ratio(bf16, stream))} |")
        if (n, k) == (14336, 4096):
            gemv_target = ratio(f32, stream)
    out.append("")

    out.append("| Attention (12 heads, d 64, causal) | seq | fused ms | naive ms "
               "| fused / naive speed | fused GFLOP/s |")
    out.append("|---|---|---|---|---|---|")
    attn_1024 = None
    for kind in ("Prefill", "Decode"):
        for s in (QUICK_SEQS if quick else SEQS):
            fused = get(f"BM_Attention_{kind}/{s}", "real_time")
            naive = get(f"BM_AttentionNaive_{kind}/{s}", "real_time")
            gf = get(f"BM_Attention_{kind}/{s}", "GFLOPS")
            sp = ratio(naive, fused)
            out.append(f"| {kind} | {s} | {fmt(fused, 3)} | {fmt(naive, 3)} | "
                       f"{fmt(sp, 2)}x | {fmt(gf)} |")
            if kind == "Prefill" and s == 1024:
                attn_1024 = sp
    out.append("")

    def verdict(ok, text):
        verdicts.append(f"- {'MET' if ok else 'NOT MET'}: {text}")

    verdict(not below_peak and peak is not None,
            "fp32 GEMM >= 85% of BM_PeakFMA_f32 at 1024^3 and above"
            + (f" (below: {', '.join(below_peak)})" if below_peak else ""))
    verdict(not below_blas,
            "fp32 GEMM >= OpenBLAS at every listed shape"
            + (f" (below: {', '.join(below_blas)})" if below_blas else ""))
    verdict(not below_bf16,
            "bf16 GEMM >= 1.7x fp32 at 1024^3 and above"
            + (f" (below: {', '.join(below_bf16)})" if below_bf16 else ""))
    verdict(gemv_target is not None and gemv_target >= 0.8,
            f"GEMV 4096x14336 >= 80% of BM_StreamRead (got {pct(gemv_target)})")
    verdict(attn_1024 is not None and attn_1024 >= 2.0,
            f"fused attention >= 2x naive at seq 1024 (got {fmt(attn_1024, 2)}x)")
    out.append("Targets:")
    out.extend(verdicts)
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="representative subset (a few minutes)")
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--min-time", type=float, default=None,
                        help="--benchmark_min_time per repetition (s)")
    parser.add_argument("--repetitions", type=int, default=None)
    parser.add_argument("--json-out", default=None,
                        help="keep the raw Google Benchmark JSON here")
    parser.add_argument("--filter", default=None,
                        help="custom --benchmark_filter; prints best values only")
    parser.add_argument("--from-json", default=None,
                        help="summarize an existing JSON report instead of running")
    args = parser.parse_args()
    # Many short repetitions rather than a few long ones: on a shared machine
    # the best of many samples is the more reproducible statistic.
    min_time = args.min_time if args.min_time is not None else 0.05
    reps = args.repetitions if args.repetitions is not None else (4 if args.quick else 8)

    if args.from_json:
        with open(args.from_json) as f:
            report = json.load(f)
    else:
        if not os.path.exists(args.binary):
            sys.exit(f"benchmark binary not found: {args.binary} (build with "
                     "-DWAFER_BUILD_BENCHMARKS=ON)")
        json_out = args.json_out or tempfile.mktemp(suffix=".json")
        report = run_benchmarks(args.binary, args.filter or build_filter(args.quick),
                                min_time, reps, json_out)
    if args.filter:
        for name, b in sorted(best_per_benchmark(report).items()):
            print(f"{name:50s} {b['real_time']:10.3f} {b['time_unit']}  "
                  f"GFLOPS={b.get('GFLOPS', 0):8.1f}  GBps={b.get('GBps', 0):6.1f}")
        return
    print(summarize(best_per_benchmark(report), args.quick, report.get("context", {})))


if __name__ == "__main__":
    main()
