"""A tiny ONNX graph-construction helper shared by the model builders.

It names nodes the way ``torch.onnx.export`` does: every node gets a scope
path derived from the module hierarchy (``/h.0/attn/MatMul``, ``/h.0/attn/MatMul_1``
...) and its outputs are called ``<node name>_output_<i>``.  Small constants are
emitted as ``Constant`` nodes (as torch does); weights and buffers become fp32
(or bool / int64 for buffers) initializers.

The helper also hides the opset-dependent spellings of a few ops:
``ReduceMean``/``ReduceMax`` take ``axes`` as an attribute before opset 18 and as
an input from 18; ``ReduceSum``/``Squeeze``/``Unsqueeze``/``Split`` take them as
inputs from opset 13 (the builders only support opset >= 17).
"""

from __future__ import annotations

import contextlib
from typing import Iterable, Sequence

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# The only ops the Wafer importer supports; every builder is checked against it.
SUPPORTED_OPS = frozenset(
    """Abs Add And Attention Cast Concat Constant ConstantOfShape Cos Div Dropout
    Equal Erf Exp Expand Flatten Gather Gelu Gemm Greater GreaterOrEqual Identity
    LayerNormalization Less LessOrEqual Log MatMul Max Min Mul Neg Not Or Pow Range
    Reciprocal ReduceMax ReduceMean ReduceSum Relu Reshape RMSNormalization
    RotaryEmbedding Shape Sigmoid Sin Slice Softmax Split Sqrt Squeeze Sub Tanh
    Transpose Trilu Unsqueeze Where""".split()
)

MIN_OPSET = 17
MAX_OPSET = 23
# torch.finfo(torch.float32).min, what HF models use as the "masked" value.
FP32_MIN = float(np.finfo(np.float32).min)
INT64_MAX = int(np.iinfo(np.int64).max)


def check_opset(opset: int) -> int:
    opset = int(opset)
    if not MIN_OPSET <= opset <= MAX_OPSET:
        raise ValueError(f"opset must be in [{MIN_OPSET}, {MAX_OPSET}], got {opset}")
    return opset


class GraphBuilder:
    def __init__(self, opset: int):
        self.opset = check_opset(opset)
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self.inputs: list[onnx.ValueInfoProto] = []
        self.outputs: list[onnx.ValueInfoProto] = []
        self._scope: list[str] = []
        self._counters: dict[tuple[str, str], int] = {}
        self._init_names: set[str] = set()

    # ------------------------------------------------------------------ naming
    @contextlib.contextmanager
    def scope(self, name: str):
        self._scope.append(name)
        try:
            yield
        finally:
            self._scope.pop()

    def _node_name(self, op_type: str) -> str:
        prefix = "/" + "/".join(self._scope) if self._scope else ""
        key = (prefix, op_type)
        k = self._counters.get(key, 0)
        self._counters[key] = k + 1
        return f"{prefix}/{op_type}" + (f"_{k}" if k else "")

    # ----------------------------------------------------------- graph pieces
    def input(self, name: str, elem_type: int, shape: Sequence) -> str:
        self.inputs.append(helper.make_tensor_value_info(name, elem_type, list(shape)))
        return name

    def output(self, name: str, elem_type: int, shape: Sequence) -> str:
        self.outputs.append(helper.make_tensor_value_info(name, elem_type, list(shape)))
        return name

    def weight(self, name: str, array: np.ndarray) -> str:
        if name in self._init_names:
            raise ValueError(f"duplicate initializer {name}")
        arr = np.asarray(array)
        if arr.dtype == np.float64:
            arr = arr.astype(np.float32)
        self._init_names.add(name)
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def op(self, op_type: str, inputs: Iterable[str], n_out: int = 1, out_names=None, **attrs):
        """Append a node; returns its output name (or list of names if n_out > 1).

        ``out_names`` overrides the torch-style ``<node>_output_<i>`` names (used for
        graph outputs such as ``logits``); a ``None`` entry keeps the torch-style name.
        """
        name = self._node_name(op_type)
        if out_names:
            outs = [o or f"{name}_output_{i}" for i, o in enumerate(out_names)]
        else:
            outs = [f"{name}_output_{i}" for i in range(n_out)]
        n_out = len(outs)
        attrs = {k: v for k, v in attrs.items() if v is not None}
        self.nodes.append(helper.make_node(op_type, list(inputs), outs, name=name, **attrs))
        return outs[0] if n_out == 1 else outs

    def const(self, value, dtype=None) -> str:
        """A ``Constant`` node (scalars stay 0-d, lists become 1-d)."""
        arr = np.asarray(value, dtype=dtype)
        if arr.dtype == np.float64:
            arr = arr.astype(np.float32)
        name = self._node_name("Constant")
        out = f"{name}_output_0"
        self.nodes.append(
            helper.make_node("Constant", [], [out], name=name, value=numpy_helper.from_array(arr))
        )
        return out

    def i64(self, value) -> str:
        return self.const(value, np.int64)

    def f32(self, value) -> str:
        return self.const(value, np.float32)

    # ------------------------------------------------ opset-dependent helpers
    def _reduce_axes(self, op_type: str, x: str, axes, keepdims: int, attr_before: int):
        axes = [int(a) for a in axes]
        if self.opset < attr_before:
            return self.op(op_type, [x], axes=axes, keepdims=keepdims)
        return self.op(op_type, [x, self.i64(axes)], keepdims=keepdims)

    def reduce_mean(self, x, axes, keepdims=1):
        return self._reduce_axes("ReduceMean", x, axes, keepdims, 18)

    def reduce_max(self, x, axes, keepdims=1):
        return self._reduce_axes("ReduceMax", x, axes, keepdims, 18)

    def reduce_sum(self, x, axes, keepdims=1):
        return self._reduce_axes("ReduceSum", x, axes, keepdims, 13)

    def unsqueeze(self, x, axes):
        return self.op("Unsqueeze", [x, self.i64(list(axes))])

    def squeeze(self, x, axes):
        return self.op("Squeeze", [x, self.i64(list(axes))])

    def split(self, x, sizes, axis):
        return self.op("Split", [x, self.i64(list(sizes))], n_out=len(sizes), axis=axis)

    def slice(self, x, starts, ends, axes, steps=None):
        """Slice; each of starts/ends/axes/steps is a value name or a Python list."""
        ins = []
        for v in (starts, ends, axes) + ((steps,) if steps is not None else ()):
            ins.append(v if isinstance(v, str) else self.i64(list(v)))
        return self.op("Slice", [x] + ins)

    def dim(self, x, index) -> str:
        """Scalar int64 size of ``x`` along ``index`` via the Shape -> Gather chain."""
        return self.op("Gather", [self.op("Shape", [x]), self.i64(index)], axis=0)

    def shape_of(self, dims) -> str:
        """1-D shape tensor from scalars (value names, Unsqueeze-d) and ints (Constants).

        This is the ``Unsqueeze -> Concat`` pattern torch emits for ``x.view(b, s, h, d)``.
        """
        parts = []
        for d in dims:
            parts.append(self.unsqueeze(d, [0]) if isinstance(d, str) else self.i64([int(d)]))
        return self.op("Concat", parts, axis=0)

    # ---------------------------------------------------------------- finish
    def model(self, graph_name: str, doc: str = "") -> onnx.ModelProto:
        graph = helper.make_graph(
            self.nodes, graph_name, self.inputs, self.outputs, self.initializers
        )
        opsets = [helper.make_opsetid("", self.opset)]
        model = helper.make_model(
            graph,
            opset_imports=opsets,
            producer_name="wafer.models",
            producer_version="0.1",
            doc_string=doc,
        )
        model.ir_version = helper.find_min_ir_version_for(opsets)
        return model


def op_histogram(model: onnx.ModelProto) -> dict[str, int]:
    hist: dict[str, int] = {}
    for n in model.graph.node:
        hist[n.op_type] = hist.get(n.op_type, 0) + 1
    return dict(sorted(hist.items()))


FLOAT = TensorProto.FLOAT
INT64 = TensorProto.INT64
BOOL = TensorProto.BOOL
