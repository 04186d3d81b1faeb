"""Import every ONNX backend node test of an op Wafer supports.

    python3 -m wafer.testing.node_sweep --waferc build/bin/waferc \
        --translate build/bin/wafer-translate [--wafer-run build/bin/wafer-run]
        [--json report.json] [--jobs 2] [--strict] [-v]

The node tests ship with the ``onnx`` wheel (built in memory by
``onnx.backend.test.loader``). A case is in scope when every node is of an op
type Wafer claims, in the default domain. In-scope cases end in one of:

* ``imported``: wafer-translate imported and verified it;
* ``out-of-scope``: a clean error for something Wafer documents as
  unsupported (an element type such as uint8 or string, an opset outside
  13..25, a training-only output);
* ``rejected``: any other clean error (a gap to look at);
* ``crashed``: a signal, an assertion, a timeout, or an exit code other than
  0 or 1 — never acceptable.

With ``--wafer-run PATH`` a numeric stage follows: every imported case is
compiled with waferc to a .wfb (its symbolic input dimensions bound to the
sizes of the case's inputs), run with wafer-run --mode=fast on each of the
case's data sets and compared with the test's own expected outputs:

* float32 and float64: max |error| <= 1e-4 of the output's largest
  magnitude (``wafer_run.max_errors``; non-finite elements must match);
* float16: 2e-3 (an ulp or two: the references round in half precision at
  every step, the runtime computes in f32 and rounds once); bfloat16: 1e-2;
* integers and bool: exact, and the element type must match.

Each case ends ``passed``, ``failed`` (with its error) or ``not-run`` (waferc
or wafer-run refused it cleanly, with the reason); a tool that crashes (a
signal, an exit code other than 0 or 1, a timeout) is ``crashed``.

Exit status is non-zero when any case crashed (at import, compile or run)
or, with ``--strict``, when any case was rejected or failed numerically.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import onnx
import onnx.numpy_helper

from wafer.testing.wafer_run import max_errors, npy_name

SUPPORTED_TYPES = {
    onnx.TensorProto.FLOAT, onnx.TensorProto.FLOAT16, onnx.TensorProto.BFLOAT16,
    onnx.TensorProto.DOUBLE, onnx.TensorProto.INT64, onnx.TensorProto.INT32,
    onnx.TensorProto.BOOL,
}
OUT_OF_SCOPE_MARKERS = (
    "which Wafer does not support",
    "outside the supported range",
    "is not supported",
    "are not supported",
    "(training)",
    "empty tensors are not supported",
)


def load_cases():
    from onnx.backend.test import loader
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return loader.load_model_tests(kind="node")


def supported_ops(waferc):
    out = subprocess.run([waferc, "--list-onnx-ops"], capture_output=True,
                         text=True, check=True).stdout
    return set(out.split())


# Operand positions that must be compile-time constants for a static graph.
# Node tests feed them as runtime inputs; the sweep freezes them to the
# values of the case's first data set, as a real model would have them.
SHAPE_OPERANDS = {
    "Reshape": {1}, "Expand": {1}, "Slice": {1, 2, 3, 4}, "Split": {1},
    "Squeeze": {1}, "Unsqueeze": {1}, "ReduceSum": {1}, "ReduceMean": {1},
    "ReduceMax": {1}, "ReduceMin": {1}, "ReduceProd": {1}, "Trilu": {1},
    "ConstantOfShape": {0}, "Range": {0, 1, 2},
    # Dropout's ratio and training_mode: a model compiled for inference has
    # them as constants (training_mode true is refused unless ratio is 0).
    "Dropout": {1, 2},
}


def freeze_shape_inputs(case):
    """The case's model with shape-like inputs turned into initializers."""
    model = onnx.ModelProto()
    model.CopyFrom(case.model)
    graph = model.graph
    frozen = {name for node in graph.node
              for i, name in enumerate(node.input)
              if i in SHAPE_OPERANDS.get(node.op_type, ()) and name}
    initializers = {t.name for t in graph.initializer}
    inputs = [i for i in graph.input if i.name not in initializers]
    if not frozen or not case.data_sets:
        return model
    values = case.data_sets[0][0]
    keep = []
    for info, value in zip(inputs, values):
        if info.name in frozen:
            graph.initializer.append(onnx.numpy_helper.from_array(value, info.name))
        else:
            keep.append(info)
    del graph.input[:]
    graph.input.extend(keep)
    return model


def op_types(model):
    return {(n.domain or "ai.onnx", n.op_type) for n in model.graph.node}


def run_case(translate, case, workdir):
    path = os.path.join(workdir, case.name + ".onnx")
    onnx.save(freeze_shape_inputs(case), path)
    try:
        proc = subprocess.run([translate, "--import-onnx", path, "-o", os.devnull],
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return case.name, "crashed", "timeout after 60 s"
    finally:
        os.unlink(path)
    if proc.returncode == 0:
        return case.name, "imported", ""
    message = proc.stderr.strip().splitlines()
    first = next((l for l in message if "error:" in l), message[0] if message else "")
    if proc.returncode != 1 or "error:" not in proc.stderr:
        return case.name, "crashed", f"exit {proc.returncode}: {proc.stderr[-400:]}"
    if any(m in proc.stderr for m in OUT_OF_SCOPE_MARKERS):
        return case.name, "out-of-scope", first
    return case.name, "rejected", first


# Relative tolerances (to the output's largest magnitude) of float outputs.
RTOL = {np.dtype(np.float32): 1e-4, np.dtype(np.float64): 1e-4,
        np.dtype(np.float16): 2e-3}
BF16_RTOL = 1e-2  # bf16 outputs come back as float32 (exactly)


def case_feeds(case, model):
    """[(input name -> array) per data set] for the inputs ``model`` keeps,
    and [(output name -> array) per data set]."""
    initializers = {t.name for t in case.model.graph.initializer}
    names = [i.name for i in case.model.graph.input if i.name not in initializers]
    kept = {i.name for i in model.graph.input}
    outs = [o.name for o in case.model.graph.output]
    sets = []
    for inputs, outputs in case.data_sets:
        feeds = {n: np.asarray(v) for n, v in zip(names, inputs) if n in kept}
        refs = {n: np.asarray(v) for n, v in zip(outs, outputs)}
        sets.append((feeds, refs))
    return sets


def dim_bindings(model, feeds):
    """--dim NAME=SIZE for every symbolic input dimension, from the inputs."""
    dims = {}
    for info in model.graph.input:
        if info.name not in feeds or not info.type.HasField("tensor_type"):
            continue
        shape = feeds[info.name].shape
        for i, d in enumerate(info.type.tensor_type.shape.dim):
            if d.dim_param and i < len(shape):
                dims.setdefault(d.dim_param, shape[i])
    return [a for k, v in sorted(dims.items()) for a in ("--dim", f"{k}={v}")]


def _tool(args, timeout):
    """(status, proc or message): 'ok', 'refused' (exit 1 with an error) or
    'crashed'."""
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "crashed", f"timeout after {timeout} s: {' '.join(args[:2])}"
    if proc.returncode == 0:
        return "ok", proc
    tool = os.path.basename(args[0])
    if proc.returncode == 1:
        lines = (proc.stderr + proc.stdout).strip().splitlines()
        first = next((l for l in lines if "error" in l.lower()), lines[0] if lines else "")
        return "refused", f"{tool}: {first.strip()}"
    return "crashed", f"{tool} exit {proc.returncode}: {proc.stderr[-400:]}"


def _is_bf16(dtype):
    return dtype.name == "bfloat16"


def compare(got, ref):
    """None when ``got`` matches ``ref``, else the reason."""
    if got.shape != ref.shape:
        return f"shape {got.shape} != expected {ref.shape}"
    if _is_bf16(ref.dtype):
        # wafer-run writes bf16 outputs as float32 (exactly).
        if got.dtype != np.float32:
            return f"element type {got.dtype} != float32 (a bf16 output)"
        ref = ref.astype(np.float32)
        rtol = BF16_RTOL
    elif ref.dtype.kind == "f":
        rtol = RTOL.get(ref.dtype, 1e-4)
        if got.dtype != ref.dtype:
            return f"element type {got.dtype} != expected {ref.dtype}"
    else:
        if got.dtype != ref.dtype:
            return f"element type {got.dtype} != expected {ref.dtype}"
        if not np.array_equal(got, ref):
            bad = int(np.sum(got != ref))
            return f"{bad} of {ref.size} elements differ (exact comparison)"
        return None
    abs_err, rel_err = max_errors(got, ref)
    if not rel_err <= rtol:
        return f"max abs error {abs_err:.3g}, relative {rel_err:.3g} > {rtol:g}"
    return None


def run_numeric(waferc, wafer_run, case, workdir):
    """(name, 'passed' | 'failed' | 'not-run' | 'crashed', detail)."""
    d = tempfile.mkdtemp(prefix=case.name[:40] + ".", dir=workdir)
    model = freeze_shape_inputs(case)
    onnx_path = os.path.join(d, "case.onnx")
    onnx.save(model, onnx_path)
    sets = case_feeds(case, model)
    if not sets:
        return case.name, "not-run", "the case has no data set"
    wfb = os.path.join(d, "case.wfb")
    status, res = _tool([waferc, onnx_path, *dim_bindings(model, sets[0][0]), "-o", wfb], 300)
    if status != "ok":
        return case.name, ("crashed" if status == "crashed" else "not-run"), res
    worst = 0.0
    for k, (feeds, refs) in enumerate(sets):
        args = [wafer_run, wfb, "--mode=fast", "--threads", "1"]
        for i, (name, value) in enumerate(feeds.items()):
            path = os.path.join(d, f"in{k}_{i}.npy")
            np.save(path, value.astype(np.float32) if _is_bf16(value.dtype) else value)
            args += ["--input", f"{name}={path}"]
        out_dir = os.path.join(d, f"out{k}")
        args += ["--output-dir", out_dir]
        status, res = _tool(args, 300)
        if status != "ok":
            return case.name, ("crashed" if status == "crashed" else "not-run"), res
        for name, ref in refs.items():
            path = os.path.join(out_dir, npy_name(name))
            if not os.path.exists(path):
                return case.name, "failed", f"output '{name}' was not written"
            got = np.load(path)
            why = compare(got, ref)
            if why:
                return case.name, "failed", f"output '{name}' (data set {k}): {why}"
            if ref.dtype.kind == "f" or _is_bf16(ref.dtype):
                worst = max(worst, max_errors(got, ref.astype(got.dtype))[1])
    shutil.rmtree(d, ignore_errors=True)
    return case.name, "passed", f"max relative error {worst:.3g}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--waferc", required=True, help="path to waferc")
    ap.add_argument("--translate", required=True, help="path to wafer-translate")
    ap.add_argument("--json", help="write the per-case results here")
    ap.add_argument("--wafer-run", help="path to wafer-run: compile every imported "
                    "case to a .wfb, run it and compare with the expected outputs")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--strict", action="store_true",
                    help="fail when any in-scope case is rejected or fails numerically")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    claimed = supported_ops(args.waferc)
    all_cases = load_cases()
    cases = [c for c in all_cases
             if all(d == "ai.onnx" and op in claimed for d, op in op_types(c.model))]
    results = {}
    with tempfile.TemporaryDirectory() as workdir, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for name, status, detail in pool.map(
                lambda c: run_case(args.translate, c, workdir), cases):
            results[name] = (status, detail)
        numeric = {}
        if args.wafer_run:
            imported = [c for c in cases if results[c.name][0] == "imported"]
            for name, status, detail in pool.map(
                    lambda c: run_numeric(args.waferc, args.wafer_run, c, workdir), imported):
                numeric[name] = (status, detail)

    by_status = collections.Counter(s for s, _ in results.values())
    by_op = collections.defaultdict(collections.Counter)
    for c in cases:
        for _, op in op_types(c.model):
            by_op[op][results[c.name][0]] += 1
    print(f"ONNX node tests of claimed ops: {len(cases)} of {len(all_cases)} "
          f"(onnx {onnx.__version__})")
    for op in sorted(by_op):
        counts = by_op[op]
        print(f"  {op:20s} " + "  ".join(f"{k} {counts[k]}" for k in
                                        ("imported", "out-of-scope", "rejected", "crashed") if counts[k]))
    for name, (status, detail) in sorted(results.items()):
        if status in ("rejected", "crashed") or (args.verbose and status != "imported"):
            print(f"  {status:12s} {name}: {detail}")
    print(f"node sweep: {by_status['imported']} imported, {by_status['out-of-scope']} out of scope, "
          f"{by_status['rejected']} rejected, {by_status['crashed']} crashed")
    by_numeric = collections.Counter(s for s, _ in numeric.values())
    if args.wafer_run:
        for name, (status, detail) in sorted(numeric.items()):
            if status != "passed" or args.verbose:
                print(f"  {status:8s} {name}: {detail}")
        print(f"numeric (wafer-run vs the tests' expected outputs): "
              f"{by_numeric['passed']} passed, {by_numeric['failed']} failed, "
              f"{by_numeric['not-run']} could not compile or run, "
              f"{by_numeric['crashed']} crashed")
    if args.json:
        cases_json = {k: {"status": s, "detail": d} for k, (s, d) in results.items()}
        for k, (s, d) in numeric.items():
            cases_json[k].update(numeric=s, numeric_detail=d)
        report = {"summary": dict(by_status), "cases": cases_json}
        if args.wafer_run:
            report["numeric"] = dict(by_numeric)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2, sort_keys=True)
    if by_status["crashed"] or by_numeric["crashed"]:
        return 1
    if args.strict and (by_status["rejected"] or by_numeric["failed"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
