"""The Python package: wafer.compile, wafer.Binary and wafer.Runtime.

Everything goes through the package (its extension wafer._core, found
through WAFER_BIN_DIR as the test command sets it). The references are
independent of it: onnxruntime's outputs, numpy's, the ONNX model's own
graph inputs and outputs, and waferc's and wafer-run's command-line
outputs for the same model and options.
"""

import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper

import wafer
from wafer import models

RTOL = 1e-4
BATCH, SEQ = 2, 8
DIMS = {"batch": BATCH, "seq": SEQ}

pytestmark = pytest.mark.usefixtures("wafer_extension")


def rel_error(got, want):
    scale = np.abs(want).max()
    return np.abs(got.astype(np.float64) - want).max() / (scale if scale else 1)


def assert_matches_onnxruntime(outputs, onnx_path, feeds, rtol=RTOL):
    ref = models.reference_outputs(onnx_path, feeds)
    assert set(outputs) == set(ref)
    for name, want in ref.items():
        assert outputs[name].shape == want.shape, name
        assert outputs[name].dtype == want.dtype, name
        assert rel_error(outputs[name], want) <= rtol, name


@pytest.fixture(scope="module")
def gpt2(tmp_path_factory):
    d = tmp_path_factory.mktemp("gpt2")
    path = d / "gpt2.onnx"
    models.save(models.build("gpt2", 17), path)
    return path


@pytest.fixture(scope="module")
def gpt2_binary(gpt2):
    return wafer.compile(gpt2, dims=DIMS)


def elementwise_model(dtype=TensorProto.FLOAT, shape=(3, 5)):
    """y = exp(x * x): kernels the compiler lowers to per-PE programs."""
    graph = helper.make_graph(
        [helper.make_node("Mul", ["x", "x"], ["sq"], name="square"),
         helper.make_node("Exp", ["sq"], ["y"], name="exp")],
        "square_exp",
        [helper.make_tensor_value_info("x", dtype, list(shape))],
        [helper.make_tensor_value_info("y", dtype, list(shape))])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


# --- compile ---------------------------------------------------------------

def test_signature_is_the_models(gpt2_binary, gpt2):
    graph = onnx.load(str(gpt2)).graph
    sig = gpt2_binary.signature
    assert [i.name for i in sig.inputs] == [i.name for i in graph.input]
    assert [o.name for o in sig.outputs] == [o.name for o in graph.output]
    ids = sig.inputs[0]
    assert (ids.dtype, ids.shape, ids.numpy_dtype) == ("i64", (BATCH, SEQ), np.int64)
    logits = sig.outputs[0]
    vocab = graph.output[0].type.tensor_type.shape.dim[2].dim_value
    assert (logits.dtype, logits.shape) == ("f32", (BATCH, SEQ, vocab))


def test_report_is_waferc_report_json(tools, gpt2, tmp_path):
    binary = wafer.compile(gpt2, dims=DIMS, target="wse2", strategy="pipeline")
    tools.run("waferc", gpt2, "--dim", f"batch={BATCH}", "--dim", f"seq={SEQ}",
              "--target", "wse2", "--strategy", "pipeline",
              "--report-json", tmp_path / "r.json", "-o", tmp_path / "m.wfb")
    assert binary.report() == json.loads((tmp_path / "r.json").read_text())
    assert binary.report()["target"] == "wse2"


def test_binary_is_waferc_binary(tools, gpt2, gpt2_binary, tmp_path):
    """The same options give the same kernel binary as waferc, byte for
    byte (the manifest names the same source)."""
    tools.run("waferc", gpt2, "--dim", f"batch={BATCH}", "--dim", f"seq={SEQ}",
              "-o", tmp_path / "cli.wfb")
    gpt2_binary.save(tmp_path / "py.wfb")
    assert (tmp_path / "py.wfb").read_bytes() == (tmp_path / "cli.wfb").read_bytes()


def test_compile_options_reach_the_compiler(tools, gpt2, tmp_path):
    binary = wafer.compile(gpt2, dims={"batch": 1, "seq": 4}, mesh="64x64",
                           seed=7, effort=0, fuse=False, pe="off")
    tools.run("waferc", gpt2, "--dim", "batch=1", "--dim", "seq=4",
              "--mesh", "64x64", "--seed", "7", "--effort", "0", "--no-fuse",
              "--pe=off", "--report-json", tmp_path / "r.json",
              "-o", tmp_path / "m.wfb")
    assert binary.report() == json.loads((tmp_path / "r.json").read_text())
    assert binary.report()["mesh"] == [64, 64]


def test_compile_a_model_proto_and_run_it(tmp_path):
    model = models.build("bert", 23)
    binary = wafer.compile(model, dims=DIMS)
    feeds = models.example_inputs("bert", batch=BATCH, seq=SEQ, seed=3)
    outputs = wafer.Runtime(binary).run(feeds)
    path = tmp_path / "bert.onnx"
    models.save(model, path)
    assert_matches_onnxruntime(outputs, path, feeds)


# --- run -------------------------------------------------------------------

@pytest.mark.parametrize("name,opset", [("gpt2", 17), ("llama", 23), ("bert", 17)])
def test_fast_mode_matches_onnxruntime(tmp_path, name, opset):
    path = tmp_path / "model.onnx"
    models.save(models.build(name, opset), path)
    rt = wafer.Runtime(wafer.compile(path, dims=DIMS), mode="fast", threads=2)
    assert rt.threads == 2
    feeds = models.example_inputs(name, batch=BATCH, seq=SEQ, seed=opset)
    outputs = rt.run(feeds)
    assert_matches_onnxruntime(outputs, path, feeds)
    # A second run on other inputs: nothing of the first is left over.
    feeds = models.example_inputs(name, batch=BATCH, seq=SEQ, seed=opset + 1)
    assert_matches_onnxruntime(rt.run(feeds), path, feeds)


def test_run_matches_wafer_run(tools, gpt2, gpt2_binary, tmp_path):
    from wafer.testing.wafer_run import run_binary
    gpt2_binary.save(tmp_path / "m.wfb")
    feeds = models.example_inputs("gpt2", batch=BATCH, seq=SEQ, seed=5)
    cli, _ = run_binary(tools.path("wafer-run"), tmp_path / "m.wfb", feeds,
                        tmp_path / "run")
    got = wafer.Runtime(gpt2_binary).run(feeds)
    np.testing.assert_array_equal(got["logits"], cli["logits"])


def test_any_layout_is_taken(gpt2_binary):
    """A C-contiguous array is read in place; another layout is copied
    first and gives the same outputs."""
    rt = wafer.Runtime(gpt2_binary)
    ids = models.example_inputs("gpt2", batch=BATCH, seq=SEQ, seed=1)["input_ids"]
    fortran = np.asfortranarray(ids)
    strided = np.repeat(ids, 2, axis=1)[:, ::2]
    assert not strided.flags.c_contiguous and not fortran.flags.c_contiguous
    want = rt.run({"input_ids": ids})["logits"]
    for layout in (fortran, strided, ids.tolist()):
        np.testing.assert_array_equal(rt.run({"input_ids": layout})["logits"], want)
    readonly = ids.copy()
    readonly.flags.writeable = False
    np.testing.assert_array_equal(rt.run({"input_ids": readonly})["logits"], want)
    assert ids.flags.writeable  # inputs are not touched


def test_save_and_load(gpt2_binary, tmp_path):
    path = tmp_path / "saved.wfb"
    gpt2_binary.save(path)
    loaded = wafer.Binary.load(path)
    assert loaded.signature == gpt2_binary.signature
    assert loaded.report() == gpt2_binary.report()
    feeds = models.example_inputs("gpt2", batch=BATCH, seq=SEQ, seed=2)
    np.testing.assert_array_equal(wafer.Runtime(loaded).run(feeds)["logits"],
                                  wafer.Runtime(str(path)).run(feeds)["logits"])
    # Without the report beside it, the binary still loads and runs.
    (tmp_path / "saved.wfb.report.json").unlink()
    alone = wafer.Binary.load(path)
    with pytest.raises(ValueError, match="no mapping report"):
        alone.report()
    assert wafer.Runtime(alone).run(feeds)["logits"].shape == (BATCH, SEQ, 256)


def ticks_while(work):
    """Runs `work` on a thread and counts how often this thread ran
    Python meanwhile (about once a millisecond if `work` releases the
    GIL; a held GIL allows none but at the ends). (ticks, seconds)."""
    done = threading.Event()
    result = {}

    def target():
        try:
            result["value"] = work()
        finally:
            done.set()

    worker = threading.Thread(target=target)
    start = time.perf_counter()
    worker.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    assert "value" in result
    return ticks, time.perf_counter() - start


def test_compile_releases_the_gil(tmp_path):
    path = tmp_path / "bert.onnx"
    models.save(models.build("bert", 17, layers=4), path)
    ticks, seconds = ticks_while(lambda: wafer.compile(path, dims=DIMS))
    assert seconds < 0.02 or ticks >= 5, (ticks, seconds)


def test_run_releases_the_gil(tmp_path):
    path = tmp_path / "bert.onnx"
    # Deep enough for a run of some 50 ms on one thread.
    models.save(models.build("bert", 17, layers=16, max_pos=128), path)
    rt = wafer.Runtime(wafer.compile(path, dims={"batch": 8, "seq": 128}),
                       threads=1)
    feeds = models.example_inputs("bert", batch=8, seq=128, max_pos=128)
    ticks, seconds = ticks_while(lambda: rt.run(feeds))
    assert seconds < 0.02 or ticks >= 5, (ticks, seconds)


def test_compiles_on_two_threads_match_compiles_alone(tmp_path):
    paths = []
    for name in ("gpt2", "llama"):
        paths.append(tmp_path / f"{name}.onnx")
        models.save(models.build(name, 17), paths[-1])
    binaries = [wafer.compile(p, dims=DIMS) for p in paths]  # kept: their files
    alone = [Path(b.path).read_bytes() for b in binaries]
    together = [None, None]

    def work(i):
        binary = wafer.compile(paths[i], dims=DIMS)
        together[i] = Path(binary.path).read_bytes()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert together == alone


def test_runs_release_the_gil(gpt2_binary):
    """Two runtimes run at once on two threads, each matching a run alone."""
    feeds = [models.example_inputs("gpt2", batch=BATCH, seq=SEQ, seed=s)
             for s in (10, 11)]
    alone = [wafer.Runtime(gpt2_binary).run(f)["logits"] for f in feeds]
    runtimes = [wafer.Runtime(gpt2_binary, threads=1) for _ in feeds]
    got = [None, None]

    def work(i):
        for _ in range(3):
            got[i] = runtimes[i].run(feeds[i])["logits"]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for g, a in zip(got, alone):
        np.testing.assert_array_equal(g, a)


# --- sim mode --------------------------------------------------------------

def test_sim_mode_matches_numpy_and_wafer_run(tools, tmp_path):
    model = elementwise_model()
    path = tmp_path / "square_exp.onnx"
    onnx.save(model, str(path))
    binary = wafer.compile(path, mesh="8x8", pe="on")
    assert binary.has_pe_design
    x = np.linspace(-1.5, 1.4, 15, dtype=np.float32).reshape(3, 5)
    rt = wafer.Runtime(binary, mode="sim", threads=1)
    y = rt.run({"x": x})["y"]
    assert y.dtype == np.float32
    np.testing.assert_allclose(y, np.exp(x * x), rtol=1e-6)
    # Fast mode of the same binary and wafer-run's simulation agree.
    np.testing.assert_allclose(wafer.Runtime(binary).run({"x": x})["y"], y, rtol=1e-6)
    binary.save(tmp_path / "m.wfb")
    np.save(tmp_path / "x.npy", x)
    out = tools.run("wafer-run", tmp_path / "m.wfb", "--mode=sim",
                    "--input", f"x={tmp_path / 'x.npy'}",
                    "--output-dir", tmp_path / "out").stdout.decode()
    np.testing.assert_array_equal(np.load(tmp_path / "out" / "y.npy"), y)
    total = int(re.search(r"total: (\d+) cycles", out).group(1))
    assert rt.last_run["cycles"] == total
    assert [s["cycles"] for s in rt.last_run["slots"]] == [
        int(c) for c in re.findall(r"slot \d+: finished in (\d+) cycles", out)]


def test_sim_mode_f16(tmp_path):
    binary = wafer.compile(elementwise_model(TensorProto.FLOAT16), mesh="8x8", pe="on")
    x = np.linspace(-1.5, 1.4, 15, dtype=np.float32).reshape(3, 5)
    y = wafer.Runtime(binary, mode="sim").run({"x": x.astype(np.float16)})["y"]
    assert y.dtype == np.float16
    want = np.exp(x.astype(np.float16).astype(np.float32) ** 2)
    np.testing.assert_allclose(y.astype(np.float32), want, rtol=2e-3)


def test_sim_mode_needs_a_pe_design(gpt2_binary):
    assert not gpt2_binary.has_pe_design
    with pytest.raises(wafer.RuntimeError, match="no pe-design section"):
        wafer.Runtime(gpt2_binary, mode="sim")


def test_sim_cycle_limit_is_a_runtime_error():
    # 32 elements a PE take 32 cycles.
    binary = wafer.compile(elementwise_model(shape=(32, 32)), mesh="8x8", pe="on")
    rt = wafer.Runtime(binary, mode="sim", cycle_limit=10)
    with pytest.raises(wafer.RuntimeError, match="cycle limit reached after 10 cycles"):
        rt.run({"x": np.ones((32, 32), np.float32)})
    rt = wafer.Runtime(binary, mode="sim", cycle_limit=32)
    assert rt.run({"x": np.ones((32, 32), np.float32)})["y"].shape == (32, 32)


# --- errors ----------------------------------------------------------------

def test_compile_error_names_the_onnx_node():
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["a", "b"], ["y"], name="mismatched_matmul")],
        "g",
        [helper.make_tensor_value_info("a", TensorProto.FLOAT, [2, 3]),
         helper.make_tensor_value_info("b", TensorProto.FLOAT, [4, 5])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    with pytest.raises(wafer.CompileError) as info:
        wafer.compile(model)
    errors = info.value.errors
    assert len(errors) == 1
    assert errors[0].onnx_node == "mismatched_matmul"
    assert "3 vs 4" in errors[0].message
    assert any("mismatched_matmul" in n.message for n in errors[0].notes)
    assert "mismatched_matmul" in str(info.value)


def test_compile_error_of_an_unsupported_op_matches_waferc(tools, tmp_path):
    graph = helper.make_graph(
        [helper.make_node("Det", ["x"], ["y"], name="determinant")], "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [])])
    path = tmp_path / "det.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
              str(path))
    with pytest.raises(wafer.CompileError) as info:
        wafer.compile(path)
    cli = tools.run("waferc", path, "-o", tmp_path / "m.wfb", check=False)
    assert cli.returncode == 1
    stderr = cli.stderr.decode()
    for d in info.value.errors:
        assert d.message.splitlines()[0] in stderr
        for note in d.notes:
            assert note.message in stderr
    assert "Det" in info.value.errors[0].message


def test_unbound_dimension_is_a_compile_error(gpt2):
    with pytest.raises(wafer.CompileError, match="seq") as info:
        wafer.compile(gpt2, dims={"batch": 1})
    assert any("--dim seq=" in n.message for d in info.value.errors for n in d.notes)


def test_bad_options_are_compile_errors(gpt2):
    with pytest.raises(wafer.CompileError, match="strategy"):
        wafer.compile(gpt2, dims=DIMS, strategy="sideways")
    with pytest.raises(wafer.CompileError):
        wafer.compile(gpt2, dims=DIMS, target="wse9")
    with pytest.raises(wafer.CompileError):
        wafer.compile(gpt2, dims={"batch": 1, "seq": 0})
    with pytest.raises(wafer.CompileError):
        wafer.compile(Path("/nonexistent/model.onnx"))
    with pytest.raises(TypeError):
        wafer.compile(42)
    with pytest.raises(TypeError):
        wafer.compile(gpt2, dims={"batch": "one", "seq": 8})
    with pytest.raises(ValueError):
        wafer.compile(gpt2, dims=DIMS, pe="sometimes")


def test_pe_on_refuses_a_model_it_cannot_lower(gpt2):
    with pytest.raises(wafer.CompileError):
        wafer.compile(gpt2, dims=DIMS, pe="on")
    binary = wafer.compile(gpt2, dims=DIMS)  # pe="auto": a note says why
    assert any(d.severity == "note" and "no per-PE programs" in d.message
               for d in binary.diagnostics)


def test_wrong_inputs_are_value_errors(gpt2_binary):
    rt = wafer.Runtime(gpt2_binary)
    ids = np.zeros((BATCH, SEQ), np.int64)
    with pytest.raises(ValueError, match="unknown input 'ids'.*input_ids"):
        rt.run({"ids": ids})
    with pytest.raises(ValueError, match="missing inputs: 'input_ids' i64"):
        rt.run({})
    with pytest.raises(ValueError, match="dtype float64.*int64"):
        rt.run({"input_ids": ids.astype(np.float64)})
    with pytest.raises(ValueError, match="dtype int32"):
        rt.run({"input_ids": ids.astype(np.int32)})
    with pytest.raises(ValueError, match=r"shape \(2, 9\).*\(2, 8\)"):
        rt.run({"input_ids": np.zeros((BATCH, SEQ + 1), np.int64)})
    with pytest.raises(TypeError):
        rt.run([ids])
    with pytest.raises(ValueError, match="unknown mode"):
        wafer.Runtime(gpt2_binary, mode="slow")
    with pytest.raises(ValueError, match="threads"):
        wafer.Runtime(gpt2_binary, threads=0)
    with pytest.raises(ValueError, match="weights"):
        wafer.Runtime(gpt2_binary, weights="f8")


def test_runtime_errors(gpt2_binary, tmp_path):
    rt = wafer.Runtime(gpt2_binary)
    ids = np.full((BATCH, SEQ), 10**6, np.int64)  # beyond the vocabulary
    with pytest.raises(wafer.RuntimeError, match="out of range"):
        rt.run({"input_ids": ids})
    assert issubclass(wafer.RuntimeError, RuntimeError)
    with pytest.raises(wafer.RuntimeError, match="wse2"):
        wafer.Runtime(gpt2_binary, target="wse2")
    corrupt = tmp_path / "corrupt.wfb"
    data = bytearray(Path(gpt2_binary.path).read_bytes())
    data[len(data) // 2] ^= 0xFF
    corrupt.write_bytes(bytes(data))
    with pytest.raises(wafer.RuntimeError):
        wafer.Binary.load(corrupt)
    (tmp_path / "empty.wfb").write_bytes(b"")
    with pytest.raises(wafer.RuntimeError):
        wafer.Runtime(tmp_path / "empty.wfb")
    with pytest.raises(wafer.RuntimeError):
        wafer.Binary.load(tmp_path / "missing.wfb")


def test_import_without_the_extension(tmp_path):
    """`import wafer` and the builders work without the extension; the API
    says how to build it."""
    code = (
        "import wafer, wafer.models\n"
        "wafer.models.build('gpt2', 17)\n"
        "try:\n"
        "    wafer.compile('m.onnx')\n"
        "except ImportError as e:\n"
        "    print('ImportError:', e)\n")
    root = Path(__file__).resolve().parents[2]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root / "python"),
           "WAFER_CORE_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "ImportError:" in proc.stdout
    assert "pip install ." in proc.stdout and "WAFER_BIN_DIR" in proc.stdout
