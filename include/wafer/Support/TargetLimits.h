//===- TargetLimits.h - what a wafer target may describe --------*- C++ -*-===//
//
// The bounds a target's figures must keep, in one place for the compiler's
// #fabric.target verifier and the binary loader: a .wfb's target must pass
// the same checks as the target that compiled it, or a corrupt or
// hand-made manifest would reach the simulator and the cost model with a
// zero rate or a mesh no router table can hold. MLIR- and LLVM-free.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SUPPORT_TARGETLIMITS_H
#define WAFER_SUPPORT_TARGETLIMITS_H

#include <cstdint>
#include <string>
#include <vector>

namespace wafer {

/// Bounds of what Wafer models, not of what any machine has. Placement and
/// routing keep a few words per router; routers track colors in 64-bit
/// masks; per-cycle rates beyond a million would be no machine's.
constexpr int64_t kMaxMeshSide = 1 << 14;
constexpr int64_t kMaxMeshPEs = int64_t(1) << 24;
constexpr int64_t kMaxSramBytes = int64_t(1) << 30;
constexpr int64_t kMaxColors = 64;
constexpr int64_t kMaxClockKhz = 100'000'000;
constexpr int64_t kMaxPerCycleRate = 1 << 20;

/// A target's figures, as the dialect attribute and the binary's manifest
/// both carry them.
struct TargetFigures {
  int64_t width = 0, height = 0;
  int64_t sramBytes = 0, codeBytes = 0;
  int64_t colors = 0;
  std::vector<int64_t> reservedColors;
  int64_t clockKhz = 0;
  int64_t linkBytesPerCycle = 0, hopLatencyCycles = 0;
  int64_t fmacF32 = 0, fmacF16 = 0, fmacF16F32 = 0;
  int64_t memReadBytesPerCycle = 0, memWriteBytesPerCycle = 0;
};

/// Why `t` is not a target Wafer can compile for or run, or "" when it is.
inline std::string targetProblem(const TargetFigures &t) {
  auto str = [](int64_t v) { return std::to_string(v); };
  if (t.width < 1 || t.height < 1)
    return "mesh must be at least 1x1, got " + str(t.width) + "x" +
           str(t.height);
  if (t.width > kMaxMeshSide || t.height > kMaxMeshSide ||
      t.width * t.height > kMaxMeshPEs)
    return "a " + str(t.width) + "x" + str(t.height) +
           " mesh exceeds what Wafer models (sides up to " +
           str(kMaxMeshSide) + ", " + str(kMaxMeshPEs) + " PEs)";
  if (t.sramBytes < 1024 || t.sramBytes > kMaxSramBytes)
    return "SRAM per PE must be between 1 KiB and " +
           str(kMaxSramBytes / (1 << 20)) + " MiB, got " + str(t.sramBytes) +
           " bytes";
  if (t.codeBytes < 0 || t.codeBytes >= t.sramBytes)
    return "code allowance " + str(t.codeBytes) +
           " must leave room for data in " + str(t.sramBytes) +
           " bytes of SRAM";
  if (t.colors < 1 || t.colors > kMaxColors)
    return "colors must be between 1 and " + str(kMaxColors) + ", got " +
           str(t.colors);
  for (int64_t c : t.reservedColors)
    if (c < 0 || c >= t.colors)
      return "reserved color " + str(c) + " outside 0.." + str(t.colors - 1);
  if (int64_t(t.reservedColors.size()) >= t.colors)
    return "every color is reserved";
  if (t.clockKhz > kMaxClockKhz)
    return "clock of " + str(t.clockKhz) + " kHz exceeds what Wafer models (" +
           str(kMaxClockKhz) + " kHz)";
  for (int64_t rate : {t.clockKhz, t.linkBytesPerCycle, t.hopLatencyCycles,
                       t.fmacF32, t.fmacF16, t.fmacF16F32,
                       t.memReadBytesPerCycle, t.memWriteBytesPerCycle})
    if (rate < 1)
      return "clock, link width, hop latency, FMAC rates and memory ports "
             "must be positive";
  for (int64_t rate : {t.linkBytesPerCycle, t.hopLatencyCycles, t.fmacF32,
                       t.fmacF16, t.fmacF16F32, t.memReadBytesPerCycle,
                       t.memWriteBytesPerCycle})
    if (rate > kMaxPerCycleRate)
      return "link width, hop latency, FMAC rates and memory ports must be "
             "at most " + str(kMaxPerCycleRate) + " per cycle, got " +
             str(rate);
  return "";
}

} // namespace wafer

#endif // WAFER_SUPPORT_TARGETLIMITS_H
