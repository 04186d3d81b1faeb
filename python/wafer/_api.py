"""``wafer.compile``, ``wafer.Binary`` and ``wafer.Runtime``.

The extension (``wafer._core``) is imported on first use, so that
``import wafer`` works without it; docs/python.md is the guide.
"""

import json
import os
import shutil
import tempfile
from typing import Dict, List, NamedTuple, Tuple

import numpy as np

from wafer.errors import CompileError, Diagnostic
from wafer.errors import RuntimeError as RuntimeError_
from wafer._load import core as _core

# numpy's dtype of each element type; bf16, which numpy lacks, travels as
# float32 (exactly: every bf16 value is one) or as its uint16 bits.
_NUMPY_DTYPES = {
    "f32": np.dtype(np.float32),
    "f16": np.dtype(np.float16),
    "bf16": np.dtype(np.float32),
    "f64": np.dtype(np.float64),
    "i64": np.dtype(np.int64),
    "i32": np.dtype(np.int32),
    "bool": np.dtype(np.bool_),
}
# The dtype of the bytes the runtime takes and gives.
_STORAGE_DTYPES = dict(_NUMPY_DTYPES, bf16=np.dtype(np.uint16))

_REPORT_SUFFIX = ".report.json"


class TensorInfo(NamedTuple):
    """A model input or output: its ONNX name, Wafer's element type
    ("f32", "f16", "bf16", "f64", "i64", "i32", "bool") and shape."""

    name: str
    dtype: str
    shape: Tuple[int, ...]

    @property
    def numpy_dtype(self):
        """The dtype ``Runtime.run`` takes and returns (float32 for bf16)."""
        return _NUMPY_DTYPES[self.dtype]


class Signature(NamedTuple):
    inputs: List[TensorInfo]
    outputs: List[TensorInfo]


def _infos(specs):
    return [TensorInfo(name, dtype, tuple(int(d) for d in shape))
            for name, dtype, shape in specs]


def _name_value_list(what, mapping, format_value):
    if mapping is None:
        return []
    if not isinstance(mapping, dict):
        raise TypeError(f"{what} must be a dict, not {type(mapping).__name__}")
    return [f"{name}={format_value(name, value)}" for name, value in mapping.items()]


def _dim(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"dims[{name!r}] must be an int, not {value!r}")
    return str(int(value))


def _pin(name, value):
    if isinstance(value, str):
        return value
    x, y = value
    return f"{int(x)}:{int(y)}"


def _band(name, value):
    if isinstance(value, str):
        return value
    y0, y1 = value
    return f"{int(y0)}-{int(y1)}"


def compile(model, dims=None, target="wse3", strategy="auto", *,
            mesh=None, sram_kb=0, colors=0, clock_mhz=0, seed=1, effort=200,
            pins=None, bands=None, pe="auto", fuse=True, max_seq=None,
            prefill_lengths=None) -> "Binary":
    """Compiles an ONNX model to a kernel binary, as ``waferc model.onnx
    --dim ... -o model.wfb`` does.

    ``model`` is a path or an ``onnx.ModelProto`` (whose weights must be
    inline, or external data relative to the working directory). ``dims``
    binds symbolic input dimensions (``{"batch": 1, "seq": 128}``). The
    rest are waferc's options: ``target`` ("wse2", "wse3"), ``strategy``
    ("auto", "pipeline", "shared"), ``mesh`` ("WxH"), ``sram_kb``,
    ``colors``, ``clock_mhz``, ``seed`` and ``effort`` of the placer,
    ``pins`` ({kernel: (x, y)}), ``bands`` ({kernel: (y0, y1)}), ``pe``
    ("auto", "on", "off": the per-PE programs that mode="sim" runs),
    ``fuse`` (False: waferc --no-fuse), and for a decode model (Hugging
    Face ``with_past`` I/O) ``max_seq``, the KV cache's capacity, and
    ``prefill_lengths``, the prompt lengths of its prefill programs
    (waferc --max-seq, --prefill-lengths): the binary then generates with
    ``Runtime.generate``.

    Raises ``wafer.CompileError`` with the diagnostics when the compiler
    refuses the model. The GIL is released while it compiles.
    """
    model_bytes = None
    if isinstance(model, (str, os.PathLike)):
        input_name = os.fspath(model)
    elif hasattr(model, "SerializeToString"):
        model_bytes = model.SerializeToString()
        input_name = (model.graph.name or "model") + ".onnx"
    else:
        raise TypeError("model must be a path or an onnx.ModelProto, not "
                        f"{type(model).__name__}")
    for name, value in (("target", target), ("strategy", strategy), ("pe", pe)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {value!r}")
    ext = _core()
    work = tempfile.TemporaryDirectory(prefix="wafer-binary-")
    output = os.path.join(work.name, "model.wfb")
    ok, diagnostics, report_json = ext.compile(
        input=input_name, model=model_bytes, output=output,
        dims=_name_value_list("dims", dims, _dim),
        target=target, mesh=mesh or "", sram_kb=int(sram_kb),
        colors=int(colors), clock_mhz=int(clock_mhz), strategy=strategy,
        seed=int(seed), effort=int(effort),
        pins=_name_value_list("pins", pins, _pin),
        bands=_name_value_list("bands", bands, _band),
        pe=pe, no_fuse=not fuse,
        max_seq=None if max_seq is None else int(max_seq),
        prefill_lengths=[int(n) for n in (prefill_lengths or [])],
        # The binary lives in a folder of its own: it keeps the weights.
        external_weights="copy")
    diagnostics = [Diagnostic.from_dict(d) for d in diagnostics]
    if not ok:
        work.cleanup()
        raise CompileError(diagnostics)
    binary = Binary._open(output, json.loads(report_json) if report_json else None)
    binary._workdir = work
    binary.diagnostics = diagnostics
    return binary


class Binary:
    """A kernel binary (.wfb): what ``wafer.compile`` returns and
    ``Binary.load`` reads. ``diagnostics`` holds a compile's warnings and
    notes (why it has no per-PE programs, for one)."""

    def __init__(self):
        raise TypeError("use wafer.compile(...) or wafer.Binary.load(path)")

    @classmethod
    def _open(cls, path, report):
        self = object.__new__(cls)
        self._workdir = None
        self._path = os.fspath(path)
        self._report = report
        self.diagnostics = []
        inputs, outputs, self.target, self.has_pe_design = \
            _core().read_binary(self._path)
        self.signature = Signature(_infos(inputs), _infos(outputs))
        return self

    @classmethod
    def load(cls, path) -> "Binary":
        """Reads and validates the .wfb at ``path`` (a ``wafer.RuntimeError``
        if it is not one), and the mapping report saved beside it."""
        path = os.fspath(path)
        report = None
        if os.path.exists(path + _REPORT_SUFFIX):
            with open(path + _REPORT_SUFFIX) as f:
                report = json.load(f)
        return cls._open(path, report)

    @property
    def path(self) -> str:
        """Where the binary is: a temporary file for a compiled one, kept
        as long as the Binary is."""
        return self._path

    def save(self, path):
        """Writes the binary to ``path``, and its mapping report beside it
        as ``path + ".report.json"`` (what ``Binary.load`` reads back)."""
        path = os.fspath(path)
        if os.path.abspath(path) != os.path.abspath(self._path):
            shutil.copyfile(self._path, path)
        if self._report is not None:
            with open(path + _REPORT_SUFFIX, "w") as f:
                json.dump(self._report, f, indent=2)
                f.write("\n")

    def report(self) -> dict:
        """The mapping report, as ``waferc --report-json`` writes it."""
        if self._report is None:
            raise ValueError(
                f"'{self._path}' has no mapping report: it is saved beside "
                f"the binary as '{self._path}{_REPORT_SUFFIX}' by "
                "Binary.save (or waferc --report-json)")
        return json.loads(json.dumps(self._report))

    def __repr__(self):
        return (f"<wafer.Binary {self._path!r} target={self.target!r} "
                f"inputs={[i.name for i in self.signature.inputs]} "
                f"outputs={[o.name for o in self.signature.outputs]}>")


class Runtime:
    """Runs a binary: ``mode="fast"``, the host runtime on the optimized
    kernels, or ``mode="sim"``, the cycle-level fabric simulator of the
    binary's pe design (``wafer-run --mode=sim``).

    ``threads``: fast, the kernels' threads (None: OpenMP's default);
    sim, the threads that each simulate a band of mesh rows (None: the
    cores). ``weights`` ("f32" or "bf16"): fast mode's storage of matmul
    weights. ``cycle_limit`` and ``queue_depth``: sim mode's. ``target``:
    refuse a binary compiled for another target.
    """

    def __init__(self, binary, mode="fast", threads=None, *, weights="f32",
                 cycle_limit=100_000_000, queue_depth=4, target=""):
        if isinstance(binary, (str, os.PathLike)):
            binary = Binary.load(binary)
        if not isinstance(binary, Binary):
            raise TypeError("binary must be a wafer.Binary or a path, not "
                            f"{type(binary).__name__}")
        if mode not in ("fast", "sim"):
            raise ValueError(f"unknown mode {mode!r}; the modes are 'fast' "
                             "and 'sim'")
        if threads is not None and (
                isinstance(threads, bool) or not isinstance(threads, int)
                or not 1 <= threads <= 1024):
            raise ValueError(f"threads must be None or an int from 1 to 1024, "
                             f"not {threads!r}")
        self.binary = binary
        self.mode = mode
        #: sim mode: what the last run did ({"cycles": N, "slots": [...]}).
        self.last_run = None
        #: after generate(): its timing (tokens_per_s, first_token_ms, ...).
        self.last_generate = None
        core = _core()
        if mode == "fast":
            self._impl = core.FastRuntime(binary.path, threads or 0, weights,
                                          target)
        else:
            self._impl = core.SimRuntime(binary.path, threads or 0,
                                         int(cycle_limit), int(queue_depth),
                                         target)
        self.inputs = _infos(self._impl.inputs)
        self.outputs = _infos(self._impl.outputs)

    @property
    def threads(self) -> int:
        return self._impl.threads

    def _input_arrays(self, feeds, storage):
        if not isinstance(feeds, dict):
            raise TypeError(f"run takes a dict {{input name: array}}, not "
                            f"{type(feeds).__name__}")
        known = {i.name for i in self.inputs}
        unknown = [n for n in feeds if n not in known]
        if unknown:
            raise ValueError(f"unknown input {unknown[0]!r}; the model's inputs "
                             f"are {sorted(known) or 'none'}")
        missing = [f"{i.name!r} {i.dtype}{list(i.shape)}" for i in self.inputs
                   if i.name not in feeds]
        if missing:
            raise ValueError(f"missing inputs: {', '.join(missing)}")
        arrays = []
        for info in self.inputs:
            value = np.asarray(feeds[info.name])
            arrays.append(self._convert_input(info, value, storage))
        return arrays

    @staticmethod
    def _convert_input(info, value, storage):
        if value.shape != info.shape:
            raise ValueError(f"input {info.name!r}: shape {value.shape}, the "
                             f"model takes {info.shape}")
        dtype = value.dtype
        half = info.dtype in ("f16", "bf16")
        if storage == "f32-io" and info.dtype in ("f32", "f16", "bf16"):
            # The simulator moves f32: a 16-bit input is widened, exactly.
            accepted = {np.dtype(np.float32), _NUMPY_DTYPES[info.dtype]}
            if info.dtype == "bf16":
                accepted.add(np.dtype(np.uint16))
            if dtype not in accepted:
                raise _dtype_error(info, dtype)
            if info.dtype == "bf16" and dtype == np.uint16:
                value = (value.astype(np.uint32) << 16).view(np.float32)
            elif info.dtype == "bf16":
                value = _bf16_bits(value)
                value = (value.astype(np.uint32) << 16).view(np.float32)
            return np.ascontiguousarray(value, dtype=np.float32)
        want = _STORAGE_DTYPES[info.dtype]
        if dtype == want:
            return np.ascontiguousarray(value)
        # As wafer-run: float32 for f16 and bf16 (rounded to nearest even),
        # and a bf16 input's uint16 bits.
        if half and dtype == np.float32:
            if info.dtype == "f16":
                return np.ascontiguousarray(value.astype(np.float16))
            return _bf16_bits(value)
        raise _dtype_error(info, dtype)

    def run(self, inputs: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
        """Runs the model once on ``{input name: array}`` and returns
        ``{output name: array}``.

        Each input must have the input's shape and dtype (``TensorInfo
        .numpy_dtype``; float32 is also taken for f16 and bf16 inputs,
        and uint16 bits for bf16); a C-contiguous array of that dtype is
        read where it is, anything else is copied first. The outputs are
        new arrays the runtime writes into (bf16 ones widened to float32).
        A wrong name, dtype or shape is a ValueError; a failure of the
        runtime a ``wafer.RuntimeError``. The GIL is released while it
        runs.
        """
        if self.mode == "sim":
            return self._run_sim(inputs)
        arrays = self._input_arrays(inputs, "bytes")
        outputs = [np.empty(o.shape, _STORAGE_DTYPES[o.dtype]) for o in self.outputs]
        self._impl.run(arrays, outputs)
        result = {}
        for info, array in zip(self.outputs, outputs):
            if info.dtype == "bf16":
                array = (array.astype(np.uint32) << 16).view(np.float32)
            result[info.name] = array
        return result

    def generate(self, prompt_ids, max_new_tokens: int) -> np.ndarray:
        """Greedy-decodes ``max_new_tokens`` tokens after ``prompt_ids``
        with a decode binary (``wafer.compile(..., max_seq=N)`` or ``waferc
        --max-seq``), as ``wafer-run --generate``: a prefill, then one-token
        steps with the KV cache kept in place, from empty caches.

        ``prompt_ids``: integer token ids, ``[batch, length]`` or
        ``[length]``. Returns int64 ``[batch, max_new_tokens]``; the timing
        is in ``last_generate`` (``tokens_per_s``, ``first_token_ms``,
        ``modeled_tokens_per_s``, ``prefill_tokens``). A prompt of the wrong
        dtype or rank, or a token count below 1, is a ValueError; a binary
        that is no decode binary, or a prompt that does not fit it (batch,
        length, ids), a ``wafer.RuntimeError``. The GIL is released while
        it runs.
        """
        if self.mode != "fast":
            raise RuntimeError_("generate runs in fast mode: the simulator "
                                "has no lowering of attention yet")
        ids = np.asarray(prompt_ids)
        if not np.issubdtype(ids.dtype, np.integer):
            raise ValueError(f"prompt_ids: dtype {ids.dtype}; token ids are "
                             "integers")
        if ids.ndim == 1:
            ids = ids[None, :]
        if ids.ndim != 2 or ids.shape[0] < 1 or ids.shape[1] < 1:
            raise ValueError(f"prompt_ids: shape {ids.shape}; expected "
                             "[batch, length] or [length], with at least "
                             "one token")
        if isinstance(max_new_tokens, bool) or not isinstance(
                max_new_tokens, (int, np.integer)) or max_new_tokens < 1:
            raise ValueError(f"max_new_tokens must be an int >= 1, not "
                             f"{max_new_tokens!r}")
        tokens = np.empty((ids.shape[0], int(max_new_tokens)), np.int64)
        first, steps, prefill, modeled = self._impl.generate(
            np.ascontiguousarray(ids, dtype=np.int64), int(max_new_tokens),
            tokens)
        self.last_generate = {
            "tokens_per_s": (max_new_tokens - 1) / steps if steps > 0 else 0.0,
            "first_token_ms": first * 1e3,
            "modeled_tokens_per_s": modeled,
            "prefill_tokens": prefill,
        }
        return tokens

    def _run_sim(self, inputs):
        arrays = self._input_arrays(inputs, "f32-io")
        outputs = [np.zeros(o.shape, np.float32) for o in self.outputs]
        self.last_run = self._impl.run(arrays, outputs)
        result = {}
        for info, array in zip(self.outputs, outputs):
            if info.dtype == "f16":
                array = array.astype(np.float16)
            elif info.dtype == "bf16":
                array = (_bf16_bits(array).astype(np.uint32) << 16).view(np.float32)
            result[info.name] = array
        return result

    def __repr__(self):
        return f"<wafer.Runtime mode={self.mode!r} binary={self.binary.path!r}>"


def _dtype_error(info, dtype):
    also = {"f16": " (or float32)", "bf16": " (or float32, or uint16 bits)"}
    return ValueError(f"input {info.name!r}: dtype {dtype}, the model takes "
                      f"{info.numpy_dtype}{also.get(info.dtype, '')} "
                      f"({info.dtype})")


def _bf16_bits(values):
    """float32 values as bf16 bits, rounded as the runtime rounds."""
    values = np.ascontiguousarray(values, dtype=np.float32)
    bits = np.empty(values.shape, np.uint16)
    _core().float_to_bf16(values.reshape(-1), bits.reshape(-1))
    return bits
