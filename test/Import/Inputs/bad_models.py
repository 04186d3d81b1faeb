"""Writes malformed or unusual .onnx files that ONNX's textual syntax cannot
express, for the importer's error tests.

    python3 bad_models.py KIND OUT.onnx
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def identity_graph(inits=(), inputs=None, out_type=TensorProto.FLOAT,
                   out_shape=(2,), source="w"):
    if inputs is None:
        inputs = [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])]
    out = helper.make_tensor_value_info("y", out_type, list(out_shape))
    node = helper.make_node("Identity", [source], ["y"], name="id")
    return helper.make_graph([node], "g", inputs, [out], list(inits))


def model(graph, opset=17):
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 8
    return m


def build(kind, out):
    if kind == "no-ir-version":
        m = model(identity_graph(source="x"))
        m.ir_version = 0
        return m
    if kind == "no-graph":
        m = onnx.ModelProto()
        m.ir_version = 8
        m.opset_import.add().version = 17
        return m
    if kind == "no-opset-import":
        m = model(identity_graph(source="x"))
        del m.opset_import[:]
        return m
    if kind == "custom-domain-only":
        m = model(identity_graph(source="x"))
        del m.opset_import[:]
        m.opset_import.append(helper.make_opsetid("com.microsoft", 1))
        return m
    if kind == "tensor-proto":
        # A valid protobuf of another message type.
        return numpy_helper.from_array(np.zeros(3, np.float32), "t")
    if kind == "sequence-input":
        seq = helper.make_tensor_sequence_value_info("x", TensorProto.FLOAT,
                                                     [2])
        return model(identity_graph(inputs=[seq], source="x"))
    if kind == "no-shape-input":
        x = helper.make_tensor_value_info("x", TensorProto.FLOAT, None)
        return model(identity_graph(inputs=[x], source="x"))
    if kind == "uint8-initializer":
        w = numpy_helper.from_array(np.arange(2, dtype=np.uint8), "w")
        return model(identity_graph([w], out_type=TensorProto.UINT8))
    if kind == "negative-dim":
        w = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[-2])
        return model(identity_graph([w]))
    if kind == "short-raw-data":
        w = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[2],
                        raw_data=np.zeros(1, np.float32).tobytes())
        return model(identity_graph([w]))
    if kind == "short-typed-data":
        w = TensorProto(name="w", data_type=TensorProto.INT64, dims=[3],
                        int64_data=[1, 2])
        return model(identity_graph([w], out_type=TensorProto.INT64,
                                    out_shape=(3,)))
    # --- Graph structure (OnnxImporter.cpp, validateGraph).
    x2 = helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])
    y2 = helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])
    w2 = numpy_helper.from_array(np.ones(2, np.float32), "w")
    if kind == "duplicate-input":
        node = helper.make_node("Relu", ["x"], ["y"], name="relu")
        return model(helper.make_graph([node], "g", [x2, x2], [y2]))
    if kind == "duplicate-initializer":
        node = helper.make_node("Add", ["x", "w"], ["y"], name="add")
        return model(helper.make_graph([node], "g", [x2], [y2], [w2, w2]))
    if kind == "undefined-optional-input":
        # Clip's max is optional; a name that nothing defines is still wrong.
        node = helper.make_node("Clip", ["x", "", "nowhere"], ["y"],
                                name="clip")
        return model(helper.make_graph([node], "g", [x2], [y2]))
    if kind == "redefine-input":
        node = helper.make_node("Relu", ["x"], ["x"], name="relu")
        return model(helper.make_graph([node], "g", [x2], [x2]))
    if kind == "redefine-initializer":
        node = helper.make_node("Relu", ["x"], ["w"], name="relu")
        out = helper.make_tensor_value_info("w", TensorProto.FLOAT, [2])
        return model(helper.make_graph([node], "g", [x2], [out], [w2]))
    if kind == "redefine-node-output":
        a = helper.make_node("Relu", ["x"], ["y"], name="first")
        b = helper.make_node("Neg", ["x"], ["y"], name="second")
        return model(helper.make_graph([a, b], "g", [x2], [y2]))
    if kind == "no-outputs":
        node = helper.make_node("Relu", ["x"], ["y"], name="relu")
        return model(helper.make_graph([node], "g", [x2], []))
    if kind == "duplicate-output":
        node = helper.make_node("Relu", ["x"], ["y"], name="relu")
        return model(helper.make_graph([node], "g", [x2], [y2, y2]))
    if kind == "duplicate-attribute":
        node = helper.make_node("Softmax", ["x"], ["y"], name="sm", axis=0)
        node.attribute.append(helper.make_attribute("axis", -1))
        return model(helper.make_graph([node], "g", [x2], [y2]))
    # --- Arity (the importer table's Arity, checked by the driver).
    if kind == "required-input-empty":
        node = helper.make_node("Where", ["c", "", "x"], ["y"], name="where")
        c = helper.make_tensor_value_info("c", TensorProto.BOOL, [2])
        return model(helper.make_graph([node], "g", [c, x2], [y2]))
    if kind == "variadic-input-empty":
        node = helper.make_node("Concat", ["x", ""], ["y"], name="cat",
                                axis=0)
        return model(helper.make_graph([node], "g", [x2], [y2]))
    if kind == "required-output-empty":
        node = helper.make_node("Relu", ["x"], [""], name="relu")
        out = helper.make_node("Neg", ["x"], ["y"], name="neg")
        return model(helper.make_graph([node, out], "g", [x2], [y2]))
    if kind == "split-no-outputs":
        node = helper.make_node("Split", ["x"], [], name="split", axis=0)
        out = helper.make_node("Neg", ["x"], ["y"], name="neg")
        return model(helper.make_graph([node, out], "g", [x2], [y2]), 18)
    # --- Tensor data (OnnxTensors.cpp, tensorToAttr).
    if kind == "raw-and-typed":
        w = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[2],
                        raw_data=np.zeros(2, np.float32).tobytes(),
                        float_data=[1.0, 2.0])
        return model(identity_graph([w]))
    if kind == "wrong-typed-field":
        w = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[2],
                        int64_data=[1, 2])
        return model(identity_graph([w]))
    if kind == "overflowing-dims":
        w = TensorProto(name="w", data_type=TensorProto.FLOAT,
                        dims=[1 << 32, 1 << 32, 1 << 32])
        return model(identity_graph([w]))
    if kind == "overflowing-bytes":
        w = TensorProto(name="w", data_type=TensorProto.DOUBLE,
                        dims=[1 << 61, 4])
        return model(identity_graph([w], out_type=TensorProto.DOUBLE))
    if kind == "constant-raw-and-typed":
        t = TensorProto(name="t", data_type=TensorProto.INT64, dims=[1],
                        raw_data=np.zeros(1, np.int64).tobytes(),
                        int64_data=[3])
        node = helper.make_node("Constant", [], ["y"], name="const", value=t)
        out = helper.make_tensor_value_info("y", TensorProto.INT64, [1])
        return model(helper.make_graph([node], "g", [x2], [out]))
    if kind.startswith("external"):
        # A 4 KiB weight saved beside the model in OUT.data.
        w = numpy_helper.from_array(
            np.arange(1024, dtype=np.float32).reshape(32, 32), "w")
        m = model(identity_graph([w], out_shape=(32, 32)))
        location = os.path.basename(out) + ".data"
        if kind == "external":
            if os.path.exists(out + ".data"):
                os.remove(out + ".data")
            onnx.save(m, out, save_as_external_data=True,
                      all_tensors_to_one_file=True, location=location,
                      size_threshold=0)
            return None
        # Hand-made external references.
        t = m.graph.initializer[0]
        raw = t.raw_data
        t.ClearField("raw_data")
        t.data_location = TensorProto.EXTERNAL
        entries = {
            "external-no-location": {},
            "external-parent": {"location": "../w.data"},
            "external-absolute": {"location": "/tmp/w.data"},
            "external-offset": {"location": location, "offset": "4096"},
            "external-length": {"location": location, "length": "8"},
            "external-bad-offset": {"location": location, "offset": "4k"},
            "external-negative-length": {"location": location,
                                         "length": "-8"},
            "external-offset-overflow": {
                "location": location, "offset": str((1 << 63) - 1),
                "length": "4096"},
        }[kind]
        for k, v in entries.items():
            e = t.external_data.add()
            e.key, e.value = k, v
        with open(out + ".data", "wb") as f:
            f.write(raw)
        return m
    raise SystemExit("unknown kind " + kind)


def main():
    kind, out = sys.argv[1], sys.argv[2]
    m = build(kind, out)
    if m is None:
        return
    with open(out, "wb") as f:
        f.write(m.SerializeToString())


if __name__ == "__main__":
    main()
