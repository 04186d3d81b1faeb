"""Checks wafer-run --report-json against the figures worked out by hand in
wfb-pe-design.test: check_sim_report.py REPORT.json PREDICTED.txt, where
PREDICTED.txt holds '@kernel cycles' lines taken from the fabric IR."""
import json
import sys

report = json.load(open(sys.argv[1]))
predicted = dict(line.split() for line in open(sys.argv[2]))
assert report["cycles"] == 59, report["cycles"]
assert [s["cycles"] for s in report["slots"]] == [59]
assert report["slots"][0]["wavelet_hops"] == 32
expected = {"fc1": (1, 24, 8), "fc2": (11, 59, 33)}
assert [k["name"] for k in report["kernels"]] == ["fc1", "fc2"]
for k in report["kernels"]:
    start, end, compute = expected[k["name"]]
    assert k["onnx_node"] == k["name"], k
    assert k["scheme"] == "mesh_gemm", k
    assert k["predicted_cycles"] == int(predicted["@" + k["name"]]), k
    assert (k["start_cycle"], k["end_cycle"]) == (start, end), k
    assert k["simulated_cycles"] == end - start + 1, k
    assert abs(k["ratio"] - k["simulated_cycles"] / k["predicted_cycles"]) < 1e-5
    assert k["compute_pe_cycles"] == compute, k
    assert k["send_stall_pe_cycles"] == k["recv_stall_pe_cycles"] == 0, k
assert report["unassigned_programs"] == []
links = report["links"]
assert links["used"] == 1 and links["listed"] == 1
assert links["busiest"] == [{"slot": 0, "x": 0, "y": 0, "port": "east",
                             "wavelets": 16,
                             "utilization": links["busiest"][0]["utilization"]}]
assert abs(links["busiest"][0]["utilization"] - 16 / 59) < 1e-5
