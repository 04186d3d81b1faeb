//===- PlotModel.cpp - a placed design, read for drawing ------------------===//

#include "PlotModel.h"

#include "KernelLabels.h"

#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

using namespace mlir;

namespace wafer::plot {

LogicalResult readModel(ModuleOp module, PlotModel &model, std::string &error) {
  fabric::DesignOp design = fabric::getDesign(module);
  if (!design) {
    error = "the module has no fabric.design: run fabric-tile first";
    return failure();
  }
  fabric::TargetAttr target = design.getTarget();
  model.target = target.getName().str();
  model.width = target.getWidth();
  model.height = target.getHeight();
  model.strategy =
      fabric::stringifyMappingStrategy(design.getStrategy()).str();

  llvm::DenseMap<Operation *, int> kernelIndex;
  std::set<int64_t> slots;
  WalkResult walk = module.walk([&](fabric::KernelOp k) -> WalkResult {
    std::optional<ArrayRef<int64_t>> origin = k.getOrigin();
    if (!origin) {
      error = "kernel '" + k.getSymName().str() +
              "' has no origin: run placement first";
      return WalkResult::interrupt();
    }
    PlotKernel pk{k.getSymName().str(), fabric::stringifyKernelScheme(k.getScheme()).str(),
                  (*origin)[0],         (*origin)[1],
                  k.regionWidth(),      k.regionHeight(),
                  int64_t(k.getSlot()), layerOfName(k.getSymName())};
    if (pk.x < 0 || pk.y < 0 || pk.x + pk.width > model.width ||
        pk.y + pk.height > model.height) {
      error = "kernel '" + pk.name + "' at [" + std::to_string(pk.x) + ", " +
              std::to_string(pk.y) + "] with region " +
              std::to_string(pk.width) + "x" + std::to_string(pk.height) +
              " leaves the " + std::to_string(model.width) + "x" +
              std::to_string(model.height) + " mesh";
      return WalkResult::interrupt();
    }
    kernelIndex[k] = model.kernels.size();
    slots.insert(pk.slot);
    model.kernels.push_back(std::move(pk));
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  model.numSlots = slots.size();

  std::map<std::pair<int64_t, int64_t>, int> groupAt;
  for (int i = 0, e = model.kernels.size(); i < e; ++i) {
    const PlotKernel &k = model.kernels[i];
    auto [it, inserted] = groupAt.try_emplace({k.x, k.y}, model.groups.size());
    if (inserted)
      model.groups.push_back({{}, k.x, k.y, k.x, k.y});
    KernelGroup &g = model.groups[it->second];
    g.members.push_back(i);
    g.x1 = std::max(g.x1, k.x + k.width);
    g.y1 = std::max(g.y1, k.y + k.height);
    model.groupOfKernel.push_back(it->second);
  }

  std::set<int64_t> colors;
  walk = module.walk([&](fabric::StreamOp s) -> WalkResult {
    PlotStream ps;
    ps.bytes = s.getBytes();
    ps.color = s.getColor();
    if (auto producer = s.getInput().getDefiningOp<fabric::KernelOp>())
      ps.producer = kernelIndex.lookup(producer);
    for (Operation *user : s.getOutput().getUsers())
      if (auto consumer = dyn_cast<fabric::KernelOp>(user))
        if (!llvm::is_contained(ps.consumers, kernelIndex.lookup(consumer)))
          ps.consumers.push_back(kernelIndex.lookup(consumer));
    std::string who =
        ps.producer >= 0
            ? "the stream from '" + model.kernels[ps.producer].name + "'"
            : std::string("a stream");
    if (std::optional<ArrayRef<int64_t>> route = s.getRoute()) {
      ps.routed = true;
      if (route->size() % 4 != 0) {
        error = who + " has a route of " + std::to_string(route->size()) +
                " numbers, not x0, y0, x1, y1 quadruples";
        return WalkResult::interrupt();
      }
      for (size_t i = 0; i < route->size(); i += 4) {
        Hop h{(*route)[i], (*route)[i + 1], (*route)[i + 2], (*route)[i + 3]};
        auto inside = [&](int64_t x, int64_t y) {
          return x >= 0 && y >= 0 && x < model.width && y < model.height;
        };
        if (!inside(h.x0, h.y0) || !inside(h.x1, h.y1) ||
            std::abs(h.x1 - h.x0) + std::abs(h.y1 - h.y0) != 1) {
          error = who + " has hop (" + std::to_string(h.x0) + ", " +
                  std::to_string(h.y0) + ") -> (" + std::to_string(h.x1) +
                  ", " + std::to_string(h.y1) +
                  "), not between neighbouring routers of the mesh";
          return WalkResult::interrupt();
        }
        ps.hops.push_back(h);
      }
    }
    if (ps.routed) {
      ++model.routedStreams;
      if (ps.hops.empty())
        ++model.localStreams;
      else if (ps.color)
        colors.insert(*ps.color);
    }
    model.streams.push_back(std::move(ps));
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  model.colorsUsed = colors.size();
  return success();
}

} // namespace wafer::plot
