//===- Route.cpp - streams over the mesh's links, with colors -------------===//

#include "KernelGraph.h"

#include "wafer/CostModel/CostModel.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"
#include "wafer/Dialect/Fabric/Transforms/Passes.h"
#include "wafer/Support/StableSort.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/FormatVariadic.h"

#include <map>
#include <queue>

namespace wafer::fabric {
#define GEN_PASS_DEF_FABRICROUTE
#include "wafer/Dialect/Fabric/Transforms/Passes.h.inc"
} // namespace wafer::fabric

using namespace mlir;
using namespace wafer;
using namespace wafer::fabric;

namespace {

/// PathFinder converges within tens of iterations or not at all; the bound
/// keeps an absurd option from running for hours.
constexpr int64_t kMaxRouteIterations = 1000;

class Router {
public:
  Router(KernelGraph &g, TargetAttr target)
      : g(g), width(target.getWidth()), height(target.getHeight()),
        colors(target.getColors()) {
    for (int64_t c : target.getReservedColors().asArrayRef())
      reserved |= uint64_t(1) << c;
    usableColors = target.usableColors();
    int64_t n = width * height;
    collective.assign(n, 0);
    // Within a slot regions are disjoint, so a router serves one kernel per
    // slot; across slots the kernels' programs reuse the same colors.
    for (PlacedKernel &k : g.kernels) {
      int64_t c = collectiveColors(k.op.getScheme());
      if (!c)
        continue;
      for (int64_t y = k.y; y < k.y + k.height; ++y)
        for (int64_t x = k.x; x < k.x + k.width; ++x) {
          uint8_t &slot = collective[y * width + x];
          slot = std::max<int64_t>(slot, c);
        }
    }
    capacity.resize(n);
    for (int64_t r = 0; r < n; ++r)
      capacity[r] = std::max<int64_t>(usableColors - collective[r], 0);
    history.assign(n, 0);
    users.assign(n, {});
    from.assign(n, -2);
    best.assign(n, 0);
  }

  /// A stream whose producer or consumer has no color left on its routers
  /// after the collectives cannot be routed however long PathFinder
  /// negotiates; says which, or succeeds.
  LogicalResult checkColorBudget(std::string &failure);

  /// PathFinder; returns the failure text on error.
  LogicalResult route(int64_t maxIterations, int64_t &iterations,
                      std::string &failure);
  /// Writes routes and colors onto the stream ops, and re-estimates each
  /// stream's transfer over its routed path and shared links.
  void commit(int64_t linkBytesPerCycle, int64_t hopLatency);

private:
  struct Tree {
    SmallVector<int64_t> nodes;                     ///< routers, root first
    SmallVector<std::pair<int64_t, int64_t>> edges; ///< parent -> child
  };

  /// The router at the centre of a kernel's region, where its streams
  /// start and end.
  int64_t centre(const PlacedKernel &k) const {
    PlacedRect r = k.rect();
    return r.centreRouterY() * width + r.centreRouterX();
  }
  /// Manhattan distance between two routers.
  int64_t hopsBetween(int64_t a, int64_t b) const {
    return std::llabs(a % width - b % width) +
           std::llabs(a / width - b / width);
  }
  /// Only streams alive at the same time compete for a router's colors.
  bool overlap(int a, int b) const {
    return g.streams[a].aliveWith(g.streams[b]);
  }
  /// Streams at router `r` alive together with stream `s`.
  int64_t sharing(int64_t r, int s) const {
    int64_t n = 0;
    for (int other : users[r])
      n += other != s && overlap(s, other);
    return n;
  }
  /// The most streams alive at once at router `r`.
  int64_t peakUse(int64_t r) const {
    int64_t peak = 0;
    for (int s : users[r])
      peak = std::max(peak, sharing(r, s) + 1);
    return peak;
  }
  double nodeCost(int64_t r) const {
    double over =
        std::max<double>(sharing(r, current) + 1 - capacity[r], 0);
    return (1.0 + history[r]) * (1.0 + presentFactor * over);
  }
  Tree routeStream(int index);
  void addPath(Tree &tree, int64_t sink);
  bool color(SmallVectorImpl<int> &uncolored);

  KernelGraph &g;
  int64_t width, height, colors, usableColors = 0;
  uint64_t reserved = 0;
  std::vector<uint8_t> collective;
  std::vector<int64_t> capacity;
  std::vector<double> history;
  /// Streams whose routes pass each router.
  std::vector<SmallVector<int, 2>> users;
  int current = -1; ///< the stream being routed
  double presentFactor = 0.5;
  SmallVector<Tree> trees;
  SmallVector<int64_t> streamColors;
  /// A* scratch, one entry per router: predecessor (-2 unseen, -1 tree)
  /// and best known cost.
  std::vector<int64_t> from;
  std::vector<double> best;
};

Router::Tree Router::routeStream(int index) {
  const StreamEdge &s = g.streams[index];
  current = index;
  Tree tree;
  tree.nodes.push_back(centre(g.kernels[s.producer]));
  SmallVector<int64_t> sinks;
  for (int c : s.consumers) {
    // A consumer on (some of) the producer's PEs reads the activation where
    // it lies; its own collectives redistribute it.
    if (g.kernels[c].overlaps(g.kernels[s.producer]))
      continue;
    int64_t sink = centre(g.kernels[c]);
    if (!llvm::is_contained(sinks, sink))
      sinks.push_back(sink);
  }
  // Nearest sinks first: later ones branch off the tree built so far.
  int64_t root = tree.nodes.front();
  wafer::stableSort(sinks, [&](int64_t a, int64_t b) {
    return hopsBetween(root, a) < hopsBetween(root, b);
  });
  for (int64_t sink : sinks)
    addPath(tree, sink);
  return tree;
}

/// A* from every router of the tree to `sink`, preferring deeper nodes on
/// ties so that straight paths are found without flooding the mesh.
void Router::addPath(Tree &tree, int64_t sink) {
  if (llvm::is_contained(tree.nodes, sink))
    return;
  auto heuristic = [&](int64_t r) { return double(hopsBetween(r, sink)); };
  struct Entry {
    double f, g;
    int64_t router;
    bool operator<(const Entry &o) const {
      return f != o.f ? f > o.f : (g != o.g ? g < o.g : router > o.router);
    }
  };
  std::priority_queue<Entry> open;
  SmallVector<int64_t> touched;
  for (int64_t r : tree.nodes) {
    best[r] = 0;
    from[r] = -1;
    touched.push_back(r);
    open.push({heuristic(r), 0, r});
  }
  while (!open.empty()) {
    Entry e = open.top();
    open.pop();
    if (e.g > best[e.router])
      continue;
    if (e.router == sink)
      break;
    int64_t x = e.router % width, y = e.router / width;
    const int64_t dx[] = {0, 0, 1, -1}, dy[] = {-1, 1, 0, 0};
    for (int d = 0; d < 4; ++d) {
      int64_t nx = x + dx[d], ny = y + dy[d];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height)
        continue;
      int64_t next = ny * width + nx;
      double cost = e.g + nodeCost(next);
        if (from[next] != -2 && best[next] <= cost)
        continue;
      if (from[next] == -2)
        touched.push_back(next);
      best[next] = cost;
      from[next] = e.router;
      open.push({cost + heuristic(next), cost, next});
    }
  }
  // Walk back to the tree and graft the new branch on.
  SmallVector<int64_t> branch;
  for (int64_t r = sink; from[r] != -1; r = from[r])
    branch.push_back(r);
  for (auto it = branch.rbegin(); it != branch.rend(); ++it) {
    tree.edges.push_back({from[*it], *it});
    tree.nodes.push_back(*it);
  }
  for (int64_t r : touched)
    from[r] = -2;
}

bool Router::color(SmallVectorImpl<int> &uncolored) {
  // Collectives take the lowest usable colors of their routers.
  auto collectiveMask = [&](int64_t r) {
    uint64_t mask = 0;
    for (int64_t c = 0, taken = 0; c < colors && taken < collective[r]; ++c)
      if (!(reserved >> c & 1)) {
        mask |= uint64_t(1) << c;
        ++taken;
      }
    return mask;
  };
  SmallVector<int> order;
  for (size_t i = 0; i < trees.size(); ++i)
    if (!trees[i].edges.empty())
      order.push_back(i);
  // Longest routes first: they are the hardest to fit.
  wafer::stableSort(order, [&](int a, int b) {
    return trees[a].nodes.size() > trees[b].nodes.size();
  });
  streamColors.assign(trees.size(), -1);
  for (int s : order) {
    uint64_t blocked = reserved;
    for (int64_t r : trees[s].nodes) {
      blocked |= collectiveMask(r);
      for (int other : users[r])
        if (other != s && streamColors[other] >= 0 && overlap(s, other))
          blocked |= uint64_t(1) << streamColors[other];
    }
    int64_t c = 0;
    while (c < colors && (blocked >> c & 1))
      ++c;
    if (c >= colors)
      uncolored.push_back(s);
    else
      streamColors[s] = c;
  }
  return uncolored.empty();
}

LogicalResult Router::checkColorBudget(std::string &failure) {
  for (const StreamEdge &s : g.streams) {
    SmallVector<int> ends{s.producer};
    for (int c : s.consumers)
      if (!g.kernels[c].overlaps(g.kernels[s.producer]))
        ends.push_back(c);
    if (ends.size() == 1)
      continue; // every consumer reads the value in place
    for (int k : ends) {
      PlacedKernel &p = g.kernels[k];
      if (capacity[centre(p)] > 0)
        continue;
      failure = llvm::formatv(
          "kernel {0} ({1}) needs {2} color(s) on its routers for its own "
          "collectives and the target has {3} usable (of {4}, {5} "
          "reserved), which leaves none for the stream from {6}; give the "
          "target more colors",
          p.op.getRef(), stringifyKernelScheme(p.op.getScheme()),
          int64_t(collective[centre(p)]), usableColors, colors,
          colors - usableColors,
          g.kernels[s.producer].op.getRef())
                    .str();
      return LogicalResult::failure();
    }
  }
  return success();
}

LogicalResult Router::route(int64_t maxIterations, int64_t &iterations,
                            std::string &failure) {
  iterations = 0;
  if (failed(checkColorBudget(failure)))
    return LogicalResult::failure();
  trees.assign(g.streams.size(), Tree());
  SmallVector<int> uncolored;
  for (iterations = 1; iterations <= maxIterations; ++iterations) {
    for (auto &u : users)
      u.clear();
    for (size_t i = 0; i < g.streams.size(); ++i) {
      trees[i] = routeStream(i);
      // A route with no hops keeps its data on the producer's PEs.
      if (!trees[i].edges.empty())
        for (int64_t r : trees[i].nodes)
          users[r].push_back(i);
    }
    bool overused = false;
    for (int64_t r = 0; r < width * height; ++r) {
      if (users[r].size() <= size_t(capacity[r]))
        continue;
      int64_t peak = peakUse(r);
      if (peak > capacity[r]) {
        overused = true;
        history[r] += peak - capacity[r];
      }
    }
    if (!overused) {
      uncolored.clear();
      if (color(uncolored))
        return success();
      // Crowded routers of the routes left without a color get dearer.
      for (int s : uncolored)
        for (int64_t r : trees[s].nodes)
          history[r] += 1;
    }
    presentFactor *= 1.6;
  }
  --iterations;
  // Name the worst routers and the streams on them.
  SmallVector<std::pair<int64_t, int64_t>> worst; // (excess, router)
  for (int64_t r = 0; r < width * height; ++r)
    if (int64_t peak = peakUse(r); peak > capacity[r])
      worst.push_back({peak - capacity[r], r});
  wafer::stableSort(worst, [](auto a, auto b) { return a.first > b.first; });
  std::string text;
  for (auto [excess, r] : ArrayRef(worst).take_front(3)) {
    std::string names;
    int shown = 0;
    for (auto [i, t] : llvm::enumerate(trees))
      if (llvm::is_contained(t.nodes, r) && shown++ < 4)
        names += (names.empty() ? "'" : ", '") +
                 g.kernels[g.streams[i].producer].op.getSymName().str() + "'";
    text += llvm::formatv("; router ({0}, {1}) carries {2} streams with {3} "
                          "colors free (from {4}{5})",
                          r % width, r / width, peakUse(r), capacity[r],
                          names, shown > 4 ? ", ..." : "")
                .str();
  }
  if (worst.empty())
    for (int s : ArrayRef(uncolored).take_front(3))
      text += llvm::formatv("; the stream from '{0}' finds no color free "
                            "along its {1} routers",
                            g.kernels[g.streams[s].producer].op.getSymName(),
                            trees[s].nodes.size())
                  .str();
  failure = llvm::formatv("routing failed after {0} iterations of "
                          "negotiated congestion{1}",
                          iterations, text)
                .str();
  return LogicalResult::failure();
}

void Router::commit(int64_t linkBytesPerCycle, int64_t hopLatency) {
  Builder b(g.kernels.empty() ? nullptr : g.kernels.front().op.getContext());
  // Bytes per step over each directed link, summed over the streams alive
  // together: streams sharing a link take turns on it.
  std::map<std::pair<int64_t, int64_t>, SmallVector<int, 2>> onLink;
  for (auto [i, tree] : llvm::enumerate(trees))
    for (const auto &edge : tree.edges)
      onLink[edge].push_back(i);
  for (auto [i, s] : llvm::enumerate(g.streams)) {
    SmallVector<int64_t> hops;
    for (auto [from, to] : trees[i].edges)
      hops.append({from % width, from / width, to % width, to / width});
    if (streamColors[i] >= 0)
      s.op.setColorAttr(b.getI64IntegerAttr(streamColors[i]));
    s.op.setRoute(hops);
    if (trees[i].edges.empty())
      continue;
    // The cost model's transfer, now over the routed path: the deepest
    // sink's hops plus the bytes through the busiest link of the tree.
    llvm::DenseMap<int64_t, int64_t> depth;
    depth[trees[i].nodes.front()] = 0;
    int64_t deepest = 0;
    int64_t busiest = 0;
    for (const auto &edge : trees[i].edges) {
      int64_t d = depth[edge.first] + 1;
      depth[edge.second] = d;
      deepest = std::max(deepest, d);
      int64_t load = 0;
      for (int other : onLink[edge])
        if (overlap(int(i), other))
          load += g.streams[other].bytes;
      busiest = std::max(busiest, load);
    }
    s.op.setCyclesAttr(b.getI64IntegerAttr(
        deepest * hopLatency + cost::ceilDiv(busiest, linkBytesPerCycle)));
  }
}

struct FabricRoutePass
    : wafer::fabric::impl::FabricRouteBase<FabricRoutePass> {
  using FabricRouteBase::FabricRouteBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto mapped = getMappedDesign(
        module, "fabric-route",
        "placed fabric.design (run fabric-tile and fabric-place first)");
    if (failed(mapped))
      return signalPassFailure();
    auto [design, func] = *mapped;
    TargetAttr target = design.getTarget();
    if (maxIterations < 1 || maxIterations > kMaxRouteIterations) {
      module.emitError() << "max-iterations must be between 1 and "
                         << kMaxRouteIterations << ", got "
                         << static_cast<int64_t>(maxIterations);
      return signalPassFailure();
    }
    KernelGraph g = KernelGraph::of(func);
    for (PlacedKernel &k : g.kernels)
      if (!k.placed()) {
        k.op.emitError() << "kernel " << k.op.getRef()
                         << " has no origin; run fabric-place first";
        return signalPassFailure();
      }
    Router router(g, target);
    int64_t iterations = 0;
    std::string failure;
    if (failed(router.route(maxIterations, iterations, failure))) {
      func.emitError() << failure;
      return signalPassFailure();
    }
    router.commit(target.getLinkBytesPerCycle(), target.getHopLatencyCycles());
    numRouted += g.streams.size();
    numIterations += iterations;
  }
};

} // namespace
