//===- Passes.td - graph dialect passes ----------------------*- tablegen -*-===//

#ifndef WAFER_GRAPH_PASSES
#define WAFER_GRAPH_PASSES

include "mlir/Pass/PassBase.td"

def GraphFoldShapes : Pass<"graph-fold-shapes"> {
  let summary = "Fold ONNX shape arithmetic into constants";
  let description = [{
    Once every symbolic dimension is bound, the `Shape`, `Gather`,
    `Unsqueeze`, `Concat`, `Range`, ... chains that exporters emit compute
    constants. This pass folds every graph op whose operands are `dense`
    constants (weights are `dense_resource` and never materialized; non-splat
    results above 2^20 elements stay unfolded) and erases what becomes dead.
  }];
  let dependentDialects = ["::wafer::graph::GraphDialect"];
  let statistics = [
    Statistic<"numFolded", "folded-ops", "Ops folded into constants">
  ];
}

#endif // WAFER_GRAPH_PASSES
