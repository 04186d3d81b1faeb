//===- LinkLoad.h - bytes per step over each link of a design ---*- C++ -*-===//
//
// What the routes of a design put on the mesh's links: the mapping report
// prints the busiest link, the plot draws every link as a heat map.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_ANALYSIS_LINKLOAD_H
#define WAFER_ANALYSIS_LINKLOAD_H

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include <cstdint>
#include <tuple>
#include <vector>

namespace wafer {

/// A directed link of the mesh: from router (x, y) to its neighbour in
/// `direction`.
struct MeshLink {
  enum Direction : uint8_t { East, West, South, North }; // +x, -x, +y, -y
  int64_t x = 0, y = 0;
  Direction direction = East;

  /// The link a hop between neighbouring routers takes.
  static MeshLink ofHop(int64_t x0, int64_t y0, int64_t x1, int64_t y1);
  int64_t toX() const { return x + (direction == East) - (direction == West); }
  int64_t toY() const {
    return y + (direction == South) - (direction == North);
  }
  bool horizontal() const { return direction == East || direction == West; }
  /// Row-major by the source router, then east, west, south, north.
  bool operator<(const MeshLink &o) const {
    return std::tie(y, x, direction) < std::tie(o.y, o.x, o.direction);
  }
};

struct LinkLoad {
  MeshLink link;
  /// Bytes per step over the link: the most that the streams alive
  /// together (in one time slot) move over it. Streams sharing a link take
  /// turns on it; streams of slots apart do not meet there.
  int64_t bytes = 0;
};

/// Every link the design's routes use, in MeshLink order, with its load.
/// Expects a design that verifies: hops between neighbouring routers, none
/// taken twice by one stream. Empty before routing.
std::vector<LinkLoad> linkLoads(fabric::DesignOp design);

} // namespace wafer

#endif // WAFER_ANALYSIS_LINKLOAD_H
