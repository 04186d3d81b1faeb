"""A two-layer MLP with constant weights: python3 mlp.py OUT.onnx [--external-data].

With --external-data the weights go to OUT.onnx.data beside the model."""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(0)
weights = {"w1": rng.standard_normal((64, 128)), "b1": rng.standard_normal(128),
           "w2": rng.standard_normal((128, 64))}
nodes = [
    helper.make_node("MatMul", ["x", "w1"], ["h"], name="fc1"),
    helper.make_node("Add", ["h", "b1"], ["hb"], name="fc1_bias"),
    helper.make_node("Relu", ["hb"], ["r"], name="act"),
    helper.make_node("MatMul", ["r", "w2"], ["y"], name="fc2"),
]
graph = helper.make_graph(
    nodes, "mlp",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 64])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 64])],
    [numpy_helper.from_array(v.astype(np.float32), k) for k, v in weights.items()])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
model.ir_version = 8
onnx.checker.check_model(model)
if "--external-data" in sys.argv[2:]:
    onnx.save(model, sys.argv[1], save_as_external_data=True, all_tensors_to_one_file=True,
              location=sys.argv[1].rsplit("/", 1)[-1] + ".data", size_threshold=1024)
else:
    onnx.save(model, sys.argv[1])
