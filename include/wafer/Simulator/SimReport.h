//===- SimReport.h - what a simulated run did, per kernel and link -*- C++ -*-===//
//
// The simulator's results of every slot of a binary, read against its
// manifest: per kernel (a row for each kernel that has programs, keyed by
// its ONNX node, with the cost model's predicted cycles beside the
// simulated ones), per program without a kernel, and per link. Printed as
// text, written as JSON, and drawn (SimPlot.h). MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SIMULATOR_SIMREPORT_H
#define WAFER_SIMULATOR_SIMREPORT_H

#include "wafer/Binary/Reader.h"
#include "wafer/Simulator/FabricSimulator.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace wafer::sim {

/// One slot as it ran.
struct SlotRun {
  int64_t slot = 0;
  SimResult result;
  double seconds = 0; ///< host time the simulation took
};

/// One kernel's programs, or one program that belongs to no kernel. Cycles
/// are counted from the start of the run (earlier slots included); the PE
/// cycle counts are sums over the row's PEs.
struct ActivityRow {
  int kernel = -1; ///< manifest index; -1 for a program of no kernel
  std::string name, onnxNode, scheme;
  int64_t slot = 0;
  int64_t predictedCycles = -1; ///< the cost model's; -1 without a kernel
  int64_t startCycle = 0, endCycle = 0, simulatedCycles = 0;
  int64_t pes = 0;
  int64_t computeCycles = 0, sendStallCycles = 0, recvStallCycles = 0;
  std::vector<std::string> programs;
};

/// A link's load: the wavelets that crossed it over the run, and that as a
/// share of the run's cycles (a link carries one wavelet per cycle).
struct LinkLoadRow {
  int64_t slot = 0, x = 0, y = 0;
  uint32_t port = 0;
  int64_t wavelets = 0;
  double utilization = 0; ///< of the slot's cycles
};

struct SimReport {
  std::string target;
  double clockHz = 0;
  int64_t width = 0, height = 0;
  int64_t cycles = 0; ///< every slot, one after another
  std::vector<SlotRun> slots;
  std::vector<ActivityRow> rows; ///< kernels in manifest order, then the rest
  std::vector<LinkLoadRow> links; ///< busiest first
  /// Program rectangles, for the plot: x, y, width, height per program.
  std::vector<std::vector<int64_t>> rectangles;
};

/// Gathers the rows and link loads of `slots` (in run order) against the
/// binary's manifest and pe design.
SimReport buildReport(const wfb::BinaryFile &binary,
                      std::vector<SlotRun> slots);

/// The per-kernel table, the stalls and the busiest links.
void printReport(const SimReport &report, std::FILE *out);

/// {"cycles": N, "target": ..., "slots": [...], "kernels": [{"name",
/// "onnx_node", "scheme", "slot", "predicted_cycles", "simulated_cycles",
/// "ratio", ...}], "programs": [...], "links": {...}}; at most `maxLinks`
/// links are listed, busiest first (the summary covers all of them).
std::string reportJson(const SimReport &report, size_t maxLinks = 1000);

} // namespace wafer::sim

#endif // WAFER_SIMULATOR_SIMREPORT_H
