#!/usr/bin/env python3
"""The cost model against the fabric simulator, kernel by kernel.

For every scheme pe-lower lowers (``elementwise``, ``mesh_gemv``) it builds
one ONNX model per case (a sweep of ops, shapes and meshes; random weights
and inputs from a fixed seed), compiles it with ``waferc --mesh WxH`` (the
tiler chooses the kernel's region inside the mesh; it is read back from the
binary's manifest), runs it in the cycle-level simulator (``wafer-run
--mode=sim --report-json``) with ``--check`` against numpy's result, and
prints the cost model's ``predicted_cycles`` beside the ``simulated_cycles``
and their ratio (simulated / predicted), then per scheme the smallest,
median and largest ratio and how many cases are within 10%. Every row is
also a correctness check: a case whose kernel does not lower, or whose
simulated output does not match numpy's, fails the run (exit 1, after the
table).

    python3 bench/costmodel.py                    # the full sweep (a few minutes)
    python3 bench/costmodel.py --quick            # 3 cases: a smoke test
    python3 bench/costmodel.py --filter gemv --json cm.json --markdown cm.md
    python3 bench/costmodel.py --bin-dir /tmp/bin --work /tmp/cm

A case whose weights or tensors do not fit the default SRAM per PE is
compiled again with twice the SRAM (``--sram-kb``) until it fits; the table
names the SRAM it used. One simulation runs at a time, on ``--threads``
simulator threads (default 1: the simulated cycles do not depend on it).
Models, binaries, inputs and references are kept in ``--work`` (default
``out/costmodel``), one folder per case.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from wafer.testing.wafer_run import npy_name  # noqa: E402

from machine_info import cpu_model  # noqa: E402

MESHES = (4, 8, 16, 32, 64)
# The custom target's SRAM per PE (waferc --mesh without --sram-kb), KiB.
DEFAULT_SRAM_KB = 48
MAX_SRAM_KB = 1 << 16


def log(msg: str) -> None:
    print(f"costmodel: {msg}", file=sys.stderr, flush=True)


@dataclass
class Case:
    """One model on one mesh."""

    scheme: str  # elementwise | mesh_gemv
    op: str  # a key of EW_OPS or GEMV_OPS
    shape: tuple  # elementwise: the tensors' shape; mesh_gemv: (K, N)
    mesh: int  # a mesh of mesh x mesh PEs

    @property
    def shape_text(self) -> str:
        if self.scheme == "mesh_gemv":
            return f"{self.shape[0]}x{self.shape[1]}"
        return "[" + ",".join(map(str, self.shape)) + "]"

    @property
    def name(self) -> str:
        shape = "x".join(map(str, self.shape))
        return f"{self.op}-{shape}-m{self.mesh}"


# Elementwise models: name -> (ONNX nodes over inputs a, b and scalar
# constants, numpy reference, the inputs used, the constants). Every one is
# fused into one kernel.
EW_OPS = {
    # one vector op
    "add": ([("Add", ["a", "b"], "y")], lambda a, b: a + b, ["a", "b"], {}),
    # one vector op, a splat constant filled first
    "mul_add": ([("Mul", ["a", "c0"], "t0"), ("Add", ["t0", "b"], "y")],
                lambda a, b: a * np.float32(0.5) + b, ["a", "b"], {"c0": 0.5}),
    # exp: the same rate as the others
    "exp": ([("Exp", ["a"], "y")], lambda a, b: np.exp(a), ["a"], {}),
    # relu: a zero buffer filled, then max
    "relu": ([("Relu", ["a"], "y")], lambda a, b: np.maximum(a, 0), ["a"], {}),
    # relu(a * 2 - b) * 0.25: two constants and a zero filled, four ops
    "axpy_relu": ([("Mul", ["a", "c0"], "t0"), ("Sub", ["t0", "b"], "t1"),
                   ("Relu", ["t1"], "t2"), ("Mul", ["t2", "c1"], "y")],
                  lambda a, b: np.maximum(a * np.float32(2) - b, 0) * np.float32(0.25),
                  ["a", "b"], {"c0": 2.0, "c1": 0.25}),
    # exp(-a) + a: a zero filled, three ops
    "neg_exp_add": ([("Neg", ["a"], "t0"), ("Exp", ["t0"], "t1"), ("Add", ["t1", "a"], "y")],
                    lambda a, b: np.exp(-a) + a, ["a"], {}),
}

# mesh_gemv models: y = x W (+ b) (relu), x: [1, K], W: [K, N] constant.
GEMV_OPS = {
    "gemv": (False, False),
    "gemv_bias": (True, False),
    "gemv_bias_relu": (True, True),
}

EW_SHAPES = [(64,), (1000,), (7, 33, 45), (256, 256), (300, 1000)]
# K x N from small to a few thousand; 37, 29, 777, 1531 and 1000 divide no
# region of 8 or more rows or columns.
GEMV_SHAPES = [(16, 16), (37, 29), (64, 96), (256, 256), (777, 1531), (1000, 1000),
               (768, 3072), (3072, 768), (2048, 2048), (4096, 4096)]
GEMV_EPILOGUE_SHAPES = [(37, 29), (256, 256), (1000, 1000), (3072, 768)]


def cases(quick: bool) -> list[Case]:
    if quick:
        return [
            Case("elementwise", "axpy_relu", (7, 33, 45), 8),
            Case("mesh_gemv", "gemv", (37, 29), 4),
            Case("mesh_gemv", "gemv_bias_relu", (64, 96), 8),
        ]
    out = []
    for op in EW_OPS:
        for shape in EW_SHAPES:
            for mesh in MESHES:
                out.append(Case("elementwise", op, shape, mesh))
    for op in GEMV_OPS:
        for shape in (GEMV_SHAPES if op == "gemv" else GEMV_EPILOGUE_SHAPES):
            for mesh in MESHES:
                out.append(Case("mesh_gemv", op, shape, mesh))
    return out


def build_case(case: Case, seed: int):
    """(the ONNX model, {input: array}, {output: numpy's result})."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(seed)
    f = TensorProto.FLOAT
    if case.scheme == "elementwise":
        nodes, ref, used, consts = EW_OPS[case.op]
        a = rng.standard_normal(case.shape).astype(np.float32)
        b = rng.standard_normal(case.shape).astype(np.float32)
        feeds = {k: v for k, v in {"a": a, "b": b}.items() if k in used}
        graph_nodes = [helper.make_node(t, ins, [o], name=f"{case.op}{i}")
                       for i, (t, ins, o) in enumerate(nodes)]
        inits = [numpy_helper.from_array(np.array(v, np.float32), k) for k, v in consts.items()]
        inputs = [helper.make_tensor_value_info(k, f, list(case.shape)) for k in feeds]
        outputs = [helper.make_tensor_value_info("y", f, list(case.shape))]
        expected = {"y": ref(a, b).astype(np.float32)}
    else:
        k, n = case.shape
        bias, relu = GEMV_OPS[case.op]
        x = rng.standard_normal((1, k)).astype(np.float32)
        # Scaled so that y's entries are about as large as x's.
        w = (rng.standard_normal((k, n)) / np.sqrt(k)).astype(np.float32)
        b = rng.standard_normal(n).astype(np.float32)
        graph_nodes = [helper.make_node("MatMul", ["x", "W"], ["xw" if bias else "y"], name="fc")]
        inits = [numpy_helper.from_array(w, "W")]
        y = x @ w
        if bias:
            graph_nodes.append(helper.make_node("Add", ["xw", "b"], ["xwb" if relu else "y"],
                                                name="fc_bias"))
            inits.append(numpy_helper.from_array(b, "b"))
            y = y + b
        if relu:
            graph_nodes.append(helper.make_node("Relu", ["xwb"], ["y"], name="fc_relu"))
            y = np.maximum(y, 0)
        feeds = {"x": x}
        inputs = [helper.make_tensor_value_info("x", f, [1, k])]
        outputs = [helper.make_tensor_value_info("y", f, [1, n])]
        expected = {"y": y.astype(np.float32)}
    graph = helper.make_graph(graph_nodes, case.op, inputs, outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model, feeds, expected


class CaseError(Exception):
    pass


def compile_case(bin_dir: Path, onnx_path: Path, wfb: Path, mesh: int) -> tuple[int | None, float]:
    """Compiles at the default SRAM, doubling it while the model does not
    fit; (the --sram-kb given, None for the default; seconds)."""
    sram = None
    start = time.perf_counter()
    while True:
        cmd = [str(bin_dir / "waferc"), str(onnx_path), "--mesh", f"{mesh}x{mesh}",
               "-o", str(wfb)]
        if sram is not None:
            cmd += ["--sram-kb", str(sram)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        text = proc.stdout + proc.stderr
        if proc.returncode == 0:
            if "has no per-PE programs" in text:
                raise CaseError(f"the kernel did not lower: {text.strip()}")
            return sram, time.perf_counter() - start
        if "does not fit" in text and (sram or DEFAULT_SRAM_KB) < MAX_SRAM_KB:
            sram = 2 * (sram or DEFAULT_SRAM_KB)
            continue
        raise CaseError(f"{' '.join(cmd)} exited {proc.returncode}:\n{text.strip()}")


_KERNEL_LINE = re.compile(
    r"^\s*#(\d+)\s+(\S+)\s+(\S+)\s+region (\d+)x(\d+) at \((\d+), (\d+)\)")


def manifest_regions(bin_dir: Path, wfb: Path) -> dict[str, dict]:
    """{kernel: {"scheme", "region": [w, h], "origin": [x, y]}} from the
    binary's manifest (wafer-translate --wfb-to-text)."""
    text = subprocess.run([str(bin_dir / "wafer-translate"), "--wfb-to-text", str(wfb)],
                          capture_output=True, text=True, check=True).stdout
    out = {}
    for line in text.splitlines():
        m = _KERNEL_LINE.match(line)
        if m:
            out[m.group(2)] = {"scheme": m.group(3),
                               "region": [int(m.group(4)), int(m.group(5))],
                               "origin": [int(m.group(6)), int(m.group(7))]}
        elif line.startswith("streams:") or line.startswith("// ---- pe design"):
            break
    return out


def blocks(case: Case, region: list[int]) -> str:
    """What one PE computes: elementwise its chunk, mesh_gemv its K x N block."""
    w, h = region
    if case.scheme == "mesh_gemv":
        k, n = case.shape
        return f"{-(-k // h)}x{-(-n // w)}"
    return str(-(-int(np.prod(case.shape)) // (w * h)))


def run_case(case: Case, args) -> dict:
    d = args.work / case.name
    d.mkdir(parents=True, exist_ok=True)
    model, feeds, expected = build_case(case, args.seed)
    import onnx
    onnx_path = d / "model.onnx"
    onnx.save(model, str(onnx_path))
    wfb = d / "model.wfb"
    sram, compile_s = compile_case(args.bin_dir, onnx_path, wfb, case.mesh)
    kernels = manifest_regions(args.bin_dir, wfb)
    if len(kernels) != 1:
        raise CaseError(f"expected one kernel, the binary has {sorted(kernels) or 'none'}")
    (kname, kinfo), = kernels.items()
    if kinfo["scheme"] != case.scheme:
        raise CaseError(f"kernel {kname} is {kinfo['scheme']}, not {case.scheme}")

    ref = d / "ref"
    ref.mkdir(exist_ok=True)
    cmd = [str(args.bin_dir / "wafer-run"), str(wfb), "--mode=sim", "--threads", str(args.threads)]
    for k, v in feeds.items():
        np.save(d / f"{k}.npy", v)
        cmd += ["--input", f"{k}={d / (k + '.npy')}"]
    for k, v in expected.items():
        np.save(ref / npy_name(k), v)
    report = d / "report.json"
    report.unlink(missing_ok=True)
    cmd += ["--check", str(ref), "--rtol", str(args.rtol), "--report-json", str(report)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    sim_s = time.perf_counter() - start
    text = proc.stdout + proc.stderr
    checks = re.findall(r"^check '([^']*)': (.*): (ok|\S+)$", text, re.M)
    checked = {name: verdict == "ok" for name, _, verdict in checks}
    errors = {name: detail for name, detail, _ in checks}
    ok = proc.returncode == 0 and set(checked) == set(expected) and all(checked.values())
    if not report.exists():
        raise CaseError(f"{' '.join(cmd)} exited {proc.returncode} without a report:\n"
                        f"{text.strip()[-3000:]}")
    data = json.loads(report.read_text())
    ks = data["kernels"]
    if len(ks) != 1:
        raise CaseError(f"the report has {len(ks)} kernels")
    k = ks[0]
    if k["simulated_cycles"] <= 0 or k["predicted_cycles"] <= 0:
        raise CaseError(f"the report has no cycles for {kname}: {k}")
    return {
        "case": case.name, "scheme": case.scheme, "op": case.op, "shape": case.shape_text,
        "mesh": f"{case.mesh}x{case.mesh}", "kernel": kname,
        "region": f"{kinfo['region'][0]}x{kinfo['region'][1]}",
        "region_wh": kinfo["region"], "pes": k["pes"], "block": blocks(case, kinfo["region"]),
        "sram_kb": sram, "predicted_cycles": k["predicted_cycles"],
        "simulated_cycles": k["simulated_cycles"],
        "ratio": k["simulated_cycles"] / k["predicted_cycles"],
        "compute_pe_cycles": k.get("compute_pe_cycles"),
        "send_stall_pe_cycles": k.get("send_stall_pe_cycles"),
        "recv_stall_pe_cycles": k.get("recv_stall_pe_cycles"),
        "compile_s": compile_s, "sim_s": sim_s, "check_passed": ok,
        "check": "; ".join(f"{n}: {e}" for n, e in errors.items()) or text.strip()[-500:],
        "error": None,
    }


def summarize(rows: list[dict]) -> list[dict]:
    out = []
    for scheme in sorted({r["scheme"] for r in rows}):
        ratios = [r["ratio"] for r in rows if r["scheme"] == scheme and r.get("ratio")]
        if not ratios:
            continue
        out.append({"scheme": scheme, "cases": len(ratios), "min_ratio": min(ratios),
                    "median_ratio": statistics.median(ratios), "max_ratio": max(ratios),
                    "within_10pct": sum(abs(x - 1) <= 0.1 for x in ratios)})
    return out


COLUMNS = ["scheme", "op", "shape", "mesh", "region", "block", "sram", "predicted",
           "simulated", "ratio", "sim s", "check"]


def cells(r: dict) -> list[str]:
    if r.get("error"):
        return [r["scheme"], r["op"], r["shape"], r["mesh"], "-", "-", "-", "-", "-", "-",
                "-", "FAIL"]
    return [r["scheme"], r["op"], r["shape"], r["mesh"], r["region"], r["block"],
            "default" if r["sram_kb"] is None else f"{r['sram_kb']} KiB",
            str(r["predicted_cycles"]), str(r["simulated_cycles"]), f"{r['ratio']:.2f}",
            f"{r['sim_s']:.2f}", "ok" if r["check_passed"] else "FAIL"]


def summary_cells(s: dict) -> list[str]:
    return [s["scheme"], str(s["cases"]), f"{s['min_ratio']:.2f}", f"{s['median_ratio']:.2f}",
            f"{s['max_ratio']:.2f}", f"{s['within_10pct']} / {s['cases']}"]


SUMMARY_COLUMNS = ["scheme", "cases", "min ratio", "median ratio", "max ratio", "within 10%"]


# Columns of names, left-aligned in the text table; the others are figures.
TEXT_COLUMNS = {"scheme", "op", "shape", "check"}


def text_table(header: list[str], body: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(row[i]) for row in body)) if body else len(h)
              for i, h in enumerate(header)]
    left = [h in TEXT_COLUMNS for h in header]

    def fmt(row):
        return "  ".join(c.ljust(w) if l else c.rjust(w)
                         for c, w, l in zip(row, widths, left)).rstrip()

    return [fmt(header), "  ".join("-" * w for w in widths), *map(fmt, body)]


def markdown_table(header: list[str], body: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in body)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin-dir", type=Path, default=ROOT / "build" / "bin")
    ap.add_argument("--work", type=Path, default=ROOT / "out" / "costmodel")
    ap.add_argument("--quick", action="store_true", help="3 small cases: a smoke test")
    ap.add_argument("--filter", action="append", default=[], metavar="TEXT",
                    help="run only the cases whose name (op-shape-mMESH, e.g. "
                         "gemv_bias-256x256-m8) contains TEXT (repeatable: any)")
    ap.add_argument("--threads", type=int, default=1,
                    help="simulator threads (the cycles do not depend on them)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rtol", type=float, default=1e-4)
    ap.add_argument("--json", type=Path, help="write the rows and the summary as JSON")
    ap.add_argument("--markdown", type=Path, help="write the tables as Markdown")
    args = ap.parse_args(argv)
    if args.threads < 1:
        ap.error("--threads must be positive")
    for tool in ("waferc", "wafer-run", "wafer-translate"):
        if not (args.bin_dir / tool).exists():
            ap.error(f"{args.bin_dir / tool} does not exist; build first (scripts/setup.sh)")
    chosen = cases(args.quick)
    if args.filter:
        chosen = [c for c in chosen if any(t in c.name for t in args.filter)]
        if not chosen:
            ap.error(f"no case matches {args.filter}")
    args.work.mkdir(parents=True, exist_ok=True)

    start = time.perf_counter()
    rows = []
    for i, case in enumerate(chosen):
        try:
            row = run_case(case, args)
            log(f"[{i + 1}/{len(chosen)}] {case.name}: region {row['region']}, predicted "
                f"{row['predicted_cycles']}, simulated {row['simulated_cycles']} "
                f"({row['ratio']:.2f}), {row['sim_s']:.2f} s, "
                f"{'ok' if row['check_passed'] else 'CHECK FAILED: ' + row['check']}")
        except CaseError as e:
            log(f"[{i + 1}/{len(chosen)}] {case.name}: FAILED: {e}")
            row = {"case": case.name, "scheme": case.scheme, "op": case.op,
                   "shape": case.shape_text, "mesh": f"{case.mesh}x{case.mesh}",
                   "check_passed": False, "error": str(e)}
        rows.append(row)
    wall = time.perf_counter() - start
    summary = summarize([r for r in rows if not r.get("error")])
    failed = [r for r in rows if not r["check_passed"]]

    head = (f"machine: {cpu_model()}, {os.cpu_count()} cores; {date.today().isoformat()}; "
            f"{len(rows)} cases in {wall:.0f} s ({args.threads} simulator thread"
            f"{'s' if args.threads > 1 else ''}); ratio = simulated / predicted cycles; "
            f"block: elements per PE (elementwise) or its K x N block (mesh_gemv)")
    body = [cells(r) for r in rows]
    sbody = [summary_cells(s) for s in summary]
    lines = [head, "", *text_table(COLUMNS, body), "", *text_table(SUMMARY_COLUMNS, sbody)]
    if failed:
        lines += ["", f"{len(failed)} case(s) FAILED: " + ", ".join(r["case"] for r in failed)]
    print("\n".join(lines))
    if args.markdown:
        md = [head, "", *markdown_table(COLUMNS, body), "", *markdown_table(SUMMARY_COLUMNS, sbody)]
        args.markdown.write_text("\n".join(md) + "\n")
    if args.json:
        args.json.write_text(json.dumps({
            "machine": cpu_model(), "cores": os.cpu_count(), "date": date.today().isoformat(),
            "wall_s": wall, "threads": args.threads, "seed": args.seed, "quick": args.quick,
            "rows": rows, "summary": summary}, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
