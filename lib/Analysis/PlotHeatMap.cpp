//===- PlotHeatMap.cpp - link load binned into cells of the mesh ----------===//

#include "PlotHeatMap.h"

#include <algorithm>

namespace wafer::plot {

HeatMap computeHeatMap(const PlotModel &model, int64_t cell) {
  HeatMap heat;
  heat.cell = cell;
  heat.cellsX = (model.width + cell - 1) / cell;
  heat.cellsY = (model.height + cell - 1) / cell;
  heat.horizontal.assign(heat.cellsX * heat.cellsY, 0);
  heat.vertical.assign(heat.cellsX * heat.cellsY, 0);

  // In MeshLink order, so ties for the hottest link resolve the same way
  // every run.
  heat.linksUsed = model.links.size();
  for (const auto &[link, bytes] : model.links) {
    if (bytes > heat.maxBytes) {
      heat.maxBytes = bytes;
      heat.hottest = {link.x, link.y, link.toX(), link.toY()};
    }
    heat.minBytes = heat.minBytes ? std::min(heat.minBytes, bytes) : bytes;
    // Both directions of a link pair land on the segment from the left or
    // upper router, which on a 1-PE cell joins the two routers' centres.
    int64_t left = std::min(link.x, link.toX());
    int64_t top = std::min(link.y, link.toY());
    size_t index = (top / cell) * heat.cellsX + left / cell;
    std::vector<int64_t> &segments =
        link.horizontal() ? heat.horizontal : heat.vertical;
    segments[index] = std::max(segments[index], bytes);
  }
  // Loads span orders of magnitude (a token's activations next to a
  // whole prompt's); a linear scale would leave all but the top white.
  heat.logScale = heat.minBytes > 0 && heat.maxBytes >= 16 * heat.minBytes;
  return heat;
}

} // namespace wafer::plot
