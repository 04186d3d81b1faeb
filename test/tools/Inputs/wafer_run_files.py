"""Damaged binaries and bad .npy files for wafer-run's error tests.

    python3 wafer_run_files.py MODEL.wfb DIR

writes DIR/{truncated,magic,newer,flipped,empty}.wfb from MODEL.wfb and
DIR/*.npy: x.npy (a good f32[4x64] input), and inputs that are wrong in
one way each (type, shape, Fortran order, not .npy at all, truncated).
"""
import sys
from pathlib import Path

import numpy as np

model = Path(sys.argv[1]).read_bytes()
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)

(out / "truncated.wfb").write_bytes(model[: len(model) // 2])
(out / "empty.wfb").write_bytes(b"")
(out / "magic.wfb").write_bytes(b"NOTAWFB!" + model[8:])
# Format 2.0: the version is checked before the header checksum.
(out / "newer.wfb").write_bytes(model[:8] + (2).to_bytes(4, "little") + model[12:])
# One byte of the manifest (the first section, right after the table).
flipped = bytearray(model)
table = int.from_bytes(model[32:40], "little")
manifest = int.from_bytes(model[table + 8: table + 16], "little")
flipped[manifest + 5] ^= 0xFF
(out / "flipped.wfb").write_bytes(bytes(flipped))

rng = np.random.default_rng(0)
x = rng.standard_normal((4, 64)).astype(np.float32)
np.save(out / "x.npy", x)
np.save(out / "x_f64.npy", x.astype(np.float64))
np.save(out / "x_shape.npy", x[:, :63])
np.save(out / "x_fortran.npy", np.asfortranarray(x))
(out / "not_npy.npy").write_text("x = 1\n")
good = (out / "x.npy").read_bytes()
(out / "x_truncated.npy").write_bytes(good[: len(good) - 10])
