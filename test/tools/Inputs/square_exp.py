"""y = exp(x * x) on x: f32[3, 5], and its input and reference outputs:
python3 square_exp.py DIR writes DIR/square_exp.onnx, DIR/x.npy and
DIR/ref/y.npy (numpy's float32 result)."""
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

out = Path(sys.argv[1])
(out / "ref").mkdir(parents=True, exist_ok=True)
nodes = [
    helper.make_node("Mul", ["x", "x"], ["sq"], name="square"),
    helper.make_node("Exp", ["sq"], ["y"], name="exp"),
]
graph = helper.make_graph(
    nodes, "square_exp",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3, 5])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [3, 5])])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, str(out / "square_exp.onnx"))
x = np.linspace(-1.5, 1.4, 15, dtype=np.float32).reshape(3, 5)
np.save(out / "x.npy", x)
np.save(out / "ref" / "y.npy", np.exp(x * x))
