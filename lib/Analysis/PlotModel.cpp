//===- PlotModel.cpp - a placed design, read for drawing ------------------===//

#include "PlotModel.h"

#include "KernelLabels.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <map>
#include <set>

using namespace mlir;

namespace wafer::plot {

/// Runs the fabric verifier on `design` (a pass may dump a module that no
/// longer verifies, to look at it); on failure `error` is its first error.
static LogicalResult verifyDesign(fabric::DesignOp design, std::string &error) {
  std::string first;
  ScopedDiagnosticHandler handler(design.getContext(), [&](Diagnostic &d) {
    if (d.getSeverity() == DiagnosticSeverity::Error && first.empty())
      first = d.str();
    return success();
  });
  if (succeeded(verify(design)))
    return success();
  error = "the fabric.design does not verify: " + first;
  return failure();
}

LogicalResult readModel(ModuleOp module, PlotModel &model, std::string &error) {
  fabric::DesignOp design = fabric::getDesign(module);
  if (!design) {
    error = "the module has no fabric.design: run fabric-tile first";
    return failure();
  }
  if (failed(verifyDesign(design, error)))
    return failure();
  fabric::TargetAttr target = design.getTarget();
  model.target = target.getName().str();
  model.width = target.getWidth();
  model.height = target.getHeight();
  model.strategy =
      fabric::stringifyMappingStrategy(design.getStrategy()).str();

  llvm::DenseMap<Operation *, int> kernelIndex;
  std::set<int64_t> slots;
  WalkResult walk = design.walk([&](fabric::KernelOp k) -> WalkResult {
    std::optional<fabric::PlacedRect> rect = fabric::placedRect(k);
    if (!rect) {
      error = "kernel '" + k.getSymName().str() +
              "' has no origin: run placement first";
      return WalkResult::interrupt();
    }
    kernelIndex[k] = model.kernels.size();
    slots.insert(k.getSlot());
    model.kernels.push_back({k.getSymName().str(), k.getScheme(), *rect,
                             int64_t(k.getSlot()),
                             layerOfName(k.getSymName())});
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  model.numSlots = slots.size();

  std::map<std::pair<int64_t, int64_t>, int> groupAt;
  for (int i = 0, e = model.kernels.size(); i < e; ++i) {
    const fabric::PlacedRect &r = model.kernels[i].rect;
    auto [it, inserted] =
        groupAt.try_emplace({r.x0, r.y0}, model.groups.size());
    if (inserted)
      model.groups.push_back({{}, {r.x0, r.y0, r.x0, r.y0}});
    KernelGroup &g = model.groups[it->second];
    g.members.push_back(i);
    g.box.x1 = std::max(g.box.x1, r.x1);
    g.box.y1 = std::max(g.box.y1, r.y1);
    model.groupOfKernel.push_back(it->second);
  }

  // The verifier has checked the routes: quadruples of neighbouring
  // routers inside the mesh.
  std::set<int64_t> colors;
  design.walk([&](fabric::StreamOp s) {
    PlotStream ps;
    ps.color = s.getColor();
    ps.producer = kernelIndex.lookup(s.getProducer());
    for (Operation *user : s.getOutput().getUsers())
      if (auto consumer = dyn_cast<fabric::KernelOp>(user))
        if (!llvm::is_contained(ps.consumers, kernelIndex.lookup(consumer)))
          ps.consumers.push_back(kernelIndex.lookup(consumer));
    if (std::optional<ArrayRef<int64_t>> route = s.getRoute()) {
      ps.routed = true;
      for (size_t i = 0; i + 3 < route->size(); i += 4)
        ps.hops.push_back(
            {(*route)[i], (*route)[i + 1], (*route)[i + 2], (*route)[i + 3]});
      ++model.routedStreams;
      if (ps.hops.empty())
        ++model.localStreams;
      else if (ps.color)
        colors.insert(*ps.color);
    }
    model.streams.push_back(std::move(ps));
  });
  model.colorsUsed = colors.size();
  model.links = linkLoads(design);
  return success();
}

} // namespace wafer::plot
