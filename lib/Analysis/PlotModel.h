//===- PlotModel.h - a placed design, read for drawing ----------*- C++ -*-===//
//
// The plot works on plain data: kernels with their rectangles, the groups
// of kernels that share an origin, streams with their hops, and the load
// on each link.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_LIB_ANALYSIS_PLOTMODEL_H
#define WAFER_LIB_ANALYSIS_PLOTMODEL_H

#include "wafer/Analysis/LinkLoad.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wafer::plot {

struct PlotKernel {
  std::string name;
  fabric::KernelScheme scheme;
  fabric::PlacedRect rect;
  int64_t slot;
  std::optional<int64_t> layer;
  /// The centre of the region in drawing units, where router i spans
  /// [i, i + 1).
  double centreX() const { return rect.centreX2() / 2.0 + 0.5; }
  double centreY() const { return rect.centreY2() / 2.0 + 0.5; }
};

/// Kernels at one origin: the `shared` strategy puts every kernel there,
/// and drawing them one over another would hide all but the last.
struct KernelGroup {
  std::vector<int> members;
  fabric::PlacedRect box; ///< the members' bounding box
};

struct Hop {
  int64_t x0, y0, x1, y1;
};

struct PlotStream {
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
  std::vector<LinkLoad> links;
  int64_t numSlots = 0, routedStreams = 0, localStreams = 0, colorsUsed = 0;
};

/// Reads the module's design; fails, saying why in `error`, when it has
/// none, does not verify (the plot relies on the fabric verifier: regions
/// inside the mesh, routes along links) or has a kernel without an origin.
mlir::LogicalResult readModel(mlir::ModuleOp module, PlotModel &model,
                              std::string &error);

} // namespace wafer::plot

#endif // WAFER_LIB_ANALYSIS_PLOTMODEL_H
