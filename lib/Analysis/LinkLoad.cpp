//===- LinkLoad.cpp - bytes per step over each link of a design -----------===//

#include "wafer/Analysis/LinkLoad.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <limits>
#include <map>

using namespace mlir;

namespace wafer {

MeshLink MeshLink::ofHop(int64_t x0, int64_t y0, int64_t x1, int64_t y1) {
  Direction d = x1 > x0 ? East : x1 < x0 ? West : y1 > y0 ? South : North;
  return {x0, y0, d};
}

namespace {
struct Use {
  int64_t first, last; ///< the stream's lifetime, in slots
  int64_t bytes;
};

/// The most bytes of `uses` alive at once.
int64_t peakBytes(ArrayRef<Use> uses) {
  if (uses.size() == 1)
    return uses.front().bytes;
  // Sweep the slots: at one slot, the streams that start there join before
  // those whose last slot it is leave. Summed in 128 bits, reported
  // saturated: stream sizes come from the IR.
  struct Event {
    int64_t slot;
    bool leaves;
    int64_t bytes;
  };
  SmallVector<Event> events;
  for (const Use &u : uses) {
    events.push_back({u.first, false, u.bytes});
    events.push_back({u.last, true, u.bytes});
  }
  llvm::sort(events, [](const Event &a, const Event &b) {
    return std::tie(a.slot, a.leaves) < std::tie(b.slot, b.leaves);
  });
  __int128 alive = 0, peak = 0;
  for (const Event &e : events) {
    alive += e.leaves ? -__int128(e.bytes) : __int128(e.bytes);
    peak = std::max(peak, alive);
  }
  return int64_t(std::min<__int128>(peak, std::numeric_limits<int64_t>::max()));
}
} // namespace

std::vector<LinkLoad> linkLoads(fabric::DesignOp design) {
  std::map<MeshLink, SmallVector<Use, 2>> usesOf;
  design.walk([&](fabric::StreamOp s) {
    std::optional<ArrayRef<int64_t>> route = s.getRoute();
    if (!route)
      return;
    auto [first, last] = s.getLifetime();
    for (size_t i = 0; i + 3 < route->size(); i += 4)
      usesOf[MeshLink::ofHop((*route)[i], (*route)[i + 1], (*route)[i + 2],
                             (*route)[i + 3])]
          .push_back({first, last, s.getBytes()});
  });
  std::vector<LinkLoad> loads;
  loads.reserve(usesOf.size());
  for (const auto &[link, uses] : usesOf)
    loads.push_back({link, peakBytes(uses)});
  return loads;
}

} // namespace wafer
