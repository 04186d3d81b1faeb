//===- Tile.cpp - graph ops to kernels on rectangles of PEs ---------------===//
//
// 1. Group the ops of @main into kernels around anchor ops.
// 2. Cost every kernel on candidate regions with the cost model.
// 3. Plan `pipeline` (own regions, slowest stage minimized) and/or `shared`
//    (one region, one slot per kernel, token latency minimized).
// 4. Rewrite @main into fabric.kernel ops joined by fabric.stream ops.
//
//===----------------------------------------------------------------------===//

#include "wafer/Analysis/KernelCosting.h"
#include "wafer/Conversion/Passes.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"
#include "wafer/Dialect/Graph/IR/GraphOps.h"
#include "wafer/Support/StableSort.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace wafer {
#define GEN_PASS_DEF_FABRICTILE
#include "wafer/Conversion/Passes.h.inc"
} // namespace wafer

using namespace mlir;
using namespace wafer;
using namespace wafer::fabric;

namespace {

//===----------------------------------------------------------------------===//
// Grouping
//===----------------------------------------------------------------------===//

SmallVector<KernelWork> formGroups(func::FuncOp func,
                                   DenseMap<Operation *, int> &groupOf) {
  SmallVector<KernelWork> groups;
  for (Operation &op : func.getBody().front().without_terminator()) {
    if (isa<graph::ConstantOp>(op) || isCacheAppend(&op))
      continue;
    // Cache appends join the attention that reads them, ahead of it.
    if (isa<graph::AttentionOp>(op)) {
      groups.emplace_back();
      groups.back().anchor = &op;
      for (Value kv : op.getOperands())
        if (Operation *def = kv.getDefiningOp();
            def && isCacheAppend(def) && !groupOf.count(def)) {
          groups.back().ops.push_back(def);
          groupOf[def] = groups.size() - 1;
        }
      groups.back().ops.push_back(&op);
      groupOf[&op] = groups.size() - 1;
      continue;
    }
    int joined = -1;
    for (Value operand : op.getOperands())
      if (Operation *def = operand.getDefiningOp()) {
        auto it = groupOf.find(def);
        if (it != groupOf.end())
          joined = std::max(joined, it->second);
      }
    if (isAnchorOp(&op) || joined < 0) {
      groups.emplace_back();
      groups.back().anchor = &op;
      joined = groups.size() - 1;
    }
    groups[joined].ops.push_back(&op);
    groupOf[&op] = joined;
  }
  for (KernelWork &g : groups)
    g.scheme = schemeFor(g.anchor);
  return groups;
}

std::string kernelName(const KernelWork &g, int index,
                       llvm::StringSet<> &used) {
  std::string base;
  if (auto name = dyn_cast<NameLoc>(g.anchor->getLoc()))
    base = name.getName().str();
  else if (auto fused = dyn_cast<FusedLoc>(g.anchor->getLoc()))
    for (Location l : fused.getLocations())
      if (auto n = dyn_cast<NameLoc>(l)) {
        base = n.getName().str();
        break;
      }
  if (base.empty())
    base = "kernel_" + std::to_string(index);
  std::string name = base;
  for (int n = 1; !used.insert(name).second; ++n)
    name = base + "#" + std::to_string(n);
  return name;
}

//===----------------------------------------------------------------------===//
// Regions
//===----------------------------------------------------------------------===//

struct Choice {
  cost::Region region;
  cost::KernelCost cost;
};

/// Side lengths worth trying: powers of two up to `max`, and `max` itself.
SmallVector<int64_t> sides(int64_t max) {
  SmallVector<int64_t> out;
  for (int64_t s = 1; s < max; s *= 2)
    out.push_back(s);
  out.push_back(max);
  return out;
}

/// The fastest region of at most `maxPEs` PEs whose per-PE memory fits
/// `budget`; with `smallest`, the region of fewest PEs that fits instead.
std::optional<Choice> chooseRegion(const KernelWork &work,
                                   const cost::Machine &m, int64_t maxPEs,
                                   int64_t budget, bool smallest = false,
                                   int64_t fixedHeight = 0) {
  std::optional<Choice> best;
  SmallVector<int64_t> heights =
      fixedHeight ? SmallVector<int64_t>{fixedHeight} : sides(m.height);
  for (int64_t h : heights)
    for (int64_t w : sides(m.width)) {
      if (w * h > maxPEs)
        continue;
      cost::Region r{w, h};
      cost::KernelCost c = work.costOn(m, r);
      if (c.peBytes() > budget)
        continue;
      bool better =
          !best ||
          (smallest ? std::make_pair(r.pes(), c.cycles()) <
                          std::make_pair(best->region.pes(), best->cost.cycles())
                    : std::make_pair(c.cycles(), r.pes()) <
                          std::make_pair(best->cost.cycles(),
                                         best->region.pes()));
      if (better)
        best = Choice{r, c};
    }
  return best;
}

//===----------------------------------------------------------------------===//
// Plans
//===----------------------------------------------------------------------===//

struct Plan {
  MappingStrategy strategy;
  SmallVector<Choice> choices;
  SmallVector<int64_t> slots;
  bool sharedOrigin = false;
  double latencyCycles = 0;
  double slowestStageCycles = 0;
  std::string failure; ///< why the strategy cannot map the model
  bool ok() const { return failure.empty(); }
};

/// Bytes crossing each kernel-to-kernel edge, as (producer, consumer, bytes).
struct Edge {
  int from, to;
  int64_t bytes;
};

SmallVector<Edge> edgesOf(ArrayRef<KernelWork> groups,
                          const DenseMap<Operation *, int> &groupOf) {
  SmallVector<Edge> edges;
  for (auto [to, g] : llvm::enumerate(groups)) {
    llvm::SetVector<Value> seen;
    for (Operation *op : g.ops)
      for (Value v : op->getOperands()) {
        Operation *def = v.getDefiningOp();
        auto it = def ? groupOf.find(def) : groupOf.end();
        if (it == groupOf.end() || it->second == int(to) || !seen.insert(v))
          continue;
        edges.push_back({it->second, int(to), fabric::bytesOf(v)});
      }
  }
  return edges;
}

/// Longest path through the kernel DAG (edges go from lower to higher index).
double longestPath(ArrayRef<double> kernelCycles, ArrayRef<Edge> edges,
                   ArrayRef<double> edgeCycles) {
  SmallVector<double> finish(kernelCycles.size(), 0);
  SmallVector<double> start(kernelCycles.size(), 0);
  for (size_t k = 0; k < kernelCycles.size(); ++k) {
    for (auto [e, c] : llvm::zip(edges, edgeCycles))
      if (e.to == int(k))
        start[k] = std::max(start[k], finish[e.from] + c);
    finish[k] = start[k] + kernelCycles[k];
  }
  return kernelCycles.empty() ? 0 : *llvm::max_element(finish);
}

/// Every region of one pipeline plan has the same height, so that placement
/// can lay the kernels out in program order on shelves that snake down the
/// mesh; the plan with the fastest slowest stage over the candidate heights
/// wins.
Plan planPipeline(ArrayRef<KernelWork> groups, ArrayRef<Edge> edges,
                  const cost::Machine &m, int64_t bandHeight);

Plan planPipeline(ArrayRef<KernelWork> groups, ArrayRef<Edge> edges,
                  const cost::Machine &m) {
  std::optional<Plan> best;
  Plan lastFailure;
  for (int64_t h : sides(m.height)) {
    Plan p = planPipeline(groups, edges, m, h);
    if (!p.ok()) {
      lastFailure = p;
      continue;
    }
    if (!best || std::make_pair(p.slowestStageCycles, p.latencyCycles) <
                     std::make_pair(best->slowestStageCycles,
                                    best->latencyCycles))
      best = p;
  }
  return best ? *best : lastFailure;
}

Plan planPipeline(ArrayRef<KernelWork> groups, ArrayRef<Edge> edges,
                  const cost::Machine &m, int64_t bandHeight) {
  Plan plan;
  plan.strategy = MappingStrategy::pipeline;
  // Rectangles never pack a mesh perfectly: growth stops at a fifth short
  // of the whole, which leaves placement room to work.
  int64_t mesh = m.width * m.height, area = mesh * 4 / 5, used = 0;
  for (const KernelWork &g : groups) {
    auto c = chooseRegion(g, m, mesh, m.dataBytes, /*smallest=*/true,
                          bandHeight);
    if (!c) {
      plan.failure = "a kernel does not fit even on the whole mesh";
      return plan;
    }
    plan.choices.push_back(*c);
    used += c->region.pes();
  }
  if (used > area) {
    plan.failure = llvm::formatv("the kernels need {0} PEs on regions of "
                                 "their own; the mesh has {1}, of which "
                                 "{2} can be packed",
                                 used, mesh, area)
                       .str();
    return plan;
  }
  // Grow the bottleneck while PEs are left and growing helps it.
  SmallVector<bool> frozen(groups.size(), false);
  while (true) {
    int worst = -1;
    for (size_t i = 0; i < groups.size(); ++i)
      if (!frozen[i] && (worst < 0 || plan.choices[i].cost.cycles() >
                                          plan.choices[worst].cost.cycles()))
        worst = i;
    if (worst < 0)
      break;
    Choice &current = plan.choices[worst];
    int64_t free = area - used;
    int64_t limit = std::min(current.region.pes() * 2,
                             current.region.pes() + free);
    auto grown = chooseRegion(groups[worst], m, limit, m.dataBytes,
                              /*smallest=*/false, bandHeight);
    if (!grown || grown->cost.cycles() >= current.cost.cycles() ||
        grown->region.pes() - current.region.pes() > free) {
      frozen[worst] = true;
      continue;
    }
    used += grown->region.pes() - current.region.pes();
    current = *grown;
  }
  SmallVector<double> kernelCycles, edgeCycles;
  for (const Choice &c : plan.choices) {
    kernelCycles.push_back(c.cost.cycles());
    plan.slowestStageCycles =
        std::max(plan.slowestStageCycles, c.cost.cycles());
  }
  for (const Edge &e : edges) {
    const cost::Region &a = plan.choices[e.from].region;
    const cost::Region &b = plan.choices[e.to].region;
    // Placement puts communicating regions side by side: the hops between
    // their centres, over the rows where they meet.
    int64_t hops = (a.width + b.width) / 2;
    edgeCycles.push_back(
        streamCycles(m, e.bytes, hops, std::min(a.height, b.height)));
  }
  plan.slots.assign(groups.size(), 0);
  plan.latencyCycles = longestPath(kernelCycles, edges, edgeCycles);
  return plan;
}

Plan planShared(ArrayRef<KernelWork> groups, ArrayRef<Edge> edges,
                const cost::Machine &m) {
  Plan plan;
  plan.strategy = MappingStrategy::shared;
  plan.sharedOrigin = true;
  cost::Region whole{m.width, m.height};
  // Every kernel starts spread over the whole mesh: the least SRAM per PE.
  int64_t resident = 0, peakBuffer = 0;
  for (const KernelWork &g : groups) {
    cost::KernelCost c = g.costOn(m, whole);
    plan.choices.push_back({whole, c});
    resident += c.weightBytes;
    peakBuffer = std::max(peakBuffer, c.bufferBytes);
  }
  if (resident + peakBuffer > m.dataBytes) {
    plan.failure = llvm::formatv("spread over all {0} PEs, every kernel's "
                                 "shard together needs {1} bytes per PE; a "
                                 "PE has {2} for data",
                                 whole.pes(), resident + peakBuffer,
                                 m.dataBytes)
                       .str();
    return plan;
  }
  // Kernels that run faster on a smaller corner of the region (norms, small
  // GEMVs whose trees would span the wafer) shrink, best saving per byte
  // first, while the corner PE that every region covers has room.
  struct Candidate {
    int kernel;
    Choice choice;
    double saved;
    int64_t extra;
  };
  SmallVector<Candidate> candidates;
  for (auto [i, g] : llvm::enumerate(groups)) {
    auto best = chooseRegion(g, m, whole.pes(), m.dataBytes);
    if (!best)
      continue;
    double saved = plan.choices[i].cost.cycles() - best->cost.cycles();
    if (saved > 0)
      candidates.push_back({int(i), *best, saved,
                            best->cost.weightBytes -
                                plan.choices[i].cost.weightBytes});
  }
  wafer::stableSort(candidates, [](const Candidate &a, const Candidate &b) {
    return a.saved / std::max<int64_t>(a.extra, 1) >
           b.saved / std::max<int64_t>(b.extra, 1);
  });
  for (const Candidate &c : candidates) {
    int64_t buffer = std::max(peakBuffer, c.choice.cost.bufferBytes);
    if (resident + c.extra + buffer > m.dataBytes)
      continue;
    resident += c.extra;
    peakBuffer = buffer;
    plan.choices[c.kernel] = c.choice;
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    plan.slots.push_back(i);
    plan.latencyCycles += plan.choices[i].cost.cycles();
  }
  // Between slots, activations move across the region in parallel rows.
  for (const Edge &e : edges)
    plan.latencyCycles += streamCycles(m, e.bytes, (m.width + m.height) / 2,
                                       m.height);
  plan.slowestStageCycles = plan.latencyCycles;
  return plan;
}

//===----------------------------------------------------------------------===//
// Rewriting
//===----------------------------------------------------------------------===//

void materialize(func::FuncOp func, ArrayRef<KernelWork> groups,
                 const DenseMap<Operation *, int> &groupOf, const Plan &plan,
                 const cost::Machine &m, int64_t &numStreams) {
  Block &body = func.getBody().front();
  Operation *terminator = body.getTerminator();
  OpBuilder builder(terminator);
  llvm::StringSet<> usedNames;
  // Values produced by a kernel, and the stream carrying each onward.
  DenseMap<Value, Value> kernelOutput;
  DenseMap<Value, Value> streamOf;

  for (auto [index, g] : llvm::enumerate(groups)) {
    llvm::SmallPtrSet<Operation *, 16> members(g.ops.begin(), g.ops.end());
    llvm::SetVector<Value> inputs, outputs;
    llvm::SetVector<Operation *> constants;
    for (Operation *op : g.ops)
      for (Value v : op->getOperands()) {
        Operation *def = v.getDefiningOp();
        if (def && members.contains(def))
          continue;
        if (isa_and_present<graph::ConstantOp>(def))
          constants.insert(def);
        else
          inputs.insert(v);
      }
    for (Operation *op : g.ops)
      for (Value r : op->getResults())
        if (llvm::any_of(r.getUsers(), [&](Operation *user) {
              return !members.contains(user);
            }))
          outputs.insert(r);

    // Inputs from other kernels arrive through streams.
    SmallVector<Value> operands;
    for (Value v : inputs) {
      auto produced = kernelOutput.find(v);
      if (produced == kernelOutput.end()) {
        operands.push_back(v);
        continue;
      }
      Value &stream = streamOf[v];
      if (!stream) {
        int64_t bytes = fabric::bytesOf(v);
        int from = groupOf.lookup(v.getDefiningOp());
        const cost::Region &a = plan.choices[from].region;
        const cost::Region &b = plan.choices[index].region;
        int64_t hops = plan.sharedOrigin ? (m.width + m.height) / 2
                                         : (a.width + b.width) / 2;
        int64_t lanes = plan.sharedOrigin ? m.height
                                          : std::min(a.height, b.height);
        stream = StreamOp::create(
            builder, v.getLoc(), v.getType(), produced->second,
            builder.getI64IntegerAttr(bytes),
            builder.getI64IntegerAttr(
                std::llround(streamCycles(m, bytes, hops, lanes))),
            /*color=*/IntegerAttr(), /*route=*/DenseI64ArrayAttr());
        ++numStreams;
      }
      operands.push_back(stream);
    }

    SmallVector<Type> resultTypes;
    for (Value v : outputs)
      resultTypes.push_back(v.getType());
    auto kernel = KernelOp::create(builder, g.anchor->getLoc(), resultTypes,
                                   kernelName(g, index, usedNames), g.scheme,
                                   operands);
    const Choice &choice = plan.choices[index];
    kernel.setRegion({choice.region.width, choice.region.height});
    kernel.setBlocks(choice.cost.blocks);
    kernel.setWeightBytes(choice.cost.weightBytes);
    kernel.setBufferBytes(choice.cost.bufferBytes);
    kernel.setCycles(std::llround(choice.cost.cycles()));
    kernel.setSlot(plan.slots[index]);
    if (plan.sharedOrigin)
      kernel.setOrigin(ArrayRef<int64_t>{0, 0});

    Block &kernelBody = kernel.getBody().front();
    OpBuilder inner = OpBuilder::atBlockEnd(&kernelBody);
    IRMapping mapping;
    for (auto [v, arg] : llvm::zip(inputs, kernelBody.getArguments()))
      mapping.map(v, arg);
    for (Operation *c : constants)
      inner.clone(*c, mapping);
    for (Operation *op : g.ops)
      inner.clone(*op, mapping);
    SmallVector<Value> yielded;
    for (Value v : outputs)
      yielded.push_back(mapping.lookup(v));
    YieldOp::create(inner, g.anchor->getLoc(), yielded);

    for (auto [v, result] : llvm::zip(outputs, kernel.getResults()))
      kernelOutput[v] = result;
  }

  // The function returns kernel results; the graph ops are gone.
  for (OpOperand &operand : terminator->getOpOperands()) {
    auto it = kernelOutput.find(operand.get());
    if (it != kernelOutput.end())
      operand.set(it->second);
  }
  // Constants the function returns as they are (a model output that
  // computes nothing) stay beside the kernels.
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
    if (op.getDialect() && isa<graph::GraphDialect>(op.getDialect()) &&
        op.use_empty())
      op.erase();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct FabricTilePass : wafer::impl::FabricTileBase<FabricTilePass> {
  using FabricTileBase::FabricTileBase;

  FailureOr<TargetAttr> resolveTarget() {
    ModuleOp module = getOperation();
    TargetOverrides overrides;
    if (!mesh.empty()) {
      std::string error = parseMesh(mesh, overrides);
      if (!error.empty())
        return module.emitError() << error;
    }
    std::string error = setTargetOverrides(sramKb, colors, clockMhz, overrides);
    if (!error.empty())
      return module.emitError() << error;
    TargetAttr base = targetPreset(&getContext(), target);
    if (!base)
      return module.emitError()
             << "unknown target '" << target << "' (presets: "
             << llvm::join(targetPresetNames(), ", ") << ")";
    return withOverrides(base, overrides);
  }

  /// @main's body as tiling needs it: graph ops and a return, nothing else.
  LogicalResult checkGraphFunction(ModuleOp module, func::FuncOp func) {
    if (!module.getOps<DesignOp>().empty())
      return module.emitError() << "fabric-tile maps a graph module; this "
                                   "one already holds a fabric.design";
    if (!func)
      return module.emitError()
             << "fabric-tile needs a func.func @main of graph ops";
    if (func.isExternal())
      return func.emitError() << "fabric-tile needs @main's body; this "
                                 "@main is only a declaration";
    if (!llvm::hasSingleElement(func.getBody()))
      return func.emitError() << "fabric-tile maps a single block of graph "
                                 "ops; @main has "
                              << func.getBody().getBlocks().size();
    for (Operation &op : func.getBody().front()) {
      if (isa<func::ReturnOp>(op))
        continue;
      if (!op.getDialect() || !isa<graph::GraphDialect>(op.getDialect()))
        return op.emitOpError() << "is not a graph op; fabric-tile maps "
                                   "@main's graph ops onto kernels";
    }
    return success();
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (strategy != "pipeline" && strategy != "shared" && strategy != "auto") {
      module.emitError() << "unknown strategy '" << strategy
                         << "' (pipeline, shared or auto)";
      return signalPassFailure();
    }
    auto resolved = resolveTarget();
    if (failed(resolved))
      return signalPassFailure();
    auto func = module.lookupSymbol<func::FuncOp>("main");
    if (failed(checkGraphFunction(module, func)))
      return signalPassFailure();
    cost::Machine m = machineOf(*resolved);

    DenseMap<Operation *, int> groupOf;
    SmallVector<KernelWork> groups = formGroups(func, groupOf);
    SmallVector<Edge> edges = edgesOf(groups, groupOf);

    SmallVector<Plan> plans;
    if (strategy != "shared")
      plans.push_back(planPipeline(groups, edges, m));
    if (strategy != "pipeline")
      plans.push_back(planShared(groups, edges, m));
    const Plan *best = nullptr;
    for (const Plan &p : plans)
      if (p.ok() && (!best || p.latencyCycles < best->latencyCycles))
        best = &p;
    if (!best) {
      reportNoFit(func, groups, plans, *resolved, m);
      return signalPassFailure();
    }

    int64_t streams = 0;
    materialize(func, groups, groupOf, *best, m, streams);
    // @main moves into the design, which checks it against the target.
    OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
    auto design =
        DesignOp::create(builder, func.getLoc(), best->strategy, *resolved);
    func->moveBefore(&design.getBody().front(),
                     design.getBody().front().end());
    numKernels += groups.size();
    numStreams += streams;
  }

  void reportNoFit(func::FuncOp func, ArrayRef<KernelWork> groups,
                   ArrayRef<Plan> plans, TargetAttr target,
                   const cost::Machine &m) {
    // Weight bytes each kernel needs in all, largest first.
    cost::Region single{1, 1};
    SmallVector<std::pair<int64_t, int>> sizes;
    int64_t total = 0;
    for (auto [i, g] : llvm::enumerate(groups)) {
      int64_t bytes = g.costOn(m, single).weightBytes;
      sizes.push_back({bytes, int(i)});
      total += bytes;
    }
    llvm::sort(sizes, [](auto a, auto b) { return a.first > b.first; });
    int64_t perPE = m.dataBytes;
    auto diag = func.emitError()
                << "the model does not fit the " << target.getName()
                << " target (" << target.getWidth() << "x"
                << target.getHeight() << " = " << target.numPEs() << " PEs, "
                << cost::formatBytes(perPE) << " of data SRAM each, "
                << cost::formatBytes(double(target.numPEs()) * perPE)
                << " in all): its " << groups.size() << " kernels hold "
                << cost::formatBytes(total) << " of weights and need at least "
                << cost::ceilDiv(total, perPE) << " PEs for them alone";
    for (const Plan &p : plans)
      diag.attachNote() << stringifyMappingStrategy(p.strategy) << ": "
                        << p.failure;
    llvm::StringSet<> names;
    for (size_t i = 0; i < std::min<size_t>(sizes.size(), 3); ++i) {
      const KernelWork &g = groups[sizes[i].second];
      diag.attachNote(g.anchor->getLoc())
          << "largest kernel #" << i + 1 << ": '"
          << kernelName(g, sizes[i].second, names) << "' ("
          << stringifyKernelScheme(g.scheme)
          << ") holds " << cost::formatBytes(sizes[i].first) << " of weights";
    }
  }
};

} // namespace
