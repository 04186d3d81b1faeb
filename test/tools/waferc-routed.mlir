// waferc through placement and routing: --emit=placed|routed, seeds, pins,
// pictures.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/mlp.py %t/mlp.onnx

// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=routed --report -o %t/routed.mlir | FileCheck %s --check-prefix=REPORT
// REPORT: streams: {{[0-9]+}} hops in all, the longest {{[0-9]+}} (routed)
// The one stream carries fc1's [4, 128] f32 output: 2048 bytes, 512 cycles a link.
// REPORT: routing: 1 of 21 usable colors for streams, busiest link 2048 bytes per step (512 cycles)
// RUN: FileCheck %s --check-prefix=ROUTED < %t/routed.mlir
// ROUTED: fabric.kernel @fc1{{.*}}origin = array<i64:
// Colors 0 and 1 carry the GEMM kernels' own broadcast and shift ring on
// their routers, so the stream gets 2.
// ROUTED: fabric.stream {{.*}}color = 2 : i64{{.*}}route = array<i64:
// ROUTED: fabric.kernel @fc2{{.*}}origin = array<i64:
// The printed IR verifies again (routes physical, regions disjoint).
// RUN: wafer-opt %t/routed.mlir -o /dev/null

// Placement alone reports centre-to-centre stream lengths.
// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=placed --report -o /dev/null | FileCheck %s --check-prefix=PLACED
// PLACED: streams: {{[0-9]+}} hops in all, the longest {{[0-9]+}} (centre to centre)
// PLACED-NOT: routing:

// The same seed gives the same bytes.
// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=routed --seed 3 -o %t/a.mlir
// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=routed --seed 3 -o %t/b.mlir
// RUN: diff %t/a.mlir %t/b.mlir

// Pins and bands.
// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=placed --pin fc2=8:8 --band fc1=0-8 | FileCheck %s --check-prefix=PIN
// fc1 (16x8) must lie within rows 0-8, so it starts on row 0 or 1.
// PIN: fabric.kernel @fc1{{.*}}origin = array<i64: 0, {{[01]}}>
// PIN: fabric.kernel @fc2{{.*}}origin = array<i64: 8, 8>

// Pictures: PNG and SVG by extension (--plot implies --emit=placed).
// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --plot %t/mesh.png -o /dev/null
// RUN: %python -c "import sys; d=open(sys.argv[1],'rb').read(); assert d[:8]==b'\x89PNG\r\n\x1a\n' and len(d) > 1000" %t/mesh.png
// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=routed --plot %t/mesh.svg -o /dev/null
// RUN: FileCheck %s --check-prefix=SVG < %t/mesh.svg
// SVG: <svg xmlns="http://www.w3.org/2000/svg"

// Errors.
// RUN: not waferc %t/mlp.onnx --dim batch=4 --emit=graph --plot %t/x.png 2>&1 | FileCheck %s --check-prefix=PLOT-STAGE
// PLOT-STAGE: waferc: error: --plot needs --emit=placed or later
// RUN: not waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --plot %t/x.gif 2>&1 | FileCheck %s --check-prefix=PLOT-EXT
// PLOT-EXT: waferc: error: {{.*}}gif
// RUN: not waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=placed --pin nope=1:1 2>&1 | FileCheck %s --check-prefix=PIN-NAME
// PIN-NAME: error: pin 'nope=1:1' names no kernel
