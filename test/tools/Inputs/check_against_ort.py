"""python3 check_against_ort.py MODEL.onnx OUT_DIR NAME=FILE.npy...: the
outputs wafer-run wrote to OUT_DIR/<name>.npy against onnxruntime's on the
same inputs (max error at most 1e-4 of the output's largest magnitude)."""
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort

model, out = sys.argv[1], Path(sys.argv[2])
feeds = {k: np.load(v) for k, v in (a.split("=", 1) for a in sys.argv[3:])}
sess = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
for o, ref in zip(sess.get_outputs(), sess.run(None, feeds)):
    got = np.load(out / f"{o.name}.npy")
    err = float(np.max(np.abs(got - ref))) / float(np.max(np.abs(ref)))
    assert err <= 1e-4, f"{o.name}: relative error {err}"
    print(f"{o.name}: matches onnxruntime (relative error {err:.1e})")
