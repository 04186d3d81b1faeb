//===- Fuse.cpp - the graph-fuse pass -------------------------------------===//
//
// Collects the pattern families (FuseNorms, FuseActivations, FuseLinear,
// FuseAttention) and runs them to a fixed point; the families compose: a
// GELU fused from its erf chain is then absorbed into the layer before it.
//
//===----------------------------------------------------------------------===//

#include "FusionMatchers.h"

#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Dialect/Graph/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace wafer::graph {
#define GEN_PASS_DEF_GRAPHFUSE
#include "wafer/Dialect/Graph/Transforms/Passes.h.inc"
} // namespace wafer::graph

using namespace mlir;

namespace {
struct GraphFusePass : wafer::graph::impl::GraphFuseBase<GraphFusePass> {
  using GraphFuseBase::GraphFuseBase;

  void runOnOperation() override {
    wafer::graph::FusionCounters counters;
    RewritePatternSet patterns(&getContext());
    wafer::graph::populateFuseNormPatterns(patterns, counters);
    wafer::graph::populateFuseActivationPatterns(patterns, counters);
    wafer::graph::populateFuseLinearPatterns(patterns, counters);
    if (fuseAttention)
      wafer::graph::populateFuseAttentionPatterns(patterns, counters);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    numLayerNorm += counters.layerNorm;
    numRmsNorm += counters.rmsNorm;
    numGeluErf += counters.geluErf;
    numGeluTanh += counters.geluTanh;
    numSilu += counters.silu;
    numLinear += counters.linear;
    numLinearActivation += counters.linearActivation;
    numAttention += counters.attention;
    numCausal += counters.causal;
    numGroupedQuery += counters.groupedQuery;
  }
};
} // namespace
