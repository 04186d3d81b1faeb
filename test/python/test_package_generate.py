"""The Python package's token generation: wafer.compile(..., max_seq=N) and
Runtime.generate, against onnxruntime's greedy loop over the same ONNX
model (wafer.models.decode.greedy_generate, past and present bound as I/O)
and against wafer-run --generate on the binary waferc writes."""

import json

import numpy as np
import pytest

import wafer
from wafer import models
from wafer.models.decode import greedy_generate

pytestmark = pytest.mark.usefixtures("wafer_extension")


@pytest.fixture(scope="module", params=[("gpt2-decode", 17), ("llama-decode", 23)],
                ids=lambda p: f"{p[0]}-opset{p[1]}")
def decoder(request, tmp_path_factory):
    name, opset = request.param
    path = tmp_path_factory.mktemp(name) / f"{name}-opset{opset}.onnx"
    models.save(models.build(name, opset), path)
    binary = wafer.compile(path, dims={"batch": 1}, max_seq=32, prefill_lengths=[8, 31],
                           mesh="32x32", sram_kb=1024, pe="off")
    return path, binary


@pytest.mark.parametrize("length", [1, 8, 9, 20])
def test_generate_matches_onnxruntime(decoder, length):
    path, binary = decoder
    prompt = np.random.default_rng(length).integers(0, 256, size=(1, length))
    rt = wafer.Runtime(binary)
    tokens = rt.generate(prompt, 10)
    assert tokens.dtype == np.int64 and tokens.shape == (1, 10)
    np.testing.assert_array_equal(tokens, greedy_generate(path, prompt, 10))
    timing = rt.last_generate
    assert timing["prefill_tokens"] == (8 if length <= 8 else 31)
    assert timing["first_token_ms"] > 0 and timing["tokens_per_s"] > 0
    assert timing["modeled_tokens_per_s"] > 0
    # A second call starts from empty caches again; a 1-D prompt is one row.
    np.testing.assert_array_equal(rt.generate(prompt[0].astype(np.int32), 10), tokens)


def test_generate_equals_wafer_run(decoder, tools, tmp_path):
    path, binary = decoder
    wfb = tmp_path / "model.wfb"
    tools.run("waferc", path, "--dim", "batch=1", "--max-seq", "32", "--prefill-lengths", "8,31",
              "--mesh", "32x32", "--sram-kb", "1024", "--pe=off", "-o", wfb)
    prompt = np.random.default_rng(3).integers(0, 256, size=(1, 5), dtype=np.int64)
    np.save(tmp_path / "prompt.npy", prompt)
    tools.run("wafer-run", wfb, "--generate", "12", "--prompt", tmp_path / "prompt.npy",
              "--output-dir", tmp_path / "out")
    from_cli = np.load(tmp_path / "out" / "tokens.npy")
    np.testing.assert_array_equal(wafer.Runtime(binary).generate(prompt, 12), from_cli)
    # The binary compiled from Python is the one waferc writes.
    binary.save(tmp_path / "python.wfb")
    assert (tmp_path / "python.wfb").read_bytes() == wfb.read_bytes()


def test_generate_errors(decoder, tmp_path):
    path, binary = decoder
    rt = wafer.Runtime(binary)
    with pytest.raises(ValueError, match="token ids are integers"):
        rt.generate(np.zeros((1, 3), np.float32), 2)
    with pytest.raises(ValueError, match="expected \\[batch, length\\]"):
        rt.generate(np.zeros((1, 1, 3), np.int64), 2)
    with pytest.raises(ValueError, match="max_new_tokens must be an int >= 1"):
        rt.generate(np.zeros((1, 3), np.int64), 0)
    with pytest.raises(wafer.RuntimeError, match="need 41 cache positions; the binary's caches hold 32"):
        rt.generate(np.zeros((1, 30), np.int64), 12)
    with pytest.raises(wafer.RuntimeError, match="not in the vocabulary of 256"):
        rt.generate(np.array([[1, 999]]), 2)
    with pytest.raises(wafer.RuntimeError, match="is the prompt's batch the binary's"):
        rt.generate(np.zeros((2, 3), np.int64), 2)
    forward = tmp_path / "gpt2.onnx"
    models.save(models.build("gpt2", 17), forward)
    plain = wafer.Runtime(wafer.compile(forward, dims={"batch": 1, "seq": 4}, mesh="32x32",
                                        sram_kb=1024, pe="off"))
    with pytest.raises(wafer.RuntimeError, match="not a decode binary"):
        plain.generate(np.zeros((1, 3), np.int64), 2)
    with pytest.raises(wafer.CompileError, match="not a decode model"):
        wafer.compile(forward, dims={"batch": 1}, max_seq=16, mesh="32x32", sram_kb=1024)
