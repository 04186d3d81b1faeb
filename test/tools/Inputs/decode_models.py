"""The decode test's files: python3 decode_models.py DIR.

DIR/gpt2-decode.onnx (opset 17, Concat caches) and DIR/llama-decode.onnx
(opset 23, Attention's past and present), the tiny default builder configs
(vocab 256, 64 positions); DIR/gpt2.onnx, a forward model without a cache;
prompts: p1 [1, 1], p5 [1, 5], p16 [1, 16], p17 [1, 17] and p30 [1, 30]
int64, b2 [2, 6] int64, i32 [1, 4] int32, f32 [1, 4] float32, vocab [1, 2]
with an id past the vocabulary.
"""
import sys
from pathlib import Path

import numpy as np

from wafer.models import build, save

out = Path(sys.argv[1])
save(build("gpt2-decode", 17), out / "gpt2-decode.onnx")
save(build("llama-decode", 23), out / "llama-decode.onnx")
save(build("gpt2", 17), out / "gpt2.onnx")
rng = np.random.default_rng(0)
for n in (1, 5, 16, 17, 30):
    np.save(out / f"p{n}.npy", rng.integers(0, 256, size=(1, n), dtype=np.int64))
np.save(out / "b2.npy", rng.integers(0, 256, size=(2, 6), dtype=np.int64))
np.save(out / "i32.npy", rng.integers(0, 256, size=(1, 4), dtype=np.int32))
np.save(out / "f32.npy", np.zeros((1, 4), dtype=np.float32))
np.save(out / "vocab.npy", np.array([[3, 256]], dtype=np.int64))
