// waferc's fabric stage: targets, strategies and the mapping report.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/mlp.py %t/mlp.onnx

// --report implies --emit=fabric and prints one row per kernel and totals.
// RUN: waferc %t/mlp.onnx --dim batch=1 --mesh 8x8 --strategy pipeline --report -o %t/fabric.mlir | FileCheck %s --check-prefix=REPORT
// REPORT: // ---- mapping report of {{.*}}mlp.onnx
// REPORT-NEXT: target custom (8x8 PEs, 1100 MHz), strategy pipeline
// REPORT-NEXT: kernel scheme region slot bytes/PE cycles share
// REPORT-NEXT: fc1 mesh_gemv {{[0-9]+x[0-9]+}} 0
// REPORT-NEXT: fc2 mesh_gemv {{[0-9]+x[0-9]+}} 0
// REPORT-NEXT: kernels: 2, streams: 1
// REPORT-NEXT: PEs used: {{[0-9]+}} of 64
// REPORT-NEXT: SRAM used: {{.*}} of 3.00 MiB
// REPORT-NEXT: single-stream latency per step: {{[0-9]+}} cycles = {{.*}} us (1 tokens per step)
// REPORT-NEXT: single-stream tokens/s: {{[0-9.]+}}
// REPORT-NEXT: pipelined tokens/s: {{[0-9.]+}} (slowest stage {{[0-9]+}} cycles)
// RUN: FileCheck %s --check-prefix=FABRIC < %t/fabric.mlir
// FABRIC: fabric.design pipeline target
// FABRIC: fabric.kernel @fc1
// FABRIC: fabric.stream
// FABRIC: fabric.kernel @fc2

// Shared: one region, one slot each; the JSON report carries the same.
// RUN: waferc %t/mlp.onnx --dim batch=1 --mesh 8x8 --sram-kb 32 --clock-mhz 500 --strategy shared --report-json %t/report.json -o /dev/null
// RUN: %python -c "import json,sys; r=json.load(open(sys.argv[1])); t=r['totals']; assert r['strategy']=='shared' and r['mesh']==[8,8] and r['clock_hz']==5e8; assert [k['slot'] for k in r['kernels']]==[0,1]; assert abs(t['tokens_per_second']-5e8/t['latency_cycles'])<1e-6*t['tokens_per_second']; assert t['pipelined_tokens_per_second']==t['tokens_per_second']" %t/report.json
// RUN: FileCheck %s --check-prefix=JSON < %t/report.json
// JSON: "target": "custom"
// JSON: "sram_total_bytes": 2097152

// Presets.
// RUN: waferc %t/mlp.onnx --dim batch=1 --target wse2 --emit=fabric | FileCheck %s --check-prefix=WSE2
// WSE2: #fabric.target<name = "wse2", width = 757, height = 996,
// RUN: waferc %t/mlp.onnx --dim batch=1 --emit=fabric | FileCheck %s --check-prefix=WSE3
// WSE3: #fabric.target<name = "wse3", width = 762, height = 1172,

// Errors.
// RUN: not waferc %t/mlp.onnx --dim batch=1 --emit=graph --report 2>&1 | FileCheck %s --check-prefix=EMIT
// EMIT: waferc: error: --report needs --emit=fabric or later
// RUN: not waferc %t/mlp.onnx --dim batch=1 --target wse4 --report 2>&1 | FileCheck %s --check-prefix=TARGET
// TARGET: error: unknown target 'wse4' (presets: wse2, wse3)
// RUN: not waferc %t/mlp.onnx --dim batch=1 --mesh 2x2 --sram-kb 2 --report 2>&1 | FileCheck %s --check-prefix=FIT
// FIT: error: the model does not fit the custom target (2x2 = 4 PEs,
// FIT: note: pipeline: a kernel does not fit even on the whole mesh
// FIT: note: loc(fused["fc1", "fc1_bias", "act"]): largest kernel #1: 'fc1' (mesh_gemv) holds 32.50 KiB of weights


// A model with nothing to compute maps to no kernel and reports zero rates
// rather than dividing by zero (the JSON stays valid).
// RUN: %python -c "import onnx; from onnx import helper as h, TensorProto as T; onnx.save(h.make_model(h.make_graph([h.make_node('Identity',['x'],['y'])],'g',[h.make_tensor_value_info('x',T.FLOAT,[2,4])],[h.make_tensor_value_info('y',T.FLOAT,[2,4])]),opset_imports=[h.make_opsetid('',17)]),'%t/identity.onnx')"
// RUN: waferc %t/identity.onnx --mesh 4x4 --emit=routed --report --report-json %t/identity.json -o /dev/null | FileCheck %s --check-prefix=EMPTY
// EMPTY: kernels: 0, streams: 0
// EMPTY: single-stream tokens/s: 0.0
// RUN: %python -c "import json,sys; t=json.load(open(sys.argv[1]))['totals']; assert t['tokens_per_second']==0 and t['kernels']==0" %t/identity.json
