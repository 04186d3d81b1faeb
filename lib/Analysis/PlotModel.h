//===- PlotModel.h - a placed design, read for drawing ----------*- C++ -*-===//
//
// The plot works on plain data: kernels with their rectangles, the groups
// of kernels that share an origin, and streams with their hops.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_ANALYSIS_PLOTMODEL_H
#define WAFER_LIB_ANALYSIS_PLOTMODEL_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wafer::plot {

struct PlotKernel {
  std::string name, scheme;
  int64_t x, y, width, height, slot;
  std::optional<int64_t> layer;
  double centerX() const { return x + width / 2.0; }
  double centerY() const { return y + height / 2.0; }
};

/// Kernels at one origin: the `shared` strategy puts every kernel there,
/// and drawing them one over another would hide all but the last.
struct KernelGroup {
  std::vector<int> members;
  int64_t x0, y0, x1, y1; // bounding box [x0, x1) x [y0, y1)
};

struct Hop {
  int64_t x0, y0, x1, y1;
};

struct PlotStream {
  int64_t bytes = 0;
  std::optional<int64_t> color;
  std::vector<Hop> hops;
  int producer = -1;
  std::vector<int> consumers;
  /// After fabric-route; an empty route keeps the data on the producer's
  /// PEs, which its consumers share.
  bool routed = false;
};

struct PlotModel {
  std::string target, strategy;
  int64_t width = 0, height = 0;
  std::vector<PlotKernel> kernels;
  std::vector<KernelGroup> groups;
  std::vector<int> groupOfKernel;
  std::vector<PlotStream> streams;
  int64_t numSlots = 0, routedStreams = 0, localStreams = 0, colorsUsed = 0;
};

/// Reads the module's design; fails, saying why in `error`, when it has
/// none or a kernel has no origin.
mlir::LogicalResult readModel(mlir::ModuleOp module, PlotModel &model,
                              std::string &error);

} // namespace wafer::plot

#endif // WAFER_LIB_ANALYSIS_PLOTMODEL_H
