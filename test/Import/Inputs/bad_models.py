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
