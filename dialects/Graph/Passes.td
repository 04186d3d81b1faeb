//===- Passes.td - graph dialect passes ----------------------*- tablegen -*-===//

#ifndef WAFER_GRAPH_PASSES
#define WAFER_GRAPH_PASSES

include "mlir/Pass/PassBase.td"

def GraphFoldShapes : Pass<"graph-fold-shapes"> {
  let summary = "Fold ONNX shape arithmetic into constants";
  let description = [{
    Once every symbolic dimension is bound, the `Shape`, `Gather`,
    `Unsqueeze`, `Concat`, `Range`, ... chains that exporters emit compute
    constants. This pass folds every graph op whose operands are constants
    (up to `max-elements` elements per folded result, so that weights are
    never materialized) and erases what becomes dead.
  }];
  let dependentDialects = ["::wafer::graph::GraphDialect"];
  let options = [
    Option<"maxElements", "max-elements", "int64_t", /*default=*/"1 << 20",
           "Largest non-splat result (in elements) that folding may create">
  ];
  let statistics = [
    Statistic<"numFolded", "folded-ops", "Ops folded into constants">
  ];
}

#endif // WAFER_GRAPH_PASSES
