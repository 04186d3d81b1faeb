//===- Place.cpp - origins for every kernel's region ----------------------===//

#include "KernelGraph.h"

#include "wafer/Analysis/KernelCosting.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"
#include "wafer/Dialect/Fabric/Transforms/Passes.h"
#include "wafer/Support/StableSort.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <random>

namespace wafer::fabric {
#define GEN_PASS_DEF_FABRICPLACE
#include "wafer/Dialect/Fabric/Transforms/Passes.h.inc"
} // namespace wafer::fabric

using namespace mlir;
using namespace wafer;
using namespace wafer::fabric;

namespace {

/// Annealing costs a full objective evaluation per move: beyond this many
/// moves per kernel a large model would anneal for hours, and the
/// placements stop improving long before.
constexpr int64_t kMaxEffort = 10'000;

struct Constraint {
  std::optional<std::pair<int64_t, int64_t>> pin;  ///< fixed origin
  std::optional<std::pair<int64_t, int64_t>> band; ///< rows [y0, y1]
};

class Placer {
public:
  /// `transposed`: each kernel's cost with its region turned, where it may
  /// turn (mayTranspose).
  Placer(KernelGraph &g, TargetAttr target, ArrayRef<Constraint> constraints,
         ArrayRef<bool> mayTranspose,
         ArrayRef<std::optional<cost::KernelCost>> transposed, uint64_t seed)
      : g(g), width(target.getWidth()), height(target.getHeight()),
        dataBytes(target.dataBytes()), constraints(constraints),
        mayTranspose(mayTranspose), transposed(transposed), rng(seed) {
    // Kernels that arrive with an origin (the shared strategy's) stay.
    for (const PlacedKernel &k : g.kernels)
      anchored.push_back(k.placed());
  }

  /// Serpentine shelves in program order; pinned and banded kernels first.
  LogicalResult initial(std::string &failure);
  /// Simulated annealing; returns (moves tried, moves accepted).
  std::pair<int64_t, int64_t> anneal(int64_t movesPerKernel);
  double cost() const;

private:
  bool legal(int k, int64_t x, int64_t y, int64_t w, int64_t h) const;
  bool fitsMemory(int k, const PlacedKernel &at) const;
  PeOccupant occupant(int k, const PlacedKernel &at, PlacedRect on) const;
  bool fitsConstraint(int k, int64_t x, int64_t y, int64_t h) const;
  double costAround(int k) const;
  double criticalPath() const;
  uint64_t below(uint64_t n) { return n ? rng() % n : 0; }
  double unit() { return (rng() >> 11) * 0x1.0p-53; }

  KernelGraph &g;
  int64_t width, height, dataBytes;
  ArrayRef<Constraint> constraints;
  ArrayRef<bool> mayTranspose;
  ArrayRef<std::optional<cost::KernelCost>> transposed;
  SmallVector<bool> anchored;
  std::mt19937_64 rng;
};

bool Placer::fitsConstraint(int k, int64_t x, int64_t y, int64_t h) const {
  const Constraint &c = constraints[k];
  if (c.pin && (x != c.pin->first || y != c.pin->second))
    return false;
  if (c.band && (y < c.band->first || y + h - 1 > c.band->second))
    return false;
  return true;
}

bool Placer::legal(int k, int64_t x, int64_t y, int64_t w, int64_t h) const {
  if (x < 0 || y < 0 || x + w > width || y + h > height ||
      !fitsConstraint(k, x, y, h))
    return false;
  PlacedKernel candidate = g.kernels[k];
  candidate.x = x;
  candidate.y = y;
  candidate.width = w;
  candidate.height = h;
  bool sharesPEs = false;
  for (auto [i, other] : llvm::enumerate(g.kernels))
    if (int(i) != k && other.placed() && candidate.overlaps(other)) {
      if (other.slot == candidate.slot)
        return false;
      sharesPEs = true;
    }
  return !sharesPEs || fitsMemory(k, candidate);
}

// Kernel k at `at` on the PEs of `on`: its bytes per PE are the tiler's, or
// those of its turned region when the placer turned it.
PeOccupant Placer::occupant(int k, const PlacedKernel &at,
                            PlacedRect on) const {
  KernelOp op = g.kernels[k].op;
  if (at.width != op.regionWidth())
    return {on, at.slot, transposed[k]->weightBytes,
            transposed[k]->bufferBytes};
  return {on, at.slot, op.getWeightBytes(), op.getBufferBytes()};
}

// Kernels of other slots may share PEs with kernel k (time multiplexing),
// but a PE keeps the weights of all of them: the PEs of k's rectangle must
// hold those plus the buffers of their busiest slot, as the design's
// verifier checks.
bool Placer::fitsMemory(int k, const PlacedKernel &at) const {
  PlacedRect r = at.rect();
  SmallVector<PeOccupant> occupants{occupant(k, at, r)};
  for (auto [i, other] : llvm::enumerate(g.kernels)) {
    if (int(i) == k || !other.placed() || !at.overlaps(other))
      continue;
    PlacedRect o = other.rect();
    PlacedRect shared{std::max(r.x0, o.x0), std::max(r.y0, o.y0),
                      std::min(r.x1, o.x1), std::min(r.y1, o.y1)};
    occupants.push_back(occupant(int(i), other, shared));
  }
  return occupants.size() == 1 || !findPeOverflow(occupants, dataBytes);
}

LogicalResult Placer::initial(std::string &failure) {
  // Constrained kernels first, at the first legal spot of their rows.
  SmallVector<int> order;
  for (size_t k = 0; k < g.kernels.size(); ++k)
    if (!g.kernels[k].placed() &&
        (constraints[k].pin || constraints[k].band))
      order.push_back(k);
  for (int k : order) {
    PlacedKernel &p = g.kernels[k];
    bool done = false;
    int64_t y0 = constraints[k].band ? constraints[k].band->first : 0;
    if (constraints[k].pin) {
      done = legal(k, constraints[k].pin->first, constraints[k].pin->second,
                   p.width, p.height);
      if (done) {
        p.x = constraints[k].pin->first;
        p.y = constraints[k].pin->second;
      }
    }
    for (int64_t y = y0; !done && !constraints[k].pin && y + p.height <= height;
         ++y)
      for (int64_t x = 0; !done && x + p.width <= width; ++x)
        if (legal(k, x, y, p.width, p.height)) {
          p.x = x;
          p.y = y;
          done = true;
        }
    if (!done) {
      failure = llvm::formatv("kernel '{0}' ({1}x{2}) cannot be placed where "
                              "its pin or band puts it",
                              p.op.getSymName(), p.width, p.height)
                    .str();
      return LogicalResult::failure();
    }
  }

  // The rest on serpentine shelves (tallest first, program order among
  // equals, next fit): each shelf fills left to right, the next right to
  // left, so that a pipeline of equally tall regions snakes down the mesh.
  struct Shelf {
    int64_t y, height, used;
  };
  SmallVector<Shelf> shelves;
  int64_t nextY = 0;
  SmallVector<int> byHeight;
  for (size_t k = 0; k < g.kernels.size(); ++k)
    if (!g.kernels[k].placed())
      byHeight.push_back(k);
  wafer::stableSort(byHeight, [&](int a, int b) {
    return g.kernels[a].height > g.kernels[b].height;
  });
  SmallVector<int> unplaced;
  for (int k : byHeight) {
    PlacedKernel &p = g.kernels[k];
    auto tryShelf = [&](Shelf &shelf, size_t index) {
      // Obstacles (pinned kernels) may force a shelf's cursor onwards.
      while (shelf.used + p.width <= width) {
        int64_t x = index % 2 == 0 ? shelf.used : width - shelf.used - p.width;
        if (legal(k, x, shelf.y, p.width, p.height)) {
          p.x = x;
          p.y = shelf.y;
          shelf.used += p.width;
          return true;
        }
        ++shelf.used;
      }
      return false;
    };
    // Next fit keeps program order along the serpentine.
    bool done = !shelves.empty() && shelves.back().height >= p.height &&
                tryShelf(shelves.back(), shelves.size() - 1);
    while (!done && nextY + p.height <= height) {
      shelves.push_back({nextY, p.height, 0});
      nextY += p.height;
      done = tryShelf(shelves.back(), shelves.size() - 1);
    }
    if (!done)
      unplaced.push_back(k);
  }
  // Shelves waste the space above short kernels; try every free spot.
  for (int k : unplaced) {
    PlacedKernel &p = g.kernels[k];
    for (int64_t y = 0; !p.placed() && y + p.height <= height; ++y)
      for (int64_t x = 0; !p.placed() && x + p.width <= width; ++x)
        if (legal(k, x, y, p.width, p.height)) {
          p.x = x;
          p.y = y;
        }
  }
  SmallVector<int> missing;
  int64_t missingArea = 0;
  for (int k : unplaced)
    if (!g.kernels[k].placed()) {
      missing.push_back(k);
      missingArea += g.kernels[k].width * g.kernels[k].height;
    }
  if (missing.empty())
    return success();
  std::string names;
  for (int k : ArrayRef<int>(missing).take_front(5))
    names += llvm::formatv("{0}'{1}' ({2}x{3})", names.empty() ? "" : ", ",
                           g.kernels[k].op.getSymName(), g.kernels[k].width,
                           g.kernels[k].height)
                 .str();
  // PEs taken in the first missing kernel's time slot; kernels of other
  // slots leave a PE free only where it can hold their weights too.
  const int64_t slot = g.kernels[missing.front()].slot;
  int64_t used = 0;
  bool otherSlots = false;
  for (const PlacedKernel &p : g.kernels)
    if (p.placed()) {
      if (p.slot == slot)
        used += p.width * p.height;
      else
        otherSlots = true;
    }
  failure = llvm::formatv("{0} kernel(s) do not fit the {1}x{2} mesh: {3}{4}; "
                          "they need {5} PEs and {6} of {7} are free in time "
                          "slot {8}",
                          missing.size(), width, height, names,
                          missing.size() > 5 ? ", ..." : "", missingArea,
                          width * height - used, width * height, slot)
                .str();
  if (otherSlots)
    failure += llvm::formatv(", where a PE that kernels of other slots use "
                             "must also hold their weights ({0} bytes for "
                             "data per PE)",
                             dataBytes)
                   .str();
  return LogicalResult::failure();
}

double Placer::criticalPath() const {
  // Kernels are in program order, so every stream runs forwards.
  SmallVector<double> arrive(g.kernels.size(), 0);
  double longest = 0;
  for (const StreamEdge &s : g.streams)
    for (int c : s.consumers) {
      double t = arrive[s.producer] + g.distance(s.producer, c);
      arrive[c] = std::max(arrive[c], t);
      longest = std::max(longest, t);
    }
  return longest;
}

double Placer::cost() const {
  double wire = 0, bytes = 0;
  for (const StreamEdge &s : g.streams)
    for (int c : s.consumers) {
      wire += double(s.bytes) * g.distance(s.producer, c);
      bytes += s.bytes;
    }
  double meanBytes = g.streams.empty() ? 0 : bytes / g.streams.size();
  return wire + meanBytes * criticalPath();
}

std::pair<int64_t, int64_t> Placer::anneal(int64_t movesPerKernel) {
  SmallVector<int> movable;
  for (size_t k = 0; k < g.kernels.size(); ++k)
    if (!constraints[k].pin && !constraints[k].band && !anchored[k])
      movable.push_back(k);
  int64_t total = movesPerKernel * int64_t(movable.size());
  if (movable.size() < 2 || total == 0)
    return {0, 0};
  // Kernels of one shape (the same op in every layer) can always trade
  // places: the move that restores a layer-by-layer order after packing.
  llvm::DenseMap<std::pair<int64_t, int64_t>, SmallVector<int>> byShape;
  for (int k : movable)
    byShape[{g.kernels[k].width, g.kernels[k].height}].push_back(k);

  auto propose = [&](int &a, int &b, PlacedKernel &beforeA,
                     PlacedKernel &beforeB) -> bool {
    a = movable[below(movable.size())];
    beforeA = g.kernels[a];
    b = -1;
    PlacedKernel &p = g.kernels[a];
    uint64_t kind = below(4);
    if (kind < 2) {
      // Shapes are keyed as tiling made them; a turned kernel swaps with
      // its kind only while it is not turned.
      auto it = byShape.find({p.width, p.height});
      if (it == byShape.end() || it->second.size() < 2)
        return false;
      b = it->second[below(it->second.size())];
      if (g.kernels[b].width != p.width || g.kernels[b].height != p.height)
        return false;
      if (b == a || g.kernels[b].slot != p.slot)
        return false;
      beforeB = g.kernels[b];
      std::swap(g.kernels[a].x, g.kernels[b].x);
      std::swap(g.kernels[a].y, g.kernels[b].y);
      if (!fitsMemory(a, g.kernels[a]) || !fitsMemory(b, g.kernels[b])) {
        g.kernels[a] = beforeA;
        g.kernels[b] = beforeB;
        return false;
      }
      return true;
    }
    if (kind == 2) {
      // A short move to a free spot nearby.
      int64_t span = std::max<int64_t>(p.width, p.height);
      int64_t x = p.x + int64_t(below(2 * span + 1)) - span;
      int64_t y = p.y + int64_t(below(2 * span + 1)) - span;
      if (!legal(a, x, y, p.width, p.height))
        return false;
      p.x = x;
      p.y = y;
      return true;
    }
    // Transposed shape: the same PEs, turned.
    if (!mayTranspose[a] || !legal(a, p.x, p.y, p.height, p.width))
      return false;
    std::swap(p.width, p.height);
    return true;
  };
  auto undo = [&](int a, int b, const PlacedKernel &beforeA,
                  const PlacedKernel &beforeB) {
    g.kernels[a] = beforeA;
    if (b >= 0)
      g.kernels[b] = beforeB;
  };

  // The serpentine start is already good: anneal cold (a typical uphill
  // move is accepted with probability e^-20 at first), and keep the best
  // placement seen.
  double current = cost();
  double sum = 0;
  int samples = 0;
  for (int i = 0; i < 64; ++i) {
    int a, b;
    PlacedKernel beforeA, beforeB;
    if (!propose(a, b, beforeA, beforeB))
      continue;
    sum += std::abs(cost() - current);
    ++samples;
    undo(a, b, beforeA, beforeB);
  }
  double temperature = samples && sum > 0 ? sum / samples / 20 : 1;
  double bestCost = current;
  SmallVector<PlacedKernel> best(g.kernels.begin(), g.kernels.end());
  double cooling = std::pow(1e-4, 1.0 / double(total));
  int64_t accepted = 0;
  for (int64_t move = 0; move < total; ++move, temperature *= cooling) {
    int a, b;
    PlacedKernel beforeA, beforeB;
    if (!propose(a, b, beforeA, beforeB))
      continue;
    double next = cost();
    double delta = next - current;
    if (delta <= 0 || unit() < std::exp(-delta / temperature)) {
      current = next;
      ++accepted;
      if (current < bestCost) {
        bestCost = current;
        best.assign(g.kernels.begin(), g.kernels.end());
      }
    } else {
      undo(a, b, beforeA, beforeB);
    }
  }
  std::copy(best.begin(), best.end(), g.kernels.begin());
  return {total, accepted};
}

struct FabricPlacePass
    : wafer::fabric::impl::FabricPlaceBase<FabricPlacePass> {
  using FabricPlaceBase::FabricPlaceBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto mapped = getMappedDesign(module, "fabric-place",
                                  "fabric.design (run fabric-tile first)");
    if (failed(mapped))
      return signalPassFailure();
    auto [design, func] = *mapped;
    TargetAttr target = design.getTarget();
    if (effort < 0 || effort > kMaxEffort) {
      module.emitError() << "effort must be between 0 and " << kMaxEffort
                         << " moves per kernel, got "
                         << static_cast<int64_t>(effort);
      return signalPassFailure();
    }
    KernelGraph g = KernelGraph::of(func);
    SmallVector<Constraint> constraints(g.kernels.size());
    llvm::StringMap<int> byName;
    for (auto [i, k] : llvm::enumerate(g.kernels))
      byName[k.op.getSymName()] = i;
    auto parse = [&](StringRef spec, StringRef what,
                     auto apply) -> LogicalResult {
      auto [name, value] = spec.rsplit('=');
      auto it = byName.find(name);
      if (it == byName.end())
        return module.emitError() << what << " '" << spec
                                  << "' names no kernel";
      auto [a, b] = value.split(what == "pin" ? ':' : '-');
      int64_t first, second;
      if (a.trim().getAsInteger(10, first) ||
          b.trim().getAsInteger(10, second) || first < 0 || second < 0)
        return module.emitError()
               << what << " '" << spec << "' must be NAME="
               << (what == "pin" ? "X:Y" : "Y0-Y1");
      if (what == "band" && first > second)
        return module.emitError()
               << "band '" << spec << "' must name rows Y0-Y1 with Y0 <= Y1";
      apply(constraints[it->second], first, second);
      return success();
    };
    for (const std::string &pin : pins)
      if (failed(parse(pin, "pin", [](Constraint &c, int64_t x, int64_t y) {
            c.pin = {x, y};
          })))
        return signalPassFailure();
    for (const std::string &band : bands)
      if (failed(parse(band, "band", [](Constraint &c, int64_t y0, int64_t y1) {
            c.band = {y0, y1};
          })))
        return signalPassFailure();

    // Kernels tiling already anchored (the shared strategy) stay; the rest
    // are placed afresh.
    // A kernel may turn its region when the turned shape costs no more
    // cycles and fits its PEs' SRAM.
    cost::Machine machine = machineOf(target);
    SmallVector<bool> mayTranspose;
    SmallVector<std::optional<cost::KernelCost>> transposed;
    for (PlacedKernel &p : g.kernels) {
      std::optional<cost::KernelCost> turned;
      if (p.width != p.height && !p.placed())
        turned = costKernel(p.op, machine, cost::Region{p.height, p.width});
      bool ok = turned && turned->peBytes() <= machine.dataBytes &&
                std::llround(turned->cycles()) <=
                    p.op.getCycles();
      mayTranspose.push_back(ok);
      transposed.push_back(turned);
    }
    Placer placer(g, target, constraints, mayTranspose, transposed, seed);
    std::string failure;
    if (failed(placer.initial(failure))) {
      func.emitError() << "cannot place: " << failure;
      return signalPassFailure();
    }
    auto [moves, accepted] = placer.anneal(effort);
    numMoves += moves;
    numAccepted += accepted;

    for (auto [k, p] : llvm::enumerate(g.kernels)) {
      p.op.setOrigin(ArrayRef<int64_t>{p.x, p.y});
      if (p.width == p.op.regionWidth())
        continue;
      const cost::KernelCost &c = *transposed[k];
      p.op.setRegion({p.width, p.height});
      p.op.setBlocks(c.blocks);
      p.op.setWeightBytes(c.weightBytes);
      p.op.setBufferBytes(c.bufferBytes);
      p.op.setCycles(std::llround(c.cycles()));
    }
  }
};

} // namespace
