// waferc --help lists Wafer's own options under their category, and
// --list-onnx-ops prints the importer's table, one op a line.

// RUN: waferc --help | FileCheck %s
// CHECK: OVERVIEW: waferc: compile an ONNX transformer for a wafer-scale dataflow machine
// CHECK: USAGE: waferc [options] <model.onnx>
// CHECK: Wafer options:
// CHECK-DAG: --dim=<name=size> {{.*}}- Bind a symbolic input dimension, e.g. --dim seq=128 (repeat for each)
// CHECK-DAG: --emit=<value> {{.*}}- Stop after this stage and print its IR
// CHECK-DAG: =graph {{.*}}- the imported model in the graph dialect, with shape arithmetic folded and subgraphs fused
// CHECK-DAG: --no-fuse {{.*}}- Print the graph as imported: skip graph-fuse, which raises decomposed norms, activations, layers and attention into fused ops
// CHECK-DAG: --keep-weights {{.*}}- Print weight data in full so that the IR round-trips exactly
// CHECK-DAG: --summary {{.*}}- Print a summary of the model (signature, weights, ops per kind) after the IR
// CHECK-DAG: --summary-json=<file> {{.*}}- Write the summary as JSON
// CHECK-DAG: =pe {{.*}}- the per-PE programs beside the fabric design (pe-lower, pe-allocate, pe-verify)
// CHECK-DAG: =wfb {{.*}}- the kernel binary (the default when -o names a .wfb file)
// CHECK-DAG: --pe=<value> {{.*}}- Whether a .wfb holds the per-PE programs that wafer-run --mode=sim runs
// CHECK-DAG: -o <file> {{.*}}- Write the IR (or, for a .wfb file, the kernel binary) to this file
// MLIR's own options pass through.
// RUN: waferc --help | FileCheck %s --check-prefix=MLIR
// MLIR-DAG: --mlir-print-ir-after-all
// MLIR-DAG: --mlir-timing
// MLIR-DAG: --mlir-print-debuginfo

// RUN: waferc --list-onnx-ops | FileCheck %s --check-prefix=OPS
// RUN: waferc --list-onnx-ops | wc -l | FileCheck %s --check-prefix=COUNT
// OPS: {{^}}Abs{{$}}
// OPS-NEXT: {{^}}Add{{$}}
// OPS: {{^}}Attention{{$}}
// OPS: {{^}}RMSNormalization{{$}}
// OPS: {{^}}RotaryEmbedding{{$}}
// OPS: {{^}}Where{{$}}
// OPS-NOT: {{.}}
// COUNT: {{^ *}}60{{$}}

// An unknown option and a missing model are errors.
// RUN: not waferc --no-such-option 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: Unknown command line argument '--no-such-option'
// RUN: not waferc 2>&1 | FileCheck %s --check-prefix=NO-INPUT
// NO-INPUT: waferc: error: no input model (see waferc --help)
// RUN: not waferc %s --emit=csl 2>&1 | FileCheck %s --check-prefix=BAD-EMIT
// BAD-EMIT: Cannot find option named 'csl'!
