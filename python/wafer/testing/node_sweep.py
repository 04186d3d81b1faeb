"""Import every ONNX backend node test of an op Wafer supports.

    python3 -m wafer.testing.node_sweep --waferc build/bin/waferc \
        --translate build/bin/wafer-translate
        [--json report.json] [--jobs 2] [-v]

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

Exit status is non-zero when any case crashed or, with ``--strict``, when
any case was rejected.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import warnings

import onnx
import onnx.numpy_helper

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


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--waferc", required=True, help="path to waferc")
    ap.add_argument("--translate", required=True, help="path to wafer-translate")
    ap.add_argument("--json", help="write the per-case results here")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--strict", action="store_true",
                    help="fail when any in-scope case is rejected")
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
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"summary": dict(by_status),
                       "cases": {k: {"status": s, "detail": d} for k, (s, d) in results.items()}},
                      f, indent=2, sort_keys=True)
    if by_status["crashed"] or (args.strict and by_status["rejected"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
