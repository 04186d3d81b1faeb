//===- FabricSimulator.h - a cycle-level simulator of a pe design -*- C++ -*-===//
//
// Runs one time slot of a binary's pe-design section: every PE of every
// program, every router setting, cycle by cycle, with real arithmetic on
// each PE's simulated SRAM. MLIR-free, like the runtime that links it.
//
// The machine it models, per cycle:
//  - Routers. Each router keeps one queue per color it has a setting for
//    (`queueDepth` wavelets). The wavelet at the head of a queue moves when
//    every output of the setting has room (a multicast moves at once): one
//    hop to the neighbouring router's queue of the color, or to the PE's
//    receive queue of the color through the ramp. A link carries one
//    32-bit wavelet per cycle per direction, shared by all colors (turns
//    rotate between them); a wavelet that arrives in a cycle moves on in
//    the next at the earliest. Room is judged at the start of the cycle.
//  - PEs. A PE runs one task at a time, each instruction in order. A vector
//    instruction over n elements takes ceil(n / rate) cycles at the cost
//    model's rates (lib/CostModel: fmac at fmacRate, every other one at
//    elementRate with one instruction per element), with its arithmetic on
//    the PE's SRAM. A send puts one wavelet per cycle into its router's
//    queue of the color, a receive takes one per cycle from the PE's queue,
//    each stalling while it cannot. activate, block and unblock take a
//    cycle. An entry task is activated when the slot starts; a data task is
//    ready while wavelets of its color wait for the PE; a local task once
//    activated; blocked tasks are not. Among ready tasks the first in the
//    program runs.
//
// The slot ends when no PE has a task to run and no wavelet is left. A
// cycle in which nothing moves and nothing computes would repeat forever:
// that is a deadlock, reported with the PEs, tasks, colors and queues it
// leaves stuck, as is reaching the cycle limit. The same design and inputs
// give the same cycles and results.
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_SIMULATOR_FABRICSIMULATOR_H
#define WAFER_SIMULATOR_FABRICSIMULATOR_H

#include "wafer/Binary/wfb.pb.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

namespace wafer::sim {

struct SimOptions {
  /// Cycles after which the run stops as if deadlocked.
  int64_t cycleLimit = 100'000'000;
  /// Wavelets each router queue and each PE receive queue holds.
  int64_t queueDepth = 4;
  /// Threads, each simulating a band of mesh rows (fewer on small
  /// designs). The results are the same for every count.
  int threads = 1;
};

/// What the PEs of one program did in the slot: the first and last cycle
/// any of them ran a task (0 and 0 if none did), and cycles summed over its
/// PEs: in vector instructions and task control, in a send whose router
/// queue was full, and in a receive with nothing to take. The rest of a
/// PE's cycles it had no task to run.
struct ProgramActivity {
  int program = 0; ///< index into the design's programs
  int64_t pes = 0;
  int64_t firstCycle = 0, lastCycle = 0;
  int64_t computeCycles = 0, sendStallCycles = 0, recvStallCycles = 0;
  /// Cycles from the first to the last, both counted; 0 when idle.
  int64_t span() const { return lastCycle ? lastCycle - firstCycle + 1 : 0; }
};

/// Wavelets that crossed the link out of router (x, y) towards `port`
/// (north, south, east or west; wfb::ports).
struct LinkActivity {
  int64_t x = 0, y = 0;
  uint32_t port = 0;
  int64_t wavelets = 0;
};

struct SimResult {
  enum class Status { Finished, Deadlock, CycleLimit, Error };
  Status status = Status::Finished;
  /// Cycles until the slot finished (or stopped).
  int64_t cycles = 0;
  /// Wavelet hops over links and ramps, and vector elements computed.
  int64_t hops = 0, elements = 0;
  /// PEs the slot runs programs on, and the threads (bands) that ran it.
  int64_t pes = 0;
  int threads = 0;
  /// What is stuck, one line each (deadlock and cycle limit); or the error.
  std::vector<std::string> report;
  /// The slot's programs, in design order.
  std::vector<ProgramActivity> programs;
  /// Every link a wavelet crossed, by row, column and port.
  std::vector<LinkActivity> links;
};

class FabricSimulator {
public:
  ~FabricSimulator();
  /// The programs and routes of `slot`; null with `error` set when the
  /// design cannot be simulated (a buffer type it does not compute with).
  /// The design must have passed wfb::BinaryFile's checks.
  static std::unique_ptr<FabricSimulator>
  create(const wfb::PeDesign &design, const wfb::Target &target, int64_t slot,
         std::string &error);

  /// Sets or reads a buffer of the PE at mesh coordinates (x, y), which
  /// must run `program`, as f32 values (an f16 or bf16 buffer's rounded
  /// to nearest even when set). False with `error` set otherwise, or when
  /// the sizes differ.
  bool setBuffer(const std::string &program, int64_t x, int64_t y,
                 const std::string &buffer, const std::vector<float> &values,
                 std::string &error);
  bool readBuffer(const std::string &program, int64_t x, int64_t y,
                  const std::string &buffer, std::vector<float> &values,
                  std::string &error) const;

  /// Host I/O of the slot's programs (their pe.input / pe.output, by
  /// wfb::BlockLayout): writes signature input i from `inputs[i]` (f32,
  /// the whole tensor) into every PE that loads it, before run(); reads
  /// output i into `outputs[i]` from the program that gives it, after.
  /// Entries of the signature the slot does not touch may be null.
  void loadInputs(const wfb::Manifest &manifest,
                  const std::vector<const float *> &inputs);
  void readOutputs(const wfb::Manifest &manifest,
                   const std::vector<float *> &outputs) const;

  /// Loads the slot's programs' weights (their pe.weight blocks, by
  /// wfb::BlockLayout) from `data(tensor)`: the tensor's f32 bytes as the
  /// binary stores them (one element for a splat), checked by the loader.
  void loadWeights(const wfb::Manifest &manifest,
                   const std::function<std::string_view(int32_t)> &data);

  /// Runs the slot from its start to its end (once).
  SimResult run(const SimOptions &options = {});

private:
  struct State;
  explicit FabricSimulator(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

} // namespace wafer::sim

#endif // WAFER_SIMULATOR_FABRICSIMULATOR_H
