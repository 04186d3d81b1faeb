"""Elementwise kernels of every op pe-lower lowers, each reading model
inputs and giving model outputs: y = relu(a - b) * 0.5, e = exp(-a) + a and
z = max(a, b) on a, b: f32[2, 3, 4] (rank 3), and w = a2 * a2 on a2: f32[7]
(rank 1). python3 elementwise_mix.py DIR writes DIR/mix.onnx,
DIR/{a,b,a2}.npy and numpy's results in DIR/ref/{y,e,z,w}.npy."""
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = Path(sys.argv[1])
(out / "ref").mkdir(parents=True, exist_ok=True)
half = numpy_helper.from_array(np.array(0.5, np.float32), "half")
nodes = [
    helper.make_node("Sub", ["a", "b"], ["d"], name="diff"),
    helper.make_node("Relu", ["d"], ["r"], name="relu"),
    helper.make_node("Mul", ["r", "half"], ["y"], name="halve"),
    helper.make_node("Neg", ["a"], ["na"], name="negate"),
    helper.make_node("Exp", ["na"], ["ena"], name="exp"),
    helper.make_node("Add", ["ena", "a"], ["e"], name="sum"),
    helper.make_node("Max", ["a", "b"], ["z"], name="larger"),
    helper.make_node("Mul", ["a2", "a2"], ["w"], name="square"),
]
f = TensorProto.FLOAT
graph = helper.make_graph(
    nodes, "elementwise_mix",
    [helper.make_tensor_value_info("a", f, [2, 3, 4]),
     helper.make_tensor_value_info("b", f, [2, 3, 4]),
     helper.make_tensor_value_info("a2", f, [7])],
    [helper.make_tensor_value_info("y", f, [2, 3, 4]),
     helper.make_tensor_value_info("e", f, [2, 3, 4]),
     helper.make_tensor_value_info("z", f, [2, 3, 4]),
     helper.make_tensor_value_info("w", f, [7])],
    [half])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, str(out / "mix.onnx"))
rng = np.random.default_rng(0)
a = rng.standard_normal((2, 3, 4)).astype(np.float32)
b = rng.standard_normal((2, 3, 4)).astype(np.float32)
a2 = rng.standard_normal(7).astype(np.float32)
for name, v in {"a": a, "b": b, "a2": a2}.items():
    np.save(out / f"{name}.npy", v)
np.save(out / "ref" / "y.npy", np.maximum(a - b, 0) * np.float32(0.5))
np.save(out / "ref" / "e.npy", np.exp(-a) + a)
np.save(out / "ref" / "z.npy", np.maximum(a, b))
np.save(out / "ref" / "w.npy", a2 * a2)
