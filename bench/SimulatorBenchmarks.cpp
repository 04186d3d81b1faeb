// wafer-bench-simulator: the fabric simulator's speed in simulated
// PE-cycles per second, on unit::broadcastDesign (every PE receives,
// forwards and computes; two colors share every column link) over square
// meshes, on 1 and 2 threads (bands of rows). The outcome is the same for
// every thread count (test/unit/Simulator); this measures only the time.
#include "../test/unit/PeDesignBuilder.h"
#include "../test/unit/WfbTestTarget.h"

#include "wafer/Simulator/FabricSimulator.h"

#include <benchmark/benchmark.h>

namespace {

void BM_SimulateBroadcast(benchmark::State &state) {
  const int64_t side = state.range(0);
  const int threads = int(state.range(1));
  const wafer::unit::Builder b = wafer::unit::broadcastDesign(side, 64);
  wafer::wfb::Target target = wafer::unit::smallTarget();
  target.set_width(side);
  target.set_height(side);
  int64_t peCycles = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string error;
    auto sim = wafer::sim::FabricSimulator::create(b.design, target, 0, error);
    if (!sim) {
      state.SkipWithError(error.c_str());
      return;
    }
    state.ResumeTiming();
    wafer::sim::SimOptions options;
    options.threads = threads;
    wafer::sim::SimResult r = sim->run(options);
    if (r.status != wafer::sim::SimResult::Status::Finished) {
      state.SkipWithError("the design did not finish");
      return;
    }
    peCycles += r.cycles * r.pes;
    state.counters["cycles"] = double(r.cycles);
    state.counters["bands"] = r.threads;
  }
  state.counters["PE_cycles_per_s"] =
      benchmark::Counter(double(peCycles), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_SimulateBroadcast)
    ->ArgNames({"side", "threads"})
    ->ArgsProduct({{32, 128, 256}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
