//===- PlotHeatMap.h - link load binned into cells of the mesh --*- C++ -*-===//

#ifndef WAFER_LIB_ANALYSIS_PLOTHEATMAP_H
#define WAFER_LIB_ANALYSIS_PLOTHEATMAP_H

#include "PlotModel.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace wafer::plot {

/// The model's link loads (LinkLoad.h) as the heat map draws them: the
/// hottest link of each cell's horizontal and vertical segments (a cell is
/// `cell` x `cell` PEs; 1 on small meshes), and the colour scale.
struct HeatMap {
  int64_t cell = 1, cellsX = 0, cellsY = 0;
  std::vector<int64_t> horizontal, vertical; // per cell, row-major
  int64_t linksUsed = 0, maxBytes = 0, minBytes = 0;
  Hop hottest{0, 0, 0, 0}; ///< the first link of the most bytes
  bool logScale = false;

  /// Position on the colour scale, 0 (lightest) to 1.
  double scaleOf(int64_t bytes) const {
    if (maxBytes <= minBytes)
      return 1;
    if (logScale)
      return std::log(double(bytes) / minBytes) /
             std::log(double(maxBytes) / minBytes);
    return double(bytes) / maxBytes;
  }
};

HeatMap computeHeatMap(const PlotModel &model, int64_t cell);

} // namespace wafer::plot

#endif // WAFER_LIB_ANALYSIS_PLOTHEATMAP_H
