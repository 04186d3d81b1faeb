//===- PlotHeatMap.h - link load binned into cells of the mesh --*- C++ -*-===//

#ifndef WAFER_LIB_ANALYSIS_PLOTHEATMAP_H
#define WAFER_LIB_ANALYSIS_PLOTHEATMAP_H

#include "PlotModel.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace wafer::plot {

/// Bytes per step on each directed link, summed over the streams that use
/// it, then the hottest link of each cell's horizontal and vertical
/// segments (a cell is `cell` x `cell` PEs; 1 on small meshes).
struct HeatMap {
  int64_t cell = 1, cellsX = 0, cellsY = 0;
  std::vector<int64_t> horizontal, vertical; // per cell, row-major
  int64_t linksUsed = 0, maxBytes = 0, minBytes = 0;
  Hop hottest{0, 0, 0, 0};
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
