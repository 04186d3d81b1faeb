// Every numeric option of waferc is bounded by what Wafer models and is
// checked before it is used: absurd values are refused at once with the
// range, never wrapped, looped on or run for hours.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/mlp.py %t/mlp.onnx

// One color, on the full wse3 mesh: the GEMM kernels' collectives need two,
// so no stream can leave its producer. Routing says so instead of
// negotiating congestion over 900,000 routers.
// RUN: not waferc %t/mlp.onnx --dim batch=4 --strategy pipeline --emit=routed --colors=1 -o /dev/null 2>&1 | FileCheck %s --check-prefix=COLORS1
// COLORS1: error: kernel @fc1 (mesh_gemm) needs 2 color(s) on its routers for its own collectives and the target has 1 usable (of 1, 0 reserved), which leaves none for the stream from @fc1; give the target more colors
// RUN: not waferc %t/mlp.onnx --dim batch=4 --strategy pipeline --emit=routed --colors=65 -o /dev/null 2>&1 | FileCheck %s --check-prefix=COLORS65
// COLORS65: error: colors must be between 1 and 64, got 65

// RUN: not waferc %t/mlp.onnx --dim batch=4 --sram-kb=9007199254740991 --emit=fabric -o /dev/null 2>&1 | FileCheck %s --check-prefix=SRAM
// SRAM: error: sram-kb must be between 1 and 1048576 KiB, got 9007199254740991
// RUN: not waferc %t/mlp.onnx --dim batch=4 --clock-mhz=-5 --emit=fabric -o /dev/null 2>&1 | FileCheck %s --check-prefix=CLOCK
// CLOCK: error: clock-mhz must be between 1 and 100000, got -5

// RUN: not waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=placed --effort=100000000 -o /dev/null 2>&1 | FileCheck %s --check-prefix=EFFORT
// EFFORT: error: effort must be between 0 and 10000 moves per kernel, got 100000000
// The bound itself is accepted.
// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=placed --effort=10000 -o /dev/null

// A band names rows y0 to y1 with y0 <= y1.
// RUN: not waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=placed --band fc1=9-2 -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAND
// BAND: error: band 'fc1=9-2' must name rows Y0-Y1 with Y0 <= Y1

// RUN: waferc %t/mlp.onnx --dim batch=4 --mesh 16x16 --strategy pipeline --emit=placed -o %t/placed.mlir
// RUN: not wafer-opt %t/placed.mlir --fabric-route="max-iterations=0" 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: not wafer-opt %t/placed.mlir --fabric-route="max-iterations=5000" 2>&1 | FileCheck %s --check-prefix=ITER
// ITER: error: max-iterations must be between 1 and 1000, got
