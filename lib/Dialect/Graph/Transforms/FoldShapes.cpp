//===- FoldShapes.cpp - fold ONNX shape arithmetic ------------------------===//

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/Graph/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace wafer::graph {
#define GEN_PASS_DEF_GRAPHFOLDSHAPES
#include "wafer/Dialect/Graph/Transforms/Passes.h.inc"
} // namespace wafer::graph

using namespace mlir;

namespace {
struct GraphFoldShapesPass
    : wafer::graph::impl::GraphFoldShapesBase<GraphFoldShapesPass> {
  using GraphFoldShapesBase::GraphFoldShapesBase;

  void runOnOperation() override {
    auto countOps = [&] {
      int64_t n = 0;
      getOperation()->walk([&](Operation *op) {
        n += isa<wafer::graph::GraphDialect>(op->getDialect());
      });
      return n;
    };
    int64_t before = countOps();
    // No patterns: the driver alone folds every op and erases dead ones.
    RewritePatternSet patterns(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    numFolded += std::max<int64_t>(before - countOps(), 0);
  }
};
} // namespace
