//===- FabricReport.cpp - what a tiled model costs ------------------------===//

#include "wafer/Analysis/FabricReport.h"

#include "wafer/Analysis/LinkLoad.h"
#include "wafer/CostModel/CostModel.h"
#include "wafer/Dialect/Fabric/IR/FabricOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Format.h"

#include <algorithm>
#include <map>
#include <set>

using namespace mlir;

namespace wafer {

FabricReport FabricReport::of(ModuleOp module) {
  FabricReport r;
  fabric::DesignOp design = fabric::getDesign(module);
  func::FuncOp func = design ? design.getMain() : func::FuncOp();
  if (!func)
    return r;
  fabric::TargetAttr target = design.getTarget();
  r.target = target.getName().str();
  r.meshWidth = target.getWidth();
  r.meshHeight = target.getHeight();
  r.clockHz = target.clockHz();
  r.sramTotalBytes = double(target.numPEs()) * target.getSramBytes();
  r.strategy = fabric::stringifyMappingStrategy(design.getStrategy()).str();
  bool shared = r.strategy == "shared";

  // Latency: kernels of a slot run after their inputs arrive; a stream
  // adds its transfer. Shared mapping serializes every slot.
  DenseMap<Value, double> ready;
  double sharedClock = 0, resident = 0;
  std::map<int64_t, double> transientBySlot;
  int64_t maxWidth = 0, maxHeight = 0;
  for (Operation &op : func.getBody().front()) {
    if (auto stream = dyn_cast<fabric::StreamOp>(op)) {
      ++r.numStreams;
      ready[stream.getOutput()] = ready.lookup(stream.getInput()) +
                                  stream.getCycles();
      if (shared)
        sharedClock += stream.getCycles();
      continue;
    }
    auto k = dyn_cast<fabric::KernelOp>(op);
    if (!k)
      continue;
    double start = 0;
    for (Value in : k.getInputs())
      start = std::max(start, ready.lookup(in));
    double finish = start + k.getCycles();
    if (shared) {
      sharedClock += k.getCycles();
      finish = sharedClock;
    }
    for (Value out : k.getOutputs())
      ready[out] = finish;
    r.latencyCycles = std::max(r.latencyCycles, finish);
    r.slowestStageCycles =
        std::max<double>(r.slowestStageCycles, k.getCycles());
    r.kernels.push_back({k.getSymName().str(), fabric::stringifyKernelScheme(k.getScheme()).str(),
                         k.regionWidth(), k.regionHeight(), k.getSlot(),
                         k.getWeightBytes(), k.getBufferBytes(), k.getCycles(),
                         0});
    resident += double(k.getWeightBytes()) * k.numPEs();
    transientBySlot[k.getSlot()] += double(k.getBufferBytes()) * k.numPEs();
    if (!shared)
      r.pesUsed += k.numPEs();
    maxWidth = std::max(maxWidth, k.regionWidth());
    maxHeight = std::max(maxHeight, k.regionHeight());
  }
  if (shared) {
    r.pesUsed = maxWidth * maxHeight;
    r.slowestStageCycles = r.latencyCycles;
  }
  double transient = 0;
  for (const auto &[slot, bytes] : transientBySlot)
    transient = shared ? std::max(transient, bytes) : transient + bytes;
  r.sramUsedBytes = resident + transient;
  for (Kernel &k : r.kernels)
    k.latencyShare = r.latencyCycles > 0 ? k.cycles / r.latencyCycles : 0;

  // Placement and routing: stream lengths, link loads, colors.
  r.colorsUsable = target.usableColors();
  std::set<int64_t> colors;
  r.placed = !r.kernels.empty();
  for (auto k : func.getOps<fabric::KernelOp>())
    r.placed &= bool(k.getOrigin());
  for (auto s : func.getOps<fabric::StreamOp>()) {
    int64_t hops = 0;
    if (auto route = s.getRoute()) {
      r.routed = true;
      hops = route->size() / 4;
      if (auto c = s.getColor())
        colors.insert(*c);
    } else if (r.placed) {
      fabric::KernelOp producer = s.getProducer();
      for (Operation *user : s.getOutput().getUsers())
        if (auto consumer = dyn_cast<fabric::KernelOp>(user);
            consumer && producer)
          hops = std::max(
              hops, fabric::centreDistance(*fabric::placedRect(producer),
                                           *fabric::placedRect(consumer)));
    }
    r.totalStreamHops += hops;
    r.longestStreamHops = std::max(r.longestStreamHops, hops);
  }
  for (const LinkLoad &load : linkLoads(design))
    r.maxLinkLoadBytes = std::max(r.maxLinkLoadBytes, load.bytes);
  r.colorsUsed = colors.size();

  // Tokens per step: every row of the first output is one token.
  if (func.getNumResults() > 0)
    if (auto t = dyn_cast<ShapedType>(func.getResultTypes()[0]))
      if (t.getRank() >= 1)
        r.tokensPerStep = std::max<int64_t>(
            t.getNumElements() / std::max<int64_t>(t.getShape().back(), 1), 1);
  return r;
}

void FabricReport::printText(llvm::raw_ostream &os) const {
  os << "target " << target << " (" << meshWidth << "x" << meshHeight
     << " PEs, " << llvm::format("%.0f", clockHz / 1e6) << " MHz), strategy "
     << strategy << "\n";
  os << llvm::format("%-36s %-11s %11s %6s %12s %12s %7s\n", "kernel",
                     "scheme", "region", "slot", "bytes/PE", "cycles",
                     "share");
  for (const Kernel &k : kernels) {
    std::string region =
        std::to_string(k.width) + "x" + std::to_string(k.height);
    std::string name = k.name.size() > 36 ? "..." + k.name.substr(k.name.size() - 33)
                                          : k.name;
    os << llvm::format("%-36s %-11s %11s %6lld %12lld %12lld %6.1f%%\n",
                       name.c_str(), k.scheme.c_str(), region.c_str(),
                       (long long)k.slot,
                       (long long)(k.weightBytes + k.bufferBytes),
                       (long long)k.cycles, 100 * k.latencyShare);
  }
  os << "kernels: " << kernels.size() << ", streams: " << numStreams << "\n";
  os << "PEs used: " << pesUsed << " of " << meshWidth * meshHeight
     << llvm::format(" (%.1f%%)", 100.0 * pesUsed / (meshWidth * meshHeight))
     << "\n";
  os << "SRAM used: " << cost::formatBytes(sramUsedBytes) << " of "
     << cost::formatBytes(sramTotalBytes)
     << llvm::format(" (%.1f%%)", 100.0 * sramUsedBytes / sramTotalBytes)
     << "\n";
  os << llvm::format("single-stream latency per step: %.0f cycles = %.3f us "
                     "(%lld tokens per step)\n",
                     latencyCycles, latencySeconds() * 1e6,
                     (long long)tokensPerStep);
  if (placed)
    os << "streams: " << totalStreamHops << " hops in all, the longest "
       << longestStreamHops << (routed ? " (routed)" : " (centre to centre)")
       << "\n";
  if (routed)
    os << "routing: " << colorsUsed << " of " << colorsUsable
       << " usable colors for streams, busiest link " << maxLinkLoadBytes
       << " bytes per step ("
       << llvm::format("%.0f", maxLinkLoadBytes / 4.0) << " cycles)\n";
  os << llvm::format("single-stream tokens/s: %.1f\n", tokensPerSecond());
  os << llvm::format("pipelined tokens/s: %.1f (slowest stage %.0f cycles)\n",
                     pipelinedTokensPerSecond(), slowestStageCycles);
}

llvm::json::Value FabricReport::toJSON() const {
  llvm::json::Array rows;
  for (const Kernel &k : kernels)
    rows.push_back(llvm::json::Object{
        {"name", k.name},
        {"scheme", k.scheme},
        {"region", llvm::json::Array{k.width, k.height}},
        {"slot", k.slot},
        {"weight_bytes_per_pe", k.weightBytes},
        {"buffer_bytes_per_pe", k.bufferBytes},
        {"cycles", k.cycles},
        {"latency_share", k.latencyShare}});
  return llvm::json::Object{
      {"target", target},
      {"mesh", llvm::json::Array{meshWidth, meshHeight}},
      {"clock_hz", clockHz},
      {"strategy", strategy},
      {"kernels", std::move(rows)},
      {"totals",
       llvm::json::Object{
           {"kernels", int64_t(kernels.size())},
           {"streams", numStreams},
           {"pes_used", pesUsed},
           {"sram_used_bytes", sramUsedBytes},
           {"sram_total_bytes", sramTotalBytes},
           {"latency_cycles", latencyCycles},
           {"latency_seconds", latencySeconds()},
           {"tokens_per_step", tokensPerStep},
           {"tokens_per_second", tokensPerSecond()},
           {"slowest_stage_cycles", slowestStageCycles},
           {"pipelined_tokens_per_second", pipelinedTokensPerSecond()},
           {"placed", placed},
           {"stream_hops_total", totalStreamHops},
           {"stream_hops_longest", longestStreamHops},
           {"routed", routed},
           {"max_link_load_bytes", maxLinkLoadBytes},
           {"colors_used", colorsUsed},
           {"colors_usable", colorsUsable}}}};
}

} // namespace wafer
