//===- PhysicalChecks.cpp - a design against its target -------------------===//
//
// Run by fabric.design's region verifier, after every kernel and stream in
// it has verified on its own: regions have two positive sides, origins two
// non-negative coordinates, counts are non-negative and streams carry kernel
// results. What is checked here needs the target or several ops at once.
//
//===----------------------------------------------------------------------===//

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <set>

using namespace mlir;

namespace wafer::fabric {

namespace {
/// Kernels inside the mesh, or the first error.
LogicalResult checkKernelBounds(KernelOp k, TargetAttr target) {
  if (k.regionWidth() > target.getWidth() ||
      k.regionHeight() > target.getHeight())
    return k.emitOpError() << "region " << k.regionWidth() << "x"
                           << k.regionHeight() << " does not fit the "
                           << target.getWidth() << "x" << target.getHeight()
                           << " mesh";
  int64_t bytes = *k.peBytes();
  if (bytes > target.dataBytes())
    return k.emitOpError() << "needs " << bytes << " bytes per PE; a PE has "
                           << target.dataBytes() << " for data ("
                           << target.getSramBytes() << " SRAM less "
                           << target.getCodeBytes() << " for code)";
  if (std::optional<ArrayRef<int64_t>> origin = k.getOrigin()) {
    // Compared before adding the region's sides, which cannot overflow then
    // (both are within the mesh).
    int64_t x = (*origin)[0], y = (*origin)[1];
    if (x >= target.getWidth() || y >= target.getHeight() ||
        x + k.regionWidth() > target.getWidth() ||
        y + k.regionHeight() > target.getHeight())
      return k.emitOpError()
             << "region " << k.regionWidth() << "x" << k.regionHeight()
             << " at (" << x << ", " << y << ") leaves the "
             << target.getWidth() << "x" << target.getHeight() << " mesh";
  }
  return success();
}
} // namespace

std::optional<PeOverflow> findPeOverflow(ArrayRef<PeOccupant> occupants,
                                         int64_t dataBytes) {
  // Sum per distinct rectangle, then over the cells of the grid their edges
  // cut: every PE of a cell has the same occupants.
  struct Usage {
    int64_t resident = 0;
    std::map<int64_t, int64_t> buffersBySlot;
  };
  std::map<std::tuple<int64_t, int64_t, int64_t, int64_t>, Usage> byRect;
  for (const PeOccupant &o : occupants) {
    Usage &u = byRect[{o.rect.x0, o.rect.y0, o.rect.x1, o.rect.y1}];
    u.resident += o.weightBytes;
    u.buffersBySlot[o.slot] += o.bufferBytes;
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
      if (resident + peak > dataBytes)
        return PeOverflow{xs[i], ys[j], resident, peak};
    }
  return std::nullopt;
}

LogicalResult verifyPhysics(DesignOp design) {
  TargetAttr target = design.getTarget();
  SmallVector<KernelOp> placed;
  llvm::StringMap<KernelOp> byName;
  WalkResult walk = design.walk([&](KernelOp k) -> WalkResult {
    auto [it, inserted] = byName.try_emplace(k.getSymName(), k);
    if (!inserted) {
      InFlightDiagnostic diag = k.emitOpError()
                                << "name " << k.getRef()
                                << " is already taken in this design";
      diag.attachNote(it->second.getLoc()) << "the other kernel";
      return diag;
    }
    if (failed(checkKernelBounds(k, target)))
      return WalkResult::interrupt();
    if (k.getOrigin())
      placed.push_back(k);
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  // Within a time slot, regions are disjoint.
  for (size_t i = 0; i < placed.size(); ++i)
    for (size_t j = i + 1; j < placed.size(); ++j)
      if (placed[i].getSlot() == placed[j].getSlot() &&
          placedRect(placed[i])->overlaps(*placedRect(placed[j]))) {
        auto diag = placed[j].emitOpError()
                    << "overlaps kernel " << placed[i].getRef()
                    << " in time slot " << placed[j].getSlot();
        diag.attachNote(placed[i].getLoc()) << "the other kernel";
        return diag;
      }

  // A PE holds the weights of every kernel that covers it, in any slot,
  // plus the activation buffers of the slot that needs the most.
  SmallVector<PeOccupant> occupants;
  for (KernelOp k : placed)
    occupants.push_back({*placedRect(k), k.getSlot(), k.getWeightBytes(),
                         k.getBufferBytes()});
  if (std::optional<PeOverflow> o =
          findPeOverflow(occupants, target.dataBytes()))
    return design.emitOpError()
           << "PE (" << o->x << ", " << o->y << ") holds " << o->residentBytes
           << " bytes of weights and up to " << o->peakBufferBytes
           << " of buffers over the kernels that occupy it; a PE has "
           << target.dataBytes() << " for data";
  return success();
}

namespace {

/// Routers in use, per color: the streams that pass each router.
using RouterColorKey = std::tuple<int64_t, int64_t, int64_t>;

bool alive(std::pair<int64_t, int64_t> a, std::pair<int64_t, int64_t> b) {
  return a.first <= b.second && b.first <= a.second;
}

LogicalResult verifyRoute(StreamOp s, TargetAttr target,
                          std::map<RouterColorKey, SmallVector<StreamOp>>
                              &byRouterColor) {
  KernelOp producer = s.getProducer();
  std::optional<PlacedRect> from = placedRect(producer);
  auto sharesProducer = [&](KernelOp consumer) {
    std::optional<PlacedRect> to = placedRect(consumer);
    return from && to && from->overlaps(*to);
  };
  if (!s.getRoute()) {
    if (s.getColor())
      return s.emitOpError() << "has a color but no route";
    return success();
  }
  // A route runs between placed regions: routing follows placement, and an
  // endpoint placed after its route was laid out would leave the route
  // pointing elsewhere.
  if (!from)
    return s.emitOpError() << "has a route but its producer, kernel "
                           << producer.getRef() << ", is not placed";
  for (Operation *user : s.getOutput().getUsers())
    if (auto consumer = dyn_cast<KernelOp>(user))
      if (!placedRect(consumer))
        return s.emitOpError() << "has a route but its consumer, kernel "
                               << consumer.getRef() << ", is not placed";
  ArrayRef<int64_t> hops = *s.getRoute();
  if (hops.empty() && !s.getColor()) {
    // Data that stays on the producer's PEs, which its consumers share.
    for (Operation *user : s.getOutput().getUsers())
      if (auto consumer = dyn_cast<KernelOp>(user))
        if (!sharesProducer(consumer))
          return s.emitOpError()
                 << "has an empty route but kernel " << consumer.getRef()
                 << " does not share the producer's PEs";
    return success();
  }
  if (!s.getColor())
    return s.emitOpError() << "a routed stream needs a color";
  int64_t color = *s.getColor();
  if (color >= target.getColors())
    return s.emitOpError() << "color " << color << " outside 0.."
                           << target.getColors() - 1;
  if (llvm::is_contained(target.getReservedColors().asArrayRef(), color))
    return s.emitOpError() << "color " << color << " is reserved";

  // Routers the route reaches, starting from the producer's region; each is
  // entered through one port at most.
  std::set<std::pair<int64_t, int64_t>> reached, entered;
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
    bool fromProducer = from->contains(x0, y0);
    if (!fromProducer && !reached.count({x0, y0}))
      return s.emitOpError() << "hop " << i / 4 << " starts at (" << x0
                             << ", " << y0
                             << "), which the route has not reached";
    if (!entered.insert({x1, y1}).second)
      return s.emitOpError() << "hop " << i / 4 << " enters router (" << x1
                             << ", " << y1
                             << ") a second time; a router takes a color "
                                "from one input port";
    reached.insert({x0, y0});
    reached.insert({x1, y1});
  }
  // A router's setting for one color passes one stream: two streams of one
  // color alive at once at any router would merge there.
  std::pair<int64_t, int64_t> mine = s.getLifetime();
  for (auto [x, y] : reached) {
    SmallVector<StreamOp> &others = byRouterColor[{x, y, color}];
    for (StreamOp other : others) {
      if (!alive(mine, other.getLifetime()))
        continue;
      auto diag = s.emitOpError()
                  << "passes router (" << x << ", " << y
                  << ") on color " << color
                  << " while another stream of that color does; a router "
                     "passes one stream per color at a time";
      diag.attachNote(other.getLoc()) << "the other stream";
      return diag;
    }
    others.push_back(s);
  }
  for (Operation *user : s.getOutput().getUsers()) {
    auto consumer = dyn_cast<KernelOp>(user);
    if (!consumer)
      continue;
    std::optional<PlacedRect> to = placedRect(consumer);
    bool arrives = llvm::any_of(reached, [&](auto router) {
      return to->contains(router.first, router.second);
    });
    // A consumer on (some of) the producer's PEs reads the value in place.
    if (!arrives && !sharesProducer(consumer))
      return s.emitOpError() << "route never reaches the region of kernel "
                             << consumer.getRef();
  }
  return success();
}
} // namespace

LogicalResult verifyRoutes(DesignOp design) {
  TargetAttr target = design.getTarget();
  std::map<RouterColorKey, SmallVector<StreamOp>> byRouterColor;
  WalkResult walk = design.walk([&](StreamOp s) {
    return failed(verifyRoute(s, target, byRouterColor))
               ? WalkResult::interrupt()
               : WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

} // namespace wafer::fabric
