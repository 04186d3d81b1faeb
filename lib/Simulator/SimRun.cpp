//===- SimRun.cpp - simulate every slot of a binary's pe design -----------===//

#include "wafer/Simulator/SimRun.h"

#include <chrono>
#include <set>

namespace wafer::sim {

bool hasHostIo(const wfb::PeDesign &design) {
  for (const auto &p : design.programs())
    if (p.io_size() > 0)
      return true;
  return false;
}

bool simulateDesign(const wfb::BinaryFile &binary,
                    const std::vector<const float *> &inputs,
                    const std::vector<float *> &outputs,
                    const SimOptions &options, DesignRun &run,
                    std::string &error,
                    const std::function<void(const SlotRun &)> &onSlot) {
  const wfb::PeDesign *design = binary.peDesign();
  if (!design) {
    error = "the binary has no pe-design section";
    return false;
  }
  const bool hostIo = hasHostIo(*design);
  std::set<int64_t> slots;
  for (const auto &p : design->programs())
    slots.insert(p.slot());
  for (const auto &r : design->routes())
    slots.insert(r.slot());
  for (int64_t slot : slots) {
    auto sim = FabricSimulator::create(*design, binary.manifest().target(),
                                       slot, error);
    if (!sim) {
      error = "slot " + std::to_string(slot) + ": " + error;
      return false;
    }
    sim->loadWeights(binary.manifest(), [&](int32_t tensor) {
      return binary.tensorData(tensor);
    });
    if (hostIo)
      sim->loadInputs(binary.manifest(), inputs);
    const auto start = std::chrono::steady_clock::now();
    SimResult result = sim->run(options);
    const double seconds = std::chrono::duration<double>(
                               std::chrono::steady_clock::now() - start)
                               .count();
    const bool finished = result.status == SimResult::Status::Finished;
    if (finished) {
      run.totalCycles += result.cycles;
      if (hostIo)
        sim->readOutputs(binary.manifest(), outputs);
    }
    run.slots.push_back({slot, std::move(result), seconds});
    if (!finished)
      return true;
    if (onSlot)
      onSlot(run.slots.back());
  }
  return true;
}

} // namespace wafer::sim
