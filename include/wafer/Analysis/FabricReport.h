//===- FabricReport.h - what a tiled model costs ----------------*- C++ -*-===//

#ifndef WAFER_ANALYSIS_FABRICREPORT_H
#define WAFER_ANALYSIS_FABRICREPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace wafer {

/// One row per kernel and the totals of a module after fabric-tile: PEs and
/// SRAM used, modeled single-stream latency and tokens per second, and
/// pipelined throughput.
struct FabricReport {
  struct Kernel {
    std::string name, scheme;
    int64_t width, height, slot, weightBytes, bufferBytes, cycles;
    double latencyShare; ///< of one step's single-stream latency
  };
  std::string target, strategy;
  int64_t meshWidth = 0, meshHeight = 0;
  double clockHz = 0;
  std::vector<Kernel> kernels;
  int64_t numStreams = 0;
  int64_t pesUsed = 0;
  double sramUsedBytes = 0, sramTotalBytes = 0;
  double latencyCycles = 0, slowestStageCycles = 0;
  int64_t tokensPerStep = 1;
  // After placement.
  bool placed = false;
  int64_t totalStreamHops = 0, longestStreamHops = 0;
  // After routing.
  bool routed = false;
  int64_t maxLinkLoadBytes = 0, colorsUsed = 0, colorsUsable = 0;

  double latencySeconds() const { return latencyCycles / clockHz; }
  /// Zero for a model with nothing to compute (no kernel takes a cycle).
  double tokensPerSecond() const {
    return latencyCycles > 0 ? tokensPerStep / latencySeconds() : 0;
  }
  double pipelinedTokensPerSecond() const {
    return slowestStageCycles > 0
               ? tokensPerStep * clockHz / slowestStageCycles
               : 0;
  }

  /// Fails (null target) when the module has not been tiled.
  static FabricReport of(mlir::ModuleOp module);
  bool valid() const { return !target.empty(); }
  void printText(llvm::raw_ostream &os) const;
  llvm::json::Value toJSON() const;
};

} // namespace wafer

#endif // WAFER_ANALYSIS_FABRICREPORT_H
