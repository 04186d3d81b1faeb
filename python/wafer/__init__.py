"""Wafer: a compiler for wafer-scale dataflow machines, from Python.

    import wafer
    binary = wafer.compile("model.onnx", dims={"batch": 1, "seq": 128})
    outputs = wafer.Runtime(binary).run({"input_ids": ids})

``compile``, ``Binary`` and ``Runtime`` need the extension ``wafer._core``
(built by CMake, or installed with ``pip install .``); it is loaded on first
use, so that the model builders (``wafer.models``) and ``wafer.testing``
work without it. docs/python.md is the guide.
"""

from wafer.errors import CompileError, Diagnostic, Error, RuntimeError


def __getattr__(name):
    # The API module imports numpy; it is loaded when first asked for.
    if name in ("compile", "Binary", "Runtime", "Signature", "TensorInfo"):
        from wafer import _api
        return getattr(_api, name)
    raise AttributeError(f"module 'wafer' has no attribute {name!r}")


__all__ = ["compile", "Binary", "Runtime", "Signature", "TensorInfo",
           "CompileError", "Diagnostic", "Error", "RuntimeError"]
