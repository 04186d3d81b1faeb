"""Checks wafer-run --generate against onnxruntime's greedy loop.

python3 decode_check.py MODEL.onnx PROMPT.npy TOKENS.npy [TIMING.json]

TOKENS.npy (wafer-run --output-dir) must be int64 [batch, N] and equal the
tokens of wafer.models.decode.greedy_generate (onnxruntime with past and
present bound as I/O) over the same prompt; TIMING.json (--timing-json) must
hold the figures --generate promises. Prints one line per check.
"""
import json
import sys

import numpy as np

from wafer.models.decode import greedy_generate

model, prompt_file, tokens_file = sys.argv[1:4]
prompt = np.load(prompt_file)
got = np.load(tokens_file)
assert got.dtype == np.int64 and got.ndim == 2, (got.dtype, got.shape)
want = greedy_generate(model, prompt, got.shape[1])
assert np.array_equal(got, want), f"wafer {got.tolist()} != onnxruntime {want.tolist()}"
print(f"tokens [{got.shape[0]}, {got.shape[1]}] match onnxruntime")
if len(sys.argv) > 4:
    timing = json.load(open(sys.argv[4]))
    for key in ("tokens_per_s", "first_token_ms", "modeled_tokens_per_s"):
        assert isinstance(timing[key], (int, float)) and timing[key] >= 0, (key, timing)
    assert timing["new_tokens"] == got.shape[1], timing
    print("timing has tokens_per_s, first_token_ms, modeled_tokens_per_s")
