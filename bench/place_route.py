#!/usr/bin/env python3
"""Seconds per stage of tile, place and route, and how they grow with depth.

    python3 bench/place_route.py [--waferc build/bin/waferc] [--out DIR]

Runs waferc to --emit=routed with --mlir-timing on
  * the Llama-3.1-8B-shaped decode step (python/wafer/models/shaped.py, a
    sparse weight file) on wse3 under the pipeline and shared strategies;
  * the same shape with 4, 8, 16 and 32 layers on wse3 (growth with depth);
  * a 4-layer Llama-style builder model on a 64x64 mesh;
and prints one row per run: seconds for import, fuse, tile, place, route and
the whole compile, with the report's stream hops and colors. Timings are
wall-clock on a shared machine: compare rows of one run, not across runs.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))

from wafer import models  # noqa: E402
from wafer.models.shaped import ShapedLlamaConfig, build_shaped_llama  # noqa: E402

STAGES = {"Import ONNX": "import", "GraphFoldShapes": "fold", "GraphFuse": "fuse",
          "FabricTile": "tile", "FabricPlace": "place", "FabricRoute": "route"}


def run(waferc, model, dims, *options):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        start = time.perf_counter()
        proc = subprocess.run(
            [waferc, str(model), *dims, "--emit=routed", "--mlir-timing",
             "--report-json", report.name, "-o", "/dev/null", *options],
            capture_output=True, text=True)
        wall = time.perf_counter() - start
        if proc.returncode:
            raise SystemExit(f"waferc failed on {model}:\n{proc.stderr[-2000:]}")
        totals = json.load(open(report.name))["totals"]
    seconds = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"\s*([\d.]+) \(\s*[\d.]+%\)\s+(.+?)\s*$", line)
        if m and m.group(2) in STAGES:
            seconds[STAGES[m.group(2)]] = seconds.get(STAGES[m.group(2)], 0) + float(m.group(1))
    seconds["total"] = wall
    return seconds, totals


def row(name, seconds, totals):
    cells = " ".join(f"{seconds.get(s, 0):7.3f}" for s in ("import", "fuse", "tile", "place", "route", "total"))
    print(f"{name:34s} {cells} {totals['stream_hops_total']:9d} {totals['colors_used']:4d} "
          f"{totals['tokens_per_second']:10.1f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--waferc", default=str(ROOT / "build" / "bin" / "waferc"))
    ap.add_argument("--out", type=Path, help="keep the models here (default: a temporary folder)")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="wafer-bench-"))
    out.mkdir(parents=True, exist_ok=True)

    print(f"{'model':34s} {'import':>7s} {'fuse':>7s} {'tile':>7s} {'place':>7s} {'route':>7s} "
          f"{'total':>7s} {'hops':>9s} {'col':>4s} {'tokens/s':>10s}")
    decode = ["--dim", "batch=1", "--dim", "past=4095", "--target", "wse3"]
    depth_rows = []
    for layers in (4, 8, 16, 32):
        model = build_shaped_llama(out / f"llama-8b-shape-{layers}l.onnx", ShapedLlamaConfig(layers=layers))
        for strategy in ("pipeline", "shared"):
            seconds, totals = run(args.waferc, model, decode, "--strategy", strategy)
            row(f"8B shape, {layers:2d} layers, wse3, {strategy}", seconds, totals)
            depth_rows.append((layers, strategy, seconds["total"]))

    small = out / "llama-4l.onnx"
    models.save(models.build("llama", 23, layers=4, hidden=256, heads=8, kv_heads=2, ffn=704, vocab=2048), small)
    for strategy in ("pipeline", "shared"):
        seconds, totals = run(args.waferc, small, ["--dim", "batch=1", "--dim", "seq=16"],
                              "--mesh", "64x64", "--strategy", strategy)
        row(f"llama 4 layers, 64x64, {strategy}", seconds, totals)

    print("\ngrowth of the whole compile with depth (seconds, relative to 4 layers):")
    for strategy in ("pipeline", "shared"):
        times = {l: t for l, s, t in depth_rows if s == strategy}
        print(f"  {strategy:8s} " + "  ".join(f"{l} layers {times[l]:.2f} s (x{times[l] / times[4]:.1f})"
                                           for l in sorted(times)))
    worst = max(t for l, s, t in depth_rows if l == 32)
    print(f"\n8B shape through tile, place and route: {worst:.2f} s at most (aim: under 60 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
