"""Writes a model whose initializers use every supported element type, once
in ONNX's typed fields and once as raw little-endian bytes.

    python3 tensors.py OUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

TYPES = [
    ("f32", TensorProto.FLOAT, np.float32, [1.5, -2.0]),
    ("f16", TensorProto.FLOAT16, np.float16, [1.5, -2.0]),
    ("bf16", TensorProto.BFLOAT16, None, [1.5, -2.0]),
    ("f64", TensorProto.DOUBLE, np.float64, [0.25, -1e300]),
    ("i64", TensorProto.INT64, np.int64, [-7, 9000000000]),
    ("i32", TensorProto.INT32, np.int32, [-7, 123456]),
    ("bool", TensorProto.BOOL, np.bool_, [True, False]),
]


def main():
    inits, outputs = [], []
    for name, dtype, np_type, values in TYPES:
        # Typed fields: float_data, int32_data (f16/bf16 bit patterns, bool)...
        inits.append(helper.make_tensor(name + "_typed", dtype, [2], values))
        if np_type is not None:
            raw = numpy_helper.from_array(np.array(values, dtype=np_type),
                                          name + "_raw")
        else:
            raw = helper.make_tensor(name + "_raw", dtype, [2], values,
                                     raw=False)
            bits = np.array(raw.int32_data, dtype=np.uint16)
            raw = helper.make_tensor(name + "_raw", dtype, [2],
                                     bits.tobytes(), raw=True)
        inits.append(raw)
        for suffix in ("_typed", "_raw"):
            outputs.append(helper.make_tensor_value_info(
                "out_" + name + suffix, dtype, [2]))
    # An initializer that is big enough to become a dense_resource blob,
    # and an int64 one that stays inline (integers up to 4096 elements).
    inits.append(numpy_helper.from_array(
        np.arange(17, dtype=np.float32), "big_f32"))
    inits.append(numpy_helper.from_array(
        np.arange(20, dtype=np.int64), "ints20"))
    outputs.append(helper.make_tensor_value_info(
        "out_big_f32", TensorProto.FLOAT, [17]))
    outputs.append(helper.make_tensor_value_info(
        "out_ints20", TensorProto.INT64, [20]))
    nodes = [helper.make_node("Identity", [o.name[4:]], [o.name])
             for o in outputs]
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])
    graph = helper.make_graph(nodes, "tensors", [x], outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, sys.argv[1])


if __name__ == "__main__":
    main()
