"""Two decode-step GEMVs, each reading a model input and giving a model
output: y = relu(x @ W + b) on x: f32[1, 64], W: f32[64, 96] (a linear
with bias and relu), and v = u @ W2 on u: f32[1, 1, 37], W2: f32[37, 29]
(rank 3, sizes no region divides). python3 gemv_models.py DIR writes
DIR/gemv.onnx, DIR/{x,u}.npy and numpy's results in DIR/ref/{y,v}.npy;
python3 gemv_models.py DIR f16 the same model in f16 (numpy's results
computed in f32 from the f16 values, rounded to f16 once)."""
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = Path(sys.argv[1])
half = len(sys.argv) > 2 and sys.argv[2] == "f16"
dtype = np.float16 if half else np.float32
(out / "ref").mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(7)
W = rng.standard_normal((64, 96)).astype(dtype)
b = rng.standard_normal(96).astype(dtype)
W2 = rng.standard_normal((37, 29)).astype(dtype)
x = rng.standard_normal((1, 64)).astype(dtype)
u = rng.standard_normal((1, 1, 37)).astype(dtype)
nodes = [
    helper.make_node("MatMul", ["x", "W"], ["xw"], name="fc"),
    helper.make_node("Add", ["xw", "b"], ["xwb"], name="fc_bias"),
    helper.make_node("Relu", ["xwb"], ["y"], name="fc_relu"),
    helper.make_node("MatMul", ["u", "W2"], ["v"], name="proj"),
]
f = TensorProto.FLOAT16 if half else TensorProto.FLOAT
graph = helper.make_graph(
    nodes, "gemv",
    [helper.make_tensor_value_info("x", f, [1, 64]),
     helper.make_tensor_value_info("u", f, [1, 1, 37])],
    [helper.make_tensor_value_info("y", f, [1, 96]),
     helper.make_tensor_value_info("v", f, [1, 1, 29])],
    [numpy_helper.from_array(W, "W"), numpy_helper.from_array(b, "b"),
     numpy_helper.from_array(W2, "W2")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, str(out / "gemv.onnx"))
np.save(out / "x.npy", x)
np.save(out / "u.npy", u)
f32 = np.float32
np.save(out / "ref" / "y.npy",
        np.maximum(x.astype(f32) @ W.astype(f32) + b.astype(f32), 0).astype(dtype))
np.save(out / "ref" / "v.npy", (u.astype(f32) @ W2.astype(f32)).astype(dtype))
