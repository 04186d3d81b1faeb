//===- SimRun.h - simulate every slot of a binary's pe design ---*- C++ -*-===//
//
// What wafer-run --mode=sim and the Python runtime (wafer.Runtime, mode
// "sim") both do with a binary: every slot of its pe design in slot order,
// each in a fresh FabricSimulator with the slot's weights and, where the
// design has host I/O, the model's inputs loaded before it and its outputs
// read after it. MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SIMULATOR_SIMRUN_H
#define WAFER_SIMULATOR_SIMRUN_H

#include "wafer/Binary/Reader.h"
#include "wafer/Simulator/FabricSimulator.h"
#include "wafer/Simulator/SimReport.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace wafer::sim {

/// Whether any program of `design` moves a model input or output
/// (pe.input, pe.output).
bool hasHostIo(const wfb::PeDesign &design);

/// What simulateDesign ran.
struct DesignRun {
  /// Every slot that ran, in order; when one did not finish (a deadlock,
  /// the cycle limit), it is the last.
  std::vector<SlotRun> slots;
  /// Cycles of all the slots, one after another.
  int64_t totalCycles = 0;
  bool finished() const {
    return slots.empty() ||
           slots.back().result.status == SimResult::Status::Finished;
  }
};

/// Runs every slot of `binary`'s pe design (which it must have). With host
/// I/O, `inputs` are the signature's inputs and `outputs` receive its
/// outputs, all as f32 (FabricSimulator::loadInputs, readOutputs); both are
/// ignored without. Calls `onSlot` after each slot that finished. False
/// with `error` when a slot's simulator cannot be built; a slot that does
/// not finish is no error, but the end of `run` (run.finished()).
bool simulateDesign(const wfb::BinaryFile &binary,
                    const std::vector<const float *> &inputs,
                    const std::vector<float *> &outputs,
                    const SimOptions &options, DesignRun &run,
                    std::string &error,
                    const std::function<void(const SlotRun &)> &onSlot = {});

} // namespace wafer::sim

#endif // WAFER_SIMULATOR_SIMRUN_H
