#!/usr/bin/env python3
"""Run wafer-bench-kernels and onnxruntime's MatMul, and summarize both.

Everything in the printed tables comes from one invocation of this script:
the machine's limits (fp32 FMA peak of each dispatch path, bf16 peak, DRAM
read bandwidth), Wafer's GEMM/GEMV on both x86 paths (avx512 and avx2, each
quoted against its own peak), Debian's OpenBLAS (inside the benchmark binary)
and onnxruntime's MatMul (bench/onnxruntime_peer.py), all on the same thread
count.

The machine may be shared, so the measurements are interleaved: the script
runs `--rounds` rounds, each one a run of the benchmark binary
(`--repetitions` randomly interleaved repetitions of every benchmark) followed
by the onnxruntime shapes (`--repetitions` samples each). Every figure is the
median of all its samples (`--statistic best` takes the best sample instead).
The load average before and after is printed with the tables.

Usage:
  scripts/bench_kernels.py --quick          # representative subset
  scripts/bench_kernels.py                  # every benchmark
  scripts/bench_kernels.py --json-out run.json; --from-json run.json
  scripts/bench_kernels.py --filter 'BM_Gemm_f32/avx2/1024/'   # binary only
Needs numpy, onnx and onnxruntime (python/requirements.txt) for the
onnxruntime columns; without them those columns read n/a (--no-onnxruntime
skips them on purpose).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

from machine_info import cpu_model  # noqa: E402

SQUARES = [64, 128, 256, 512, 1024, 2048, 4096]
TRANSFORMER_M = [1, 16, 128, 512]
TRANSFORMER_KN = [(768, 768), (768, 3072), (3072, 768), (4096, 4096), (4096, 14336)]
COLD_GEMV_NK = [(4096, 4096), (14336, 4096), (4096, 14336)]
SEQS = [128, 256, 512, 1024, 2048, 4096]

QUICK_SQUARES = [256, 1024, 2048]
QUICK_M = [1, 16, 128, 512]
QUICK_KN = [(768, 768), (768, 3072), (4096, 14336)]
QUICK_COLD_GEMV_NK = [(14336, 4096)]
QUICK_SEQS = [512, 1024]

PATHS = ["avx512", "avx2"]
# fp32 GEMM shapes held to 85% of their path's peak: the large squares and
# the transformer shapes with M >= 128.
TARGET_PEAK_FRACTION = 0.85
TARGET_GEMV_FRACTION = 0.90
TARGET_GEMV_NK = (14336, 4096)


def gemm_shapes(quick):
    squares = QUICK_SQUARES if quick else SQUARES
    ms = QUICK_M if quick else TRANSFORMER_M
    kns = QUICK_KN if quick else TRANSFORMER_KN
    shapes = [(n, n, n) for n in squares]
    shapes += [(m, n, k) for m in ms for (k, n) in kns]
    return shapes


def cold_gemv_shapes(quick):
    return QUICK_COLD_GEMV_NK if quick else COLD_GEMV_NK


def held_to_peak(m, n, k):
    return (m == n == k and m >= 1024) or (m >= 128 and not m == n == k)


def build_filter(quick):
    shape_alt = "|".join(f"{m}/{n}/{k}" for m, n, k in gemm_shapes(quick))
    cold_alt = "|".join(f"{n}/{k}" for n, k in cold_gemv_shapes(quick))
    seq_alt = "|".join(str(s) for s in (QUICK_SEQS if quick else SEQS))
    paths = "|".join(PATHS)
    parts = [
        "BM_PeakFMA_f32/", "BM_PeakBF16", "BM_StreamRead",
        f"BM_Gemm_(f32|bf16)/({paths})/({shape_alt})/",
        f"BM_Gemm_OpenBLAS_f32/({shape_alt})/",
        f"BM_GemvCold_f32/({paths})/({cold_alt})/",
        f"BM_Attention(Naive)?_(Prefill|Decode)/({seq_alt})/",
    ]
    return "^(" + "|".join(parts) + ")"


def default_binary():
    for build in ("build-kernels", "build"):
        path = os.path.join(ROOT, build, "bin", "wafer-bench-kernels")
        if os.path.exists(path):
            return path
    return os.path.join(ROOT, "build", "bin", "wafer-bench-kernels")


# OpenBLAS kernel sets older than AVX2, which a DYNAMIC_ARCH build falls back
# to on CPUs it does not know (Debian's 0.3.21 runs "Prescott", SSE3, on an
# Emerald Rapids Xeon).
OLD_OPENBLAS_CORES = {"prescott", "katmai", "coppermine", "northwood", "banias",
                      "core2", "penryn", "dunnington", "nehalem", "atom",
                      "opteron", "opteron_sse3", "barcelona", "unknown"}


def cpu_flags():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def openblas_default_core():
    """The kernel set the system OpenBLAS picks here, or None."""
    probe = ("import ctypes, ctypes.util\n"
             "lib = ctypes.CDLL(ctypes.util.find_library('openblas') or 'libopenblas.so.0')\n"
             "lib.openblas_get_corename.restype = ctypes.c_char_p\n"
             "print(lib.openblas_get_corename().decode())")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
    try:
        out = subprocess.run([sys.executable, "-c", probe], env=env,
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def openblas_coretype():
    """OPENBLAS_CORETYPE for the run: the user's, else the best kernel set
    the CPU supports when OpenBLAS would fall back to a pre-AVX2 one (a peer
    on its SSE kernels would say nothing about Wafer). Returns (value or
    None, note)."""
    if os.environ.get("OPENBLAS_CORETYPE"):
        return os.environ["OPENBLAS_CORETYPE"], "OPENBLAS_CORETYPE set by the user"
    core = openblas_default_core()
    if core is None or core.lower() not in OLD_OPENBLAS_CORES:
        return None, f"OpenBLAS's own choice ({core or 'unknown'})"
    flags = cpu_flags()
    if {"avx512f", "avx512bw", "avx512dq", "avx512vl"} <= flags:
        forced = "SkylakeX"
    elif {"avx2", "fma"} <= flags:
        forced = "Haswell"
    else:
        return None, f"OpenBLAS's own choice ({core})"
    return forced, (f"OPENBLAS_CORETYPE={forced}: OpenBLAS would run its {core} "
                    "kernels on this CPU")


def run_binary(binary, bench_filter, min_time, repetitions, threads, coretype):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = tmp.name
    cmd = [
        binary,
        f"--benchmark_filter={bench_filter}",
        f"--benchmark_min_time={min_time}",
        f"--benchmark_repetitions={repetitions}",
        "--benchmark_enable_random_interleaving=true",
        f"--benchmark_out={out}",
        "--benchmark_out_format=json",
    ]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    # OpenBLAS's idle threads spin for 2^28 cycles (~0.1 s) after every call
    # before they sleep; with the benchmarks interleaved, that spinning would
    # take the cores from whichever benchmark runs next (a Wafer kernel or a
    # peak loop). 2^20 cycles (~0.4 ms) still keeps them awake between the
    # back-to-back calls of its own benchmark loop.
    env.setdefault("OPENBLAS_THREAD_TIMEOUT", "20")
    if coretype:
        env["OPENBLAS_CORETYPE"] = coretype
    print("running:", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    with open(out) as f:
        report = json.load(f)
    os.unlink(out)
    return report


def run_onnxruntime(peer, quick, threads, min_time, repetitions, samples):
    """Appends seconds-per-call samples to `samples` (key -> list)."""
    for m, n, k in gemm_shapes(quick):
        _, s = peer.measure_matmul(m, n, k, threads, repetitions=repetitions,
                                   min_time=min_time)
        samples.setdefault(f"{m}/{n}/{k}", []).extend(s)
    for n, k in cold_gemv_shapes(quick):
        _, s = peer.measure_matmul(1, n, k, threads, repetitions=repetitions,
                                   min_time=min_time,
                                   copies=peer.cold_copies(n, k))
        samples.setdefault(f"cold/{n}/{k}", []).extend(s)


def measure(args):
    threads = args.threads
    record = {
        "machine": {
            "cpu": cpu_model(),
            "threads": threads,
            "load_before": os.getloadavg(),
        },
        "benchmarks": [],
        "onnxruntime": None,
    }
    peer = None
    if not args.no_onnxruntime:
        try:
            import onnxruntime_peer as peer
        except ImportError as e:  # numpy missing
            print(f"onnxruntime peer unavailable: {e}", file=sys.stderr)
            peer = None
        if peer is not None and peer.available():
            print(peer.available(), file=sys.stderr)
            peer = None
    ort_samples = {}
    bench_filter = args.filter or build_filter(args.quick)
    coretype, note = openblas_coretype()
    record["machine"]["openblas"] = note
    record["machine"]["round_loads"] = []
    for r in range(args.rounds):
        record["machine"]["round_loads"].append(os.getloadavg()[0])
        print(f"round {r + 1}/{args.rounds}, load {os.getloadavg()[0]:.2f}",
              file=sys.stderr, flush=True)
        report = run_binary(args.binary, bench_filter, args.min_time,
                            args.repetitions, threads, coretype)
        record["context"] = report.get("context", {})
        record["benchmarks"].extend(report["benchmarks"])
        if peer is not None and not args.filter:
            run_onnxruntime(peer, args.quick, threads, max(args.min_time, 0.05),
                            args.repetitions, ort_samples)
    if peer is not None and not args.filter:
        record["onnxruntime"] = {
            "version": peer.version(),
            "call_overhead_us": peer.call_overhead_us(threads),
            "seconds": ort_samples,
        }
    record["machine"]["load_after"] = os.getloadavg()
    return record


def aggregate(record, statistic):
    """name -> {GFLOPS, GBps, real_time, threads, samples} over all samples."""
    raw = {}
    for b in record["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        name = b.get("run_name", b["name"]).replace("/real_time", "")
        raw.setdefault(name, []).append(b)
    pick_high = max if statistic == "best" else statistics.median
    pick_low = min if statistic == "best" else statistics.median
    out = {}
    for name, runs in raw.items():
        entry = {"samples": len(runs), "real_time": pick_low(r["real_time"] for r in runs)}
        for key in ("GFLOPS", "GBps", "threads"):
            values = [r[key] for r in runs if key in r]
            if values:
                entry[key] = pick_high(values)
        out[name] = entry
    return out


def ort_rates(record, statistic):
    """key -> seconds per call (median or best) from the onnxruntime samples."""
    ort = record.get("onnxruntime") or {}
    pick = min if statistic == "best" else statistics.median
    return {k: pick(v) for k, v in (ort.get("seconds") or {}).items() if v}


def fmt(x, digits=1):
    return "n/a" if x is None else f"{x:.{digits}f}"


def pct(x):
    return "n/a" if x is None else f"{100 * x:.0f}%"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def openblas_label(record):
    for b in record.get("benchmarks", []):
        if b.get("name", "").startswith("BM_Gemm_OpenBLAS_f32") and b.get("label"):
            return b["label"]
    return None


def summarize(record, quick, statistic):
    best = aggregate(record, statistic)
    ort = ort_rates(record, statistic)
    get = lambda name, key: best.get(name, {}).get(key)
    machine = record.get("machine", {})
    ctx = record.get("context", {})
    peaks = {p: get(f"BM_PeakFMA_f32/{p}", "GFLOPS") for p in PATHS}
    peak_bf16 = get("BM_PeakBF16", "GFLOPS")
    stream_plain = get("BM_StreamRead/1024", "GBps")
    stream_pf = get("BM_StreamReadPrefetch/1024", "GBps")
    streams = [s for s in (stream_plain, stream_pf) if s is not None]
    dram = max(streams) if streams else None
    ort_info = record.get("onnxruntime") or {}

    out, verdicts = [], []
    lb, la = machine.get("load_before"), machine.get("load_after")
    out.append(f"Machine: {machine.get('cpu', '?')}, {ctx.get('num_cpus')} CPUs "
               f"({ctx.get('mhz_per_cpu')} MHz nominal); Wafer, OpenBLAS and "
               f"onnxruntime {ort_info.get('version') or '(not run)'} on "
               f"{machine.get('threads')} threads. Load average (1/5/15 min) "
               f"before: {' / '.join(f'{x:.2f}' for x in lb) if lb else '?'}; "
               f"after: {' / '.join(f'{x:.2f}' for x in la) if la else '?'}; "
               f"1-min load at the start of each round: "
               f"{', '.join(f'{x:.2f}' for x in machine.get('round_loads', [])) or '?'}. "
               f"Statistic: {statistic} of "
               f"{get('BM_PeakFMA_f32/avx2', 'samples') or get('BM_PeakFMA_f32/avx512', 'samples') or '?'}"
               f" samples per benchmark. OpenBLAS kernels: "
               f"{openblas_label(record) or '?'} ({machine.get('openblas', '?')}).\n")
    out.append("| Measured limit | Value |")
    out.append("|---|---|")
    for p in PATHS:
        out.append(f"| BM_PeakFMA_f32/{p} (fp32 FMA peak of the {p} path) | "
                   f"{fmt(peaks[p])} GFLOP/s |")
    out.append(f"| BM_PeakBF16 | {fmt(peak_bf16)} GFLOP/s |")
    out.append(f"| BM_StreamRead (hardware prefetch only) | {fmt(stream_plain)} GB/s |")
    out.append(f"| BM_StreamReadPrefetch (plus software prefetch) | {fmt(stream_pf)} GB/s |")
    out.append(f"| DRAM read bandwidth (the better of the two) | {fmt(dram)} GB/s |")
    if ort_info.get("call_overhead_us") is not None:
        out.append(f"| onnxruntime per-call overhead (1x1x1 MatMul) | "
                   f"{ort_info['call_overhead_us']:.1f} us |")
    out.append("")

    # fp32 GEMM, both paths against their own peaks and against the peers.
    out.append("fp32 GEMM (GFLOP/s; % of the path's own FMA peak; x = Wafer / peer):\n")
    out.append("| M | N | K | avx512 | % peak | avx2 | % peak | OpenBLAS | onnxruntime "
               "| avx512 / ORT | avx2 / ORT | avx512 / OpenBLAS | avx2 / OpenBLAS |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    below_peak = {p: [] for p in PATHS}
    below_ort = {p: [] for p in PATHS}
    below_blas = {p: [] for p in PATHS}
    for m, n, k in gemm_shapes(quick):
        key = f"{m}/{n}/{k}"
        w = {p: get(f"BM_Gemm_f32/{p}/{key}", "GFLOPS") for p in PATHS}
        blas = get(f"BM_Gemm_OpenBLAS_f32/{key}", "GFLOPS")
        o = 2.0 * m * n * k / ort[key] * 1e-9 if key in ort else None
        out.append(f"| {m} | {n} | {k} | {fmt(w['avx512'])} | "
                   f"{pct(ratio(w['avx512'], peaks['avx512']))} | {fmt(w['avx2'])} | "
                   f"{pct(ratio(w['avx2'], peaks['avx2']))} | {fmt(blas)} | {fmt(o)} | "
                   f"{fmt(ratio(w['avx512'], o), 2)} | {fmt(ratio(w['avx2'], o), 2)} | "
                   f"{fmt(ratio(w['avx512'], blas), 2)} | {fmt(ratio(w['avx2'], blas), 2)} |")
        for p in PATHS:
            fr = ratio(w[p], peaks[p])
            if held_to_peak(m, n, k) and m > 1 and fr is not None and fr < TARGET_PEAK_FRACTION:
                below_peak[p].append(f"{key} ({100 * fr:.0f}%)")
            r = ratio(w[p], o)
            if r is not None and r < 1.0:
                below_ort[p].append(f"{key} ({r:.2f}x)")
            r = ratio(w[p], blas)
            if r is not None and r < 1.0:
                below_blas[p].append(f"{key} ({r:.2f}x)")
    out.append("")

    # Cold GEMV: weights from DRAM, against the measured bandwidth.
    out.append("GEMV with weights from DRAM (BM_GemvCold_f32; onnxruntime cycles "
               "through as many weight copies), GB/s of weights read:\n")
    out.append("| N x K (1 x K -> N) | avx512 | % of DRAM bw | avx2 | % of DRAM bw "
               "| onnxruntime | % of DRAM bw | avx512 / ORT | avx2 / ORT |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    gemv_target = {p: None for p in PATHS}
    for n, k in cold_gemv_shapes(quick):
        w = {p: get(f"BM_GemvCold_f32/{p}/{n}/{k}", "GBps") for p in PATHS}
        key = f"cold/{n}/{k}"
        o = (4.0 * (n * k + n + k)) / ort[key] * 1e-9 if key in ort else None
        out.append(f"| {n} x {k} | {fmt(w['avx512'])} | {pct(ratio(w['avx512'], dram))} | "
                   f"{fmt(w['avx2'])} | {pct(ratio(w['avx2'], dram))} | {fmt(o)} | "
                   f"{pct(ratio(o, dram))} | {fmt(ratio(w['avx512'], o), 2)} | "
                   f"{fmt(ratio(w['avx2'], o), 2)} |")
        if (n, k) == TARGET_GEMV_NK:
            for p in PATHS:
                gemv_target[p] = ratio(w[p], dram)
    out.append("")

    out.append("GEMV (M = 1) on one weight matrix, called repeatedly (it may stay "
               "partly in the L3), GB/s:\n")
    out.append("| N x K | avx512 fp32 | avx2 fp32 | onnxruntime fp32 | avx512 / ORT "
               "| avx2 / ORT | avx512 bf16 | avx2 bf16 |")
    out.append("|---|---|---|---|---|---|---|---|")
    for m, n, k in gemm_shapes(quick):
        if m != 1:
            continue
        key = f"1/{n}/{k}"
        w = {p: get(f"BM_Gemm_f32/{p}/{key}", "GBps") for p in PATHS}
        b = {p: get(f"BM_Gemm_bf16/{p}/{key}", "GBps") for p in PATHS}
        o = (4.0 * (n * k + n + k)) / ort[key] * 1e-9 if key in ort else None
        out.append(f"| {n} x {k} | {fmt(w['avx512'])} | {fmt(w['avx2'])} | {fmt(o)} | "
                   f"{fmt(ratio(w['avx512'], o), 2)} | {fmt(ratio(w['avx2'], o), 2)} | "
                   f"{fmt(b['avx512'])} | {fmt(b['avx2'])} |")
    out.append("")

    out.append("bf16 GEMM (bf16 activations and weights, fp32 accumulation), GFLOP/s:\n")
    out.append("| M | N | K | avx512 bf16 | bf16 / fp32 | % of BM_PeakBF16 | avx2 bf16 | bf16 / fp32 |")
    out.append("|---|---|---|---|---|---|---|---|")
    for m, n, k in gemm_shapes(quick):
        if m == 1:
            continue
        key = f"{m}/{n}/{k}"
        f = {p: get(f"BM_Gemm_f32/{p}/{key}", "GFLOPS") for p in PATHS}
        b = {p: get(f"BM_Gemm_bf16/{p}/{key}", "GFLOPS") for p in PATHS}
        out.append(f"| {m} | {n} | {k} | {fmt(b['avx512'])} | "
                   f"{fmt(ratio(b['avx512'], f['avx512']), 2)} | "
                   f"{pct(ratio(b['avx512'], peak_bf16))} | {fmt(b['avx2'])} | "
                   f"{fmt(ratio(b['avx2'], f['avx2']), 2)} |")
    out.append("")

    out.append("| Attention (12 heads, d 64, causal; best path) | seq | fused ms | naive ms "
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

    for p in PATHS:
        if peaks[p] is None:
            verdicts.append(f"- n/a: {p} path (not supported here)")
            continue
        verdict(not below_peak[p],
                f"{p}: fp32 GEMM >= {100 * TARGET_PEAK_FRACTION:.0f}% of "
                f"BM_PeakFMA_f32/{p} at 1024^3+ and transformer shapes with M >= 128"
                + (f" (below: {', '.join(below_peak[p])})" if below_peak[p] else ""))
        verdict(gemv_target[p] is not None and gemv_target[p] >= TARGET_GEMV_FRACTION,
                f"{p}: cold GEMV {TARGET_GEMV_NK[0]}x{TARGET_GEMV_NK[1]} >= "
                f"{100 * TARGET_GEMV_FRACTION:.0f}% of the DRAM read bandwidth "
                f"(got {pct(gemv_target[p])})")
        if ort:
            verdict(not below_ort[p], f"{p}: fp32 GEMM/GEMV >= onnxruntime at every shape"
                    + (f" (below: {', '.join(below_ort[p])})" if below_ort[p] else ""))
        verdict(not below_blas[p], f"{p}: fp32 GEMM >= OpenBLAS at every shape"
                + (f" (below: {', '.join(below_blas[p])})" if below_blas[p] else ""))
    verdict(attn_1024 is not None and attn_1024 >= 2.0,
            f"fused attention >= 2x naive at seq 1024 (got {fmt(attn_1024, 2)}x)")
    out.append("Targets:")
    out.extend(verdicts)
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="representative subset")
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)),
                        help="threads for Wafer, OpenBLAS and onnxruntime "
                             "(default: the CPUs this process may use)")
    parser.add_argument("--min-time", type=float, default=0.05,
                        help="--benchmark_min_time per repetition (s); also the "
                             "least time of one onnxruntime sample")
    parser.add_argument("--repetitions", type=int, default=None,
                        help="repetitions per round (default 2, quick 2)")
    parser.add_argument("--rounds", type=int, default=None,
                        help="interleaved rounds of binary + onnxruntime "
                             "(default 3)")
    parser.add_argument("--statistic", choices=["median", "best"], default="median")
    parser.add_argument("--no-onnxruntime", action="store_true",
                        help="skip the onnxruntime peer")
    parser.add_argument("--json-out", default=None,
                        help="keep all raw samples (binary and onnxruntime) here")
    parser.add_argument("--filter", default=None,
                        help="custom --benchmark_filter; runs the binary only and "
                             "prints one value per benchmark")
    parser.add_argument("--from-json", default=None,
                        help="summarize a saved --json-out instead of running")
    args = parser.parse_args()
    args.repetitions = args.repetitions or 2
    args.rounds = args.rounds or 3

    if args.from_json:
        with open(args.from_json) as f:
            record = json.load(f)
        quick = record.get("quick", args.quick)
    else:
        if not os.path.exists(args.binary):
            sys.exit(f"benchmark binary not found: {args.binary} (build with "
                     "-DWAFER_BUILD_BENCHMARKS=ON)")
        start = time.time()
        record = measure(args)
        record["quick"] = quick = args.quick
        record["seconds"] = time.time() - start
        if args.json_out:
            with open(args.json_out, "w") as f:
                json.dump(record, f)
    if args.filter:
        for name, b in sorted(aggregate(record, args.statistic).items()):
            print(f"{name:50s} {b['real_time']:10.3f}  GFLOPS={b.get('GFLOPS', 0):8.1f}"
                  f"  GBps={b.get('GBps', 0):6.1f}  ({b['samples']} samples)")
        return
    print(summarize(record, quick, args.statistic))


if __name__ == "__main__":
    main()
