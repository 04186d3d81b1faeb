"""onnxruntime's MatMul as a peer for the Wafer GEMM/GEMV benchmarks.

Each shape is a one-node ONNX model, C[M, N] = MatMul(A[M, K], B[K, N]), with
B a constant initializer (a weight, which onnxruntime pre-packs when it
creates the session, as Wafer packs its PackedWeights once). The session runs
on the CPU execution provider with `intra_op_num_threads` = the benchmark's
thread count, `inter_op_num_threads` = 1, sequential execution and all graph
optimizations. Inputs and the output are bound once (IOBinding into a
preallocated array), so a timed call is one `run_with_iobinding`: the
onnxruntime kernel plus a few microseconds of Python and session overhead,
which matters only for the smallest shapes (see `call_overhead_us`).

Timing: warm-up calls, then `repetitions` samples of at least `min_time`
seconds each; every sample is the mean time per call over its calls, and the
result is the median sample.

Needs the `onnx` and `onnxruntime` packages of python/requirements.txt and
numpy.
"""
import statistics
import time

import numpy as np

try:
    import onnx
    import onnx.helper
    import onnx.numpy_helper
    import onnxruntime as ort
except ImportError as e:  # reported by the caller
    IMPORT_ERROR = e
else:
    IMPORT_ERROR = None

OPSET = 17


def available():
    """None when onnxruntime can be used, else the reason it cannot."""
    if IMPORT_ERROR is not None:
        return f"onnxruntime peer unavailable: {IMPORT_ERROR}"
    return None


def version():
    return None if IMPORT_ERROR is not None else ort.__version__


def matmul_model(M, N, K, seed=2):
    """Serialized one-node MatMul model with B as an initializer."""
    rng = np.random.default_rng(seed)
    b = rng.uniform(-1.0, 1.0, size=(K, N)).astype(np.float32)
    graph = onnx.helper.make_graph(
        [onnx.helper.make_node("MatMul", ["A", "B"], ["C"])],
        "matmul",
        [onnx.helper.make_tensor_value_info("A", onnx.TensorProto.FLOAT, [M, K])],
        [onnx.helper.make_tensor_value_info("C", onnx.TensorProto.FLOAT, [M, N])],
        initializer=[onnx.numpy_helper.from_array(b, "B")],
    )
    model = onnx.helper.make_model(
        graph, opset_imports=[onnx.helper.make_opsetid("", OPSET)],
        producer_name="wafer-bench")
    model.ir_version = 8  # what an opset-17 exporter writes
    onnx.checker.check_model(model)
    return model.SerializeToString()


def session_options(threads, spinning=True):
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    if not spinning:
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return so


class BoundMatMul:
    """A session for one shape with its input and output bound once."""

    def __init__(self, model_bytes, M, N, K, threads, seed=1, spinning=True):
        self.session = ort.InferenceSession(
            model_bytes, sess_options=session_options(threads, spinning),
            providers=["CPUExecutionProvider"])
        rng = np.random.default_rng(seed)
        self.a = rng.uniform(-1.0, 1.0, size=(M, K)).astype(np.float32)
        self.c = np.empty((M, N), dtype=np.float32)
        self.binding = self.session.io_binding()
        self.binding.bind_cpu_input("A", self.a)
        self.binding.bind_output("C", "cpu", 0, np.float32, [M, N],
                                 self.c.ctypes.data)

    def run(self):
        self.session.run_with_iobinding(self.binding)


def _time_calls(calls, min_time, repetitions, warmup_time):
    """Median over samples of the mean seconds per call; `calls` is a list of
    callables used round-robin (one per weight copy)."""
    n = len(calls)
    i = 0
    start = time.perf_counter()
    warm = 0
    while warm < max(3, n) or time.perf_counter() - start < warmup_time:
        calls[i % n]()
        i += 1
        warm += 1
    # Calls per sample from the warm-up rate.
    per_call = (time.perf_counter() - start) / warm
    count = max(n, int(min_time / max(per_call, 1e-7)) + 1)
    samples = []
    for _ in range(repetitions):
        t0 = time.perf_counter()
        for _ in range(count):
            calls[i % n]()
            i += 1
        samples.append((time.perf_counter() - t0) / count)
    return statistics.median(samples), samples


def measure_matmul(M, N, K, threads, repetitions=5, min_time=0.1,
                   warmup_time=0.05, copies=1):
    """Seconds per call (median) of C = A[M, K] x B[K, N] and the samples.

    copies > 1 creates that many sessions, each with its own copy of B, and
    cycles through them (cold weights for the GEMV, as BM_GemvCold_f32).
    Each session has its own thread pool, whose threads by default spin for
    a while after every call; with several sessions the idle pools' spinning
    would take the cores from the active one, so for copies > 1 the pools
    block instead (session.intra_op.allow_spinning = 0). Those calls read
    >= 64 MB each, so the wake-up cost it adds (microseconds) is noise."""
    model = matmul_model(M, N, K)
    sessions = [BoundMatMul(model, M, N, K, threads, spinning=copies == 1)
                for _ in range(copies)]
    del model
    seconds, samples = _time_calls([s.run for s in sessions], min_time,
                                   repetitions, warmup_time)
    return seconds, samples


def call_overhead_us(threads):
    """Median time of a 1 x 1 x 1 MatMul call: the fixed per-call cost that
    the rates of small shapes include."""
    seconds, _ = measure_matmul(1, 1, 1, threads, repetitions=5, min_time=0.05)
    return seconds * 1e6


def cold_copies(N, K, min_bytes=1 << 30):
    """Weight copies that make the rotation stream >= min_bytes (the rule of
    BM_GemvCold_f32, so both read their weights from DRAM)."""
    return max(2, -(-min_bytes // (4 * N * K)))
