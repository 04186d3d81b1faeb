//===- Passes.h - graph dialect passes --------------------------*- C++ -*-===//

#ifndef WAFER_DIALECT_GRAPH_TRANSFORMS_PASSES_H
#define WAFER_DIALECT_GRAPH_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace wafer::graph {

#define GEN_PASS_DECL
#include "wafer/Dialect/Graph/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "wafer/Dialect/Graph/Transforms/Passes.h.inc"

} // namespace wafer::graph

#endif // WAFER_DIALECT_GRAPH_TRANSFORMS_PASSES_H
