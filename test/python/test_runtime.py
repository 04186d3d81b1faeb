"""The fast host runtime (wafer-run --mode=fast) against onnxruntime.

Every builder model (GPT-2, BERT, Llama; opsets 17 and 23; small configs)
and the real MiniLM model is compiled with waferc to a .wfb, run on random
inputs and compared with onnxruntime: float outputs within 1e-4 of the
output's largest magnitude, integer and bool outputs exactly. ONNX backend
node tests that cover every host op kind the importer produces check the
single ops against ONNX's own expected outputs. The rest checks wafer-run's
options: --check, --threads/--repeat/--timing-json, --report, --weights.
"""

import json
import re

import numpy as np
import pytest

from wafer import models
from wafer.real_model import DIMS as REAL_DIMS, real_model_path
from wafer.testing.wafer_run import max_errors, npy_name, run_binary, save_arrays

RTOL = 1e-4
BATCH, SEQ = 2, 8
DIMS = ["--dim", f"batch={BATCH}", "--dim", f"seq={SEQ}"]


def compile_wfb(tools, onnx_path, wfb_path, dims=DIMS):
    tools.run("waferc", onnx_path, *dims, "-o", wfb_path)
    return wfb_path


def assert_matches(got, ref, rtol=RTOL):
    assert set(got) == set(ref), (sorted(got), sorted(ref))
    for name, want in ref.items():
        have = got[name]
        assert have.shape == want.shape, name
        if np.issubdtype(want.dtype, np.floating):
            abs_err, rel_err = max_errors(have, want)
            assert rel_err <= rtol, f"{name}: max abs {abs_err:.3g}, rel {rel_err:.3g}"
        else:
            assert have.dtype == want.dtype, name
            assert np.array_equal(have, want), f"{name}: integer/bool outputs differ"


# Builder configs: the defaults, plus the variants that change the graph
# (BERT with token_type_ids, Llama with grouped-query attention).
BUILDER_CASES = [(name, {}) for name in sorted(models.BUILDERS)] + [
    ("bert", {"token_type_ids": True}),
    ("llama", {"kv_heads": 2}),
]


@pytest.mark.parametrize("opset", [17, 23])
@pytest.mark.parametrize("name,cfg", BUILDER_CASES,
                         ids=[n + "".join(f"-{k}" for k in c) for n, c in BUILDER_CASES])
def test_builder_model_matches_onnxruntime(tools, tmp_path, name, cfg, opset):
    onnx_path = tmp_path / "model.onnx"
    models.save(models.build(name, opset, **cfg), onnx_path)
    wfb = compile_wfb(tools, onnx_path, tmp_path / "model.wfb")
    feeds = models.example_inputs(name, batch=BATCH, seq=SEQ, seed=opset, **cfg)
    ref = models.reference_outputs(onnx_path, feeds)
    got, _ = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "run")
    assert_matches(got, ref)


@pytest.mark.parametrize("name", ["gpt2", "llama"])
def test_external_weights_are_referred_to_and_match(tools, tmp_path, name):
    """A model saved with external data: the binary beside it refers to the
    data file instead of copying it, and runs to onnxruntime's answer."""
    onnx_path = tmp_path / "model.onnx"
    files = models.save(models.build(name, 17), onnx_path, external_data=True)
    assert len(files) == 2
    wfb = compile_wfb(tools, onnx_path, tmp_path / "model.wfb")
    copied = tmp_path / "copied.wfb"
    tools.run("waferc", onnx_path, *DIMS, "--external-weights=copy", "-o", copied)
    text = tools.run("wafer-translate", "--wfb-to-text", wfb).stdout.decode()
    assert "external 'model.onnx.data'" in text
    # The referring binary holds (nearly) none of the data file's bytes.
    data_bytes = files[1].stat().st_size
    assert wfb.stat().st_size + data_bytes // 2 < copied.stat().st_size
    feeds = models.example_inputs(name, batch=BATCH, seq=SEQ, seed=1)
    ref = models.reference_outputs(onnx_path, feeds)
    for binary in (wfb, copied):
        got, _ = run_binary(tools.path("wafer-run"), binary, feeds, tmp_path / binary.stem)
        assert_matches(got, ref)


def test_real_model_matches_onnxruntime(tools, tmp_path):
    path = real_model_path()
    dims = [a for k, v in REAL_DIMS.items() for a in ("--dim", f"{k}={v}")]
    wfb = compile_wfb(tools, path, tmp_path / "minilm.wfb", dims)
    rng = np.random.default_rng(0)
    shape = (REAL_DIMS["batch_size"], REAL_DIMS["sequence_length"])
    mask = np.ones(shape, np.int64)
    mask[1, 11:] = 0
    feeds = {"input_ids": rng.integers(0, 30000, size=shape, dtype=np.int64),
             "attention_mask": mask}
    ref = models.reference_outputs(path, feeds)
    got, _ = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "run")
    # Its outputs include integer shape values and names with "::".
    assert any("::" in n for n in got)
    assert_matches(got, ref)


#===-----------------------------------------------------------------------===#
# Single ops: ONNX backend node tests.
#===-----------------------------------------------------------------------===#

# Together these run every host op kind the importer produces (and every
# element type the node tests carry through them); chosen by a greedy cover
# of the (kind, dtype) pairs over every node test that compiles.
NODE_CASES = [
    "test_abs", "test_add", "test_add_bcast", "test_attention_3d_diff_heads_with_past_and_present",
    "test_attention_4d_fp16", "test_attention_23_boolmask_fullymasked_row_nan_robustness",
    "test_clip",
    "test_clip_default_max", "test_clip_default_max_expanded", "test_concat_2d_axis_negative_1",
    "test_cos", "test_div", "test_div_int32_trunc", "test_equal", "test_erf", "test_exp",
    "test_expand_dim_changed", "test_gather_1", "test_gather_negative_indices", "test_gelu_default_1", "test_gelu_tanh_1",
    "test_gemm_all_attributes", "test_gemm_alpha", "test_greater_equal",
    "test_greater_equal_bcast_expanded",
    "test_less_equal", "test_log", "test_logsoftmax_axis_0_expanded", "test_max_example",
    "test_max_float16", "test_max_float64", "test_max_int32", "test_max_int64",
    "test_min_float16", "test_min_float64", "test_min_int32", "test_min_int64",
    "test_mvn_expanded", "test_neg", "test_pow_types_float32_int32",
    "test_pow_types_float32_int64", "test_reciprocal", "test_reduce_max_keepdims_random",
    "test_reduce_mean_keepdims_random",
    "test_reduce_min_default_axes_keepdims_example",
    "test_reduce_prod_default_axes_keepdims_example",
    "test_reduce_sum_default_axes_keepdims_example", "test_relu",
    "test_rms_normalization_2d_axis0", "test_rotary_embedding", "test_rotary_embedding_3d_input",
    "test_rotary_embedding_with_interleaved_rotary_dim_expanded", "test_sigmoid", "test_sin",
    "test_slice", "test_softmax_axis_0", "test_softmax_large_number", "test_split_1d_uneven_split_opset18", "test_sqrt",
    "test_tanh", "test_tril", "test_where_example",
    "test_where_long_example",
]


@pytest.fixture(scope="module")
def node_cases():
    from wafer.testing import node_sweep
    return {c.name: c for c in node_sweep.load_cases()}


@pytest.mark.parametrize("case_name", NODE_CASES)
def test_onnx_node_case(tools, tmp_path, node_cases, case_name):
    import onnx
    from wafer.testing import node_sweep
    case = node_cases.get(case_name)
    if case is None:
        pytest.skip(f"{case_name} is not in this onnx version's node tests")
    model = node_sweep.freeze_shape_inputs(case)
    onnx_path = tmp_path / "case.onnx"
    onnx.save(model, onnx_path)
    wfb = compile_wfb(tools, onnx_path, tmp_path / "case.wfb", dims=[])
    inputs, outputs = case.data_sets[0]
    initializers = {t.name for t in case.model.graph.initializer}
    names = [i.name for i in case.model.graph.input if i.name not in initializers]
    frozen = {t.name for t in model.graph.initializer}
    feeds = {n: np.asarray(v) for n, v in zip(names, inputs) if n not in frozen}
    ref = {o.name: np.asarray(v) for o, v in zip(case.model.graph.output, outputs)}
    got, _ = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "run")
    # The references are computed in the element type: a half-precision
    # output may differ by an ulp or two where the runtime rounds once.
    half = any(v.dtype == np.float16 for v in ref.values())
    assert_matches(got, ref, rtol=2e-3 if half else RTOL)


#===-----------------------------------------------------------------------===#
# wafer-run's options.
#===-----------------------------------------------------------------------===#

@pytest.fixture(scope="module")
def gpt2(tools, tmp_path_factory):
    d = tmp_path_factory.mktemp("gpt2")
    models.save(models.build("gpt2", 23), d / "gpt2.onnx")
    wfb = compile_wfb(tools, d / "gpt2.onnx", d / "gpt2.wfb")
    feeds = models.example_inputs("gpt2", batch=BATCH, seq=SEQ)
    ref = models.reference_outputs(d / "gpt2.onnx", feeds)
    save_arrays(ref, d / "ref")
    return d, wfb, feeds, ref


def test_check_passes_and_fails(tools, tmp_path, gpt2):
    d, wfb, feeds, ref = gpt2
    _, proc = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "ok",
                         ["--check", str(d / "ref")])
    assert re.search(r"check 'logits': max abs error \S+, max rel error \S+ .*: ok",
                     proc.stdout), proc.stdout
    bad = {k: v + np.float32(0.01) * np.abs(v).max() for k, v in ref.items()}
    save_arrays(bad, tmp_path / "bad")
    _, proc = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "bad-run",
                         ["--check", str(tmp_path / "bad")], check=False)
    assert proc.returncode == 1
    assert "FAILED" in proc.stdout and "beyond tolerance" in proc.stderr
    # A looser --rtol accepts the same references.
    _, proc = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "loose",
                         ["--check", str(tmp_path / "bad"), "--rtol", "0.02"])
    assert proc.returncode == 0


def test_repeat_threads_and_timing_json(tools, tmp_path, gpt2):
    _, wfb, feeds, ref = gpt2
    timing = tmp_path / "timing.json"
    got, proc = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "run",
                           ["--threads", "2", "--repeat", "3", "--timing-json", str(timing)])
    assert_matches(got, ref)
    assert re.search(r"latency: median [0-9.]+ ms, min [0-9.]+ ms over 3 runs", proc.stdout)
    t = json.loads(timing.read_text())
    assert t["runs"] == 3 and t["threads"] == 2
    assert 0 < t["min_ms"] <= t["median_ms"]


def test_one_thread_gives_the_same_outputs(tools, tmp_path, gpt2):
    _, wfb, feeds, ref = gpt2
    got, _ = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "run",
                        ["--threads", "1"])
    assert_matches(got, ref)


def test_report_is_keyed_by_onnx_nodes(tools, tmp_path, gpt2):
    _, wfb, feeds, _ = gpt2
    _, proc = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "run",
                         ["--report", "--repeat", "2"])
    out = proc.stdout
    assert "kernel (ONNX node)" in out and "wafer us" in out
    assert "/lm_head/MatMul" in out and "mesh_gemm" in out
    assert re.search(r"modeled wafer step .*: \d+ cycles = [0-9.]+ us", out)
    assert re.search(r"memory plan: arena .* \d+ weights packed", out)


def test_bf16_weights_stay_close(tools, tmp_path, gpt2):
    _, wfb, feeds, ref = gpt2
    got, proc = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "run",
                           ["--weights", "bf16", "--report"])
    assert "weights packed" in proc.stdout and "bf16" in proc.stdout
    # bf16 keeps 8 bits of mantissa: the logits of two layers stay within
    # a few percent of the output's largest magnitude.
    assert_matches(got, ref, rtol=3e-2)
    # and they do differ from the f32 run: the weights really are rounded.
    f32, _ = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "f32")
    assert not np.array_equal(got["logits"], f32["logits"])


def test_npy_name_matches_wafer_run(tools, tmp_path):
    assert npy_name("onnx::Shape_422") == "onnx%3A%3AShape_422.npy"
    assert npy_name(".hidden/x") == "%2Ehidden%2Fx.npy"


#===-----------------------------------------------------------------------===#
# Element types: small graphs over every type a signature can carry.
#===-----------------------------------------------------------------------===#

def _graph_model(nodes, inputs, outputs, opset=17):
    import onnx
    from onnx import helper
    graph = helper.make_graph(
        nodes, "g",
        [helper.make_tensor_value_info(n, t, s) for n, t, s in inputs],
        [helper.make_tensor_value_info(n, t, None) for n, t in outputs])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def _run_graph(tools, tmp_path, model, feeds, rtol=RTOL):
    import onnx
    path = tmp_path / "g.onnx"
    onnx.save(model, path)
    wfb = compile_wfb(tools, path, tmp_path / "g.wfb", dims=[])
    ref = models.reference_outputs(path, feeds)
    got, _ = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / "run")
    assert_matches(got, ref, rtol)
    return got


@pytest.mark.parametrize("dtype", ["float32", "float16", "float64", "int64", "int32"])
def test_broadcasting_elementwise_every_numeric_type(tools, tmp_path, dtype):
    from onnx import TensorProto, helper
    from onnx.helper import np_dtype_to_tensor_dtype
    t = np_dtype_to_tensor_dtype(np.dtype(dtype))
    B = TensorProto.BOOL
    n = helper.make_node
    nodes = [
        n("Add", ["a", "b"], ["sum"]),
        n("Mul", ["sum", "a"], ["prod"]),
        n("Sub", ["prod", "b"], ["diff"]),
        n("Max", ["diff", "b"], ["hi"]),
        n("Min", ["hi", "a"], ["lo"]),
        n("Neg", ["lo"], ["neg"]),
        n("Abs", ["neg"], ["abs"]),
        n("Less", ["a", "b"], ["lt"]),
        n("Equal", ["a", "b"], ["eq"]),
        n("Not", ["eq"], ["ne"]),
        n("And", ["lt", "ne"], ["lt_ne"]),
        n("Or", ["lt", "eq"], ["le"]),
        n("Where", ["le", "a", "b"], ["picked"]),
        n("Transpose", ["picked"], ["picked_t"], perm=[2, 0, 1]),
    ]
    model = _graph_model(nodes, [("a", t, [2, 3, 4]), ("b", t, [3, 1])],
                         [("abs", t), ("lt_ne", B), ("le", B), ("picked_t", t)])
    rng = np.random.default_rng(1)
    a = rng.integers(-4, 5, size=(2, 3, 4)).astype(dtype)
    b = rng.integers(-4, 5, size=(3, 1)).astype(dtype)
    if np.issubdtype(np.dtype(dtype), np.floating):
        a = a + rng.standard_normal(a.shape).astype(dtype)
    # f16 references round after every op, as the runtime does.
    _run_graph(tools, tmp_path, model, {"a": a, "b": b},
               rtol=2e-3 if dtype == "float16" else RTOL)


# Products of two graph inputs run the GEMM kernels with the right-hand side
# packed per call: one GEMM over every row when the rhs is shared, one per
# batch otherwise (fewer batches than threads: threaded inside each GEMM;
# more: one batch per thread), lhs or rhs broadcast over batches.
MATMUL_SHAPES = [
    ([2, 3, 5, 7], [2, 3, 7, 4]),
    ([4, 5, 7], [7, 9]),
    ([1, 5, 7], [3, 7, 4]),
    ([2, 1, 5, 7], [3, 7, 4]),
    ([2, 130, 70], [2, 70, 97]),
    ([3, 129, 300], [300, 65]),
    ([1, 33], [33, 40]),
]


@pytest.mark.parametrize("dtype", ["float32", "float16"])
@pytest.mark.parametrize("threads", [1, 3])
def test_matmul_of_computed_operands(tools, tmp_path, dtype, threads):
    from onnx import helper
    from onnx.helper import np_dtype_to_tensor_dtype
    t = np_dtype_to_tensor_dtype(np.dtype(dtype))
    rng = np.random.default_rng(3)
    for i, (a_shape, b_shape) in enumerate(MATMUL_SHAPES):
        model = _graph_model([helper.make_node("MatMul", ["a", "b"], ["y"])],
                             [("a", t, a_shape), ("b", t, b_shape)], [("y", t)])
        feeds = {"a": rng.standard_normal(a_shape).astype(dtype),
                 "b": rng.standard_normal(b_shape).astype(dtype)}
        import onnx
        path = tmp_path / f"mm{i}.onnx"
        onnx.save(model, path)
        wfb = compile_wfb(tools, path, tmp_path / f"mm{i}.wfb", dims=[])
        got, _ = run_binary(tools.path("wafer-run"), wfb, feeds, tmp_path / f"run{i}",
                            extra=["--threads", str(threads)])
        # The reference in float64: onnxruntime's f16 MatMul rounds differently.
        want = np.matmul(feeds["a"].astype(np.float64), feeds["b"].astype(np.float64))
        assert got["y"].shape == want.shape and got["y"].dtype == np.dtype(dtype)
        _, rel = max_errors(got["y"].astype(np.float64), want)
        assert rel <= (2e-3 if dtype == "float16" else 1e-5), (a_shape, b_shape, rel)


def test_cast_between_every_type(tools, tmp_path):
    from onnx import TensorProto as T, helper
    n = helper.make_node
    targets = {"f16": T.FLOAT16, "f64": T.DOUBLE, "i64": T.INT64, "i32": T.INT32,
               "b": T.BOOL, "bf16": T.BFLOAT16}
    nodes = [n("Cast", ["x"], [k], to=v) for k, v in targets.items()]
    # Back to f32 from each, and integers/bools onward to floats.
    nodes += [n("Cast", [k], [k + "_f"], to=T.FLOAT) for k in targets]
    nodes += [n("Cast", ["i64"], ["i64_f16"], to=T.FLOAT16),
              n("Cast", ["b"], ["b_i32"], to=T.INT32),
              n("Cast", ["i32"], ["i32_b"], to=T.BOOL)]
    outputs = [(k + "_f", T.FLOAT) for k in targets] + [
        ("i64", T.INT64), ("i32", T.INT32), ("b", T.BOOL), ("f64", T.DOUBLE),
        ("i64_f16", T.FLOAT16), ("b_i32", T.INT32), ("i32_b", T.BOOL)]
    model = _graph_model(nodes, [("x", T.FLOAT, [3, 5])], outputs)
    x = np.array([[-2.7, -1.5, -0.4, 0.0, 0.3], [0.5, 1.5, 2.5, 3.99, -0.0],
                  [100.25, -77.7, 1e-3, 12345.678, -3.0]], np.float32)
    _run_graph(tools, tmp_path, model, {"x": x})


def test_bf16_inputs_and_outputs(tools, tmp_path):
    """A bf16 input takes a float32 file (rounded to nearest even) or its
    uint16 bits; a bf16 output is written as float32, exactly."""
    from onnx import TensorProto as T, helper
    n = helper.make_node
    model = _graph_model([n("Add", ["x", "x"], ["y"])],
                         [("x", T.BFLOAT16, [4])], [("y", T.BFLOAT16)])
    import onnx
    onnx.save(model, tmp_path / "bf16.onnx")
    wfb = compile_wfb(tools, tmp_path / "bf16.onnx", tmp_path / "bf16.wfb", dims=[])
    x = np.array([1.0, 1.0078125, -3.5, 1.0 + 2 ** -8 + 2 ** -10], np.float32)
    bits = (x.view(np.uint32) >> 16).astype(np.uint16)  # truncated bits
    rounded = np.array([1.0, 1.0078125, -3.5, 1.0078125], np.float32)
    for value, want in ((x, 2 * rounded), (bits, 2 * (bits.astype(np.uint32) << 16).view(np.float32))):
        got, _ = run_binary(tools.path("wafer-run"), wfb, {"x": value}, tmp_path / str(value.dtype))
        assert got["y"].dtype == np.float32
        assert np.array_equal(got["y"], want), (got["y"], want)
