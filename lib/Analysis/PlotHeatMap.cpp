//===- PlotHeatMap.cpp - link load binned into cells of the mesh ----------===//

#include "PlotHeatMap.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <map>
#include <set>

namespace wafer::plot {

HeatMap computeHeatMap(const PlotModel &model, int64_t cell) {
  HeatMap load;
  load.cell = cell;
  load.cellsX = (model.width + cell - 1) / cell;
  load.cellsY = (model.height + cell - 1) / cell;
  load.horizontal.assign(load.cellsX * load.cellsY, 0);
  load.vertical.assign(load.cellsX * load.cellsY, 0);

  // Key: the link's source router and its direction (E, W, S, N).
  llvm::DenseMap<uint64_t, int64_t> bytesOnLink;
  for (const PlotStream &s : model.streams) {
    // A tree uses each link once; a malformed one repeating a hop should
    // not count twice.
    std::set<uint64_t> seen;
    for (const Hop &h : s.hops) {
      uint64_t direction = h.x1 > h.x0   ? 0
                           : h.x1 < h.x0 ? 1
                           : h.y1 > h.y0 ? 2
                                         : 3;
      uint64_t key = (uint64_t(h.y0) * model.width + h.x0) * 4 + direction;
      if (seen.insert(key).second)
        bytesOnLink[key] += s.bytes;
    }
  }
  // Ordered, so ties for the hottest link resolve the same way every run.
  std::map<uint64_t, int64_t> ordered(bytesOnLink.begin(), bytesOnLink.end());
  load.linksUsed = ordered.size();
  for (const auto &[key, bytes] : ordered) {
    uint64_t direction = key % 4, router = key / 4;
    int64_t x = router % model.width, y = router / model.width;
    int64_t dx = direction == 0 ? 1 : direction == 1 ? -1 : 0;
    int64_t dy = direction == 2 ? 1 : direction == 3 ? -1 : 0;
    if (bytes > load.maxBytes) {
      load.maxBytes = bytes;
      load.hottest = {x, y, x + dx, y + dy};
    }
    load.minBytes = load.minBytes ? std::min(load.minBytes, bytes) : bytes;
    // Both directions of a link pair land on the segment from the left or
    // upper router, which on a 1-PE cell joins the two routers' centres.
    int64_t left = std::min(x, x + dx), top = std::min(y, y + dy);
    size_t index = (top / cell) * load.cellsX + left / cell;
    std::vector<int64_t> &segments = dx ? load.horizontal : load.vertical;
    segments[index] = std::max(segments[index], bytes);
  }
  // Loads span orders of magnitude (a token's activations next to a
  // whole prompt's); a linear scale would leave all but the top white.
  load.logScale = load.minBytes > 0 && load.maxBytes >= 16 * load.minBytes;
  return load;
}

} // namespace wafer::plot
