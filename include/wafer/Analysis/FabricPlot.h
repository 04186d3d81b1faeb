//===- FabricPlot.h - a picture of the placed and routed mesh ---*- C++ -*-===//

#ifndef WAFER_ANALYSIS_FABRICPLOT_H
#define WAFER_ANALYSIS_FABRICPLOT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wafer {

/// What plotFabric drew, for callers that report it and for tests (cairo's
/// SVG writes text as glyph outlines, so labels cannot be found in the file).
struct FabricPlotInfo {
  int widthPx = 0, heightPx = 0;
  double pixelsPerPE = 0;
  /// Edge of the square of PEs one heat-map segment stands for.
  int64_t pesPerCell = 1;
  /// Rectangles drawn: kernels sharing an origin (the `shared` strategy)
  /// count once.
  int64_t kernelBoxes = 0;
  /// The labels that fitted inside their rectangles, in drawing order.
  std::vector<std::string> labels;
  int64_t routedStreams = 0, unroutedStreams = 0;
  /// Directed links with traffic, and the heaviest one's bytes per step.
  int64_t linksUsed = 0, maxLinkBytes = 0;
};

/// Draws the module's mesh, placed kernels (a colour per scheme), streams
/// (routed links, or straight lines while unrouted) and link load to `path`:
/// SVG for ".svg", PNG for ".png". Needs fabric-tile and placement to have
/// run and the design to verify (the plot runs the fabric verifier and
/// relies on it); on failure `error` says why and nothing is written.
mlir::LogicalResult plotFabric(mlir::ModuleOp module, llvm::StringRef path,
                               std::string &error,
                               FabricPlotInfo *info = nullptr);

/// "L3 attn" for "/layers.3/attn/Attention", "L0 c_fc" for
/// "/h.0/mlp/c_fc/MatMul", "lm_head" for "/lm_head/MatMul": the layer index
/// and the module that names the op, short enough to fit a rectangle.
std::string shortKernelLabel(llvm::StringRef kernelName);

} // namespace wafer

#endif // WAFER_ANALYSIS_FABRICPLOT_H
