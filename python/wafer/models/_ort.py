"""The onnxruntime session the builders' oracles run models in."""

from __future__ import annotations

import os

import onnx


def session(model, *, optimize: bool = False, threads: int | None = None):
    """An onnxruntime CPU session for ``model`` (a path, whose external data is
    found beside it, a ModelProto or serialized bytes). Graph optimizations are
    off unless ``optimize``; ``threads`` sets intra-op threads, with one
    inter-op thread and sequential execution (ORT's defaults when None)."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.log_severity_level = 3
    if threads is not None:
        so.intra_op_num_threads = int(threads)
        so.inter_op_num_threads = 1
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    if not optimize:
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    if isinstance(model, onnx.ModelProto):
        src = model.SerializeToString()
    elif isinstance(model, (bytes, bytearray)):
        src = bytes(model)
    else:
        src = os.fspath(model)
    return ort.InferenceSession(src, so, providers=["CPUExecutionProvider"])
