//===- PhysicalChecks.cpp - regions, slots and SRAM against the target ----===//

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <set>

using namespace mlir;

namespace wafer::fabric {

namespace {
struct Rect {
  int64_t x0, y0, x1, y1; // [x0, x1) x [y0, y1)
  bool overlaps(const Rect &o) const {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
};

Rect rectOf(KernelOp k) {
  ArrayRef<int64_t> origin = *k.getOrigin();
  return {origin[0], origin[1], origin[0] + k.regionWidth(),
          origin[1] + k.regionHeight()};
}
} // namespace

LogicalResult verifyPhysics(ModuleOp module, TargetAttr target) {
  SmallVector<KernelOp> placed;
  WalkResult walk = module.walk([&](KernelOp k) -> WalkResult {
    if (k.regionWidth() > target.getWidth() ||
        k.regionHeight() > target.getHeight())
      return k.emitOpError() << "region " << k.regionWidth() << "x"
                             << k.regionHeight() << " does not fit the "
                             << target.getWidth() << "x" << target.getHeight()
                             << " mesh";
    if (k.peBytes() > target.dataBytes())
      return k.emitOpError() << "needs " << k.peBytes()
                             << " bytes per PE; a PE has "
                             << target.dataBytes() << " for data ("
                             << target.getSramBytes() << " SRAM less "
                             << target.getCodeBytes() << " for code)";
    if (k.getOrigin()) {
      Rect r = rectOf(k);
      if (r.x1 > target.getWidth() || r.y1 > target.getHeight())
        return k.emitOpError()
               << "region [" << r.x0 << ", " << r.x1 << ") x [" << r.y0
               << ", " << r.y1 << ") leaves the " << target.getWidth() << "x"
               << target.getHeight() << " mesh";
      placed.push_back(k);
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  // Within a time slot, regions are disjoint.
  for (size_t i = 0; i < placed.size(); ++i)
    for (size_t j = i + 1; j < placed.size(); ++j)
      if (placed[i].getSlot() == placed[j].getSlot() &&
          rectOf(placed[i]).overlaps(rectOf(placed[j]))) {
        auto diag = placed[j].emitOpError()
                    << "overlaps kernel '" << placed[i].getSymName()
                    << "' in time slot " << placed[j].getSlot();
        diag.attachNote(placed[i].getLoc()) << "the other kernel";
        return diag;
      }

  // A PE holds the weights of every kernel that covers it, in any slot,
  // plus the activation buffers of the slot that needs the most. Sum per
  // distinct rectangle, then over the cells of the grid their edges cut.
  struct Usage {
    int64_t resident = 0;
    std::map<int64_t, int64_t> buffersBySlot;
  };
  std::map<std::tuple<int64_t, int64_t, int64_t, int64_t>, Usage> byRect;
  for (KernelOp k : placed) {
    Rect r = rectOf(k);
    Usage &u = byRect[{r.x0, r.y0, r.x1, r.y1}];
    u.resident += k.getWeightBytes();
    u.buffersBySlot[k.getSlot()] += k.getBufferBytes();
  }
  SmallVector<int64_t> xs, ys;
  for (const auto &[r, u] : byRect) {
    xs.append({std::get<0>(r), std::get<2>(r)});
    ys.append({std::get<1>(r), std::get<3>(r)});
  }
  llvm::sort(xs);
  xs.erase(llvm::unique(xs), xs.end());
  llvm::sort(ys);
  ys.erase(llvm::unique(ys), ys.end());
  for (size_t i = 0; i + 1 < xs.size(); ++i)
    for (size_t j = 0; j + 1 < ys.size(); ++j) {
      int64_t resident = 0;
      std::map<int64_t, int64_t> buffers;
      for (const auto &[r, u] : byRect)
        if (std::get<0>(r) <= xs[i] && xs[i] < std::get<2>(r) &&
            std::get<1>(r) <= ys[j] && ys[j] < std::get<3>(r)) {
          resident += u.resident;
          for (const auto &[slot, b] : u.buffersBySlot)
            buffers[slot] += b;
        }
      int64_t peak = 0;
      for (const auto &[slot, b] : buffers)
        peak = std::max(peak, b);
      if (resident + peak > target.dataBytes())
        return module.emitError()
               << "PE (" << xs[i] << ", " << ys[j] << ") holds " << resident
               << " bytes of weights and up to " << peak
               << " of buffers over the kernels that occupy it; a PE has "
               << target.dataBytes() << " for data";
    }
  return success();
}

namespace {
/// Whether a router lies inside a kernel's placed region.
bool inside(KernelOp k, int64_t x, int64_t y) {
  if (!k.getOrigin())
    return false;
  Rect r = rectOf(k);
  return r.x0 <= x && x < r.x1 && r.y0 <= y && y < r.y1;
}

/// The slots a stream is alive in: from its producer's to its last
/// consumer's.
std::pair<int64_t, int64_t> lifetimeOf(StreamOp s) {
  int64_t first = 0, last = 0;
  if (auto producer = s.getInput().getDefiningOp<KernelOp>())
    first = last = producer.getSlotAttr().getInt();
  for (Operation *user : s.getOutput().getUsers())
    if (auto consumer = dyn_cast<KernelOp>(user))
      last = std::max(last, consumer.getSlotAttr().getInt());
  return {first, last};
}

using PortColorKey = std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t>;

LogicalResult verifyRoute(StreamOp s, TargetAttr target,
                          std::map<PortColorKey, SmallVector<StreamOp>>
                              &portColors) {
  if (!s.getRoute()) {
    if (s.getColor())
      return s.emitOpError() << "has a color but no route";
    return success();
  }
  if (s.getRoute()->empty() && !s.getColor()) {
    // Data that stays on the producer's PEs, which its consumers share.
    auto producer = s.getInput().getDefiningOp<KernelOp>();
    for (Operation *user : s.getOutput().getUsers())
      if (auto consumer = dyn_cast<KernelOp>(user))
        if (!producer || !producer.getOrigin() || !consumer.getOrigin() ||
            !rectOf(producer).overlaps(rectOf(consumer)))
          return s.emitOpError()
                 << "has an empty route but kernel '" << consumer.getSymName()
                 << "' does not share the producer's PEs";
    return success();
  }
  if (!s.getColor())
    return s.emitOpError() << "a routed stream needs a color";
  int64_t color = s.getColorAttr().getInt();
  if (color < 0 || color >= target.getColors())
    return s.emitOpError() << "color " << color << " outside 0.."
                           << target.getColors() - 1;
  if (llvm::is_contained(target.getReservedColors().asArrayRef(), color))
    return s.emitOpError() << "color " << color << " is reserved";
  ArrayRef<int64_t> hops = *s.getRoute();
  if (hops.size() % 4)
    return s.emitOpError() << "route must hold x0, y0, x1, y1 quadruples";
  auto producer = s.getInput().getDefiningOp<KernelOp>();
  // Routers the route reaches, starting from the producer's region.
  std::set<std::pair<int64_t, int64_t>> reached;
  for (size_t i = 0; i < hops.size(); i += 4) {
    int64_t x0 = hops[i], y0 = hops[i + 1], x1 = hops[i + 2], y1 = hops[i + 3];
    for (auto [x, y] : {std::pair{x0, y0}, std::pair{x1, y1}})
      if (x < 0 || y < 0 || x >= target.getWidth() || y >= target.getHeight())
        return s.emitOpError() << "hop " << i / 4 << " leaves the mesh at ("
                               << x << ", " << y << ")";
    if (std::llabs(x0 - x1) + std::llabs(y0 - y1) != 1)
      return s.emitOpError() << "hop " << i / 4 << " from (" << x0 << ", "
                             << y0 << ") to (" << x1 << ", " << y1
                             << ") does not follow a link";
    bool fromProducer = producer && inside(producer, x0, y0);
    if (!fromProducer && !reached.count({x0, y0}))
      return s.emitOpError() << "hop " << i / 4 << " starts at (" << x0
                             << ", " << y0
                             << "), which the route has not reached";
    reached.insert({x0, y0});
    reached.insert({x1, y1});
    // Two routes of one color may not enter a router through one port
    // while both are alive.
    SmallVector<StreamOp> &others =
        portColors[std::make_tuple(x1, y1, x1 - x0, y1 - y0, color)];
    auto mine = lifetimeOf(s);
    for (StreamOp other : others) {
      auto theirs = lifetimeOf(other);
      if (other == s || mine.first > theirs.second ||
          theirs.first > mine.second)
        continue;
      auto diag = s.emitOpError()
                  << "enters router (" << x1 << ", " << y1
                  << ") through the same port as another stream of color "
                  << color << " in the same time slot";
      diag.attachNote(other.getLoc()) << "the other stream";
      return diag;
    }
    if (!llvm::is_contained(others, s))
      others.push_back(s);
  }
  for (Operation *user : s.getOutput().getUsers()) {
    auto consumer = dyn_cast<KernelOp>(user);
    if (!consumer || !consumer.getOrigin())
      continue;
    bool arrives = llvm::any_of(reached, [&](auto router) {
      return inside(consumer, router.first, router.second);
    });
    // An empty route serves a consumer that shares the producer's PEs.
    bool shared = hops.empty() && producer && producer.getOrigin() &&
                  rectOf(producer).overlaps(rectOf(consumer));
    if (!arrives && !shared)
      return s.emitOpError() << "route never reaches the region of kernel '"
                             << consumer.getSymName() << "'";
  }
  return success();
}
} // namespace

LogicalResult verifyRoutes(ModuleOp module, TargetAttr target) {
  std::map<PortColorKey, SmallVector<StreamOp>> portColors;
  WalkResult walk = module.walk([&](StreamOp s) {
    return failed(verifyRoute(s, target, portColors)) ? WalkResult::interrupt()
                                                      : WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

} // namespace wafer::fabric
