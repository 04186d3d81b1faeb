// The kernels' thread pool: every task runs exactly once, worker indices
// stay below the thread count and are never shared by two threads at once,
// nested and concurrent calls run serially, and a task's exception reaches
// the caller after every task ran.
#include "wafer/Kernels/Parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace wafer::kernels {
namespace {

TEST(Parallel, EveryTaskRunsOnceWithWorkersInRange) {
  for (int threads : {1, 2, 3, 8}) {
    for (size_t tasks : {size_t(1), size_t(2), size_t(7), size_t(1000)}) {
      std::vector<std::atomic<int>> runs(tasks);
      std::vector<std::atomic<int>> busy(static_cast<size_t>(threads));
      std::atomic<int> bad{0};
      parallelFor(tasks, threads, [&](size_t t, int worker) {
        if (worker < 0 || worker >= threads || currentWorker() != worker) {
          bad++;
          return;
        }
        if (busy[size_t(worker)].fetch_add(1) != 0)
          bad++; // two threads with one index at once
        runs[t]++;
        busy[size_t(worker)].fetch_sub(1);
      });
      EXPECT_EQ(bad.load(), 0) << threads << " threads, " << tasks << " tasks";
      for (size_t t = 0; t < tasks; ++t)
        ASSERT_EQ(runs[t].load(), 1) << "task " << t;
    }
  }
  parallelFor(0, 4, [](size_t, int) { FAIL() << "no task to run"; });
}

TEST(Parallel, NestedCallsRunSeriallyOnTheirWorker) {
  std::atomic<int> inner{0}, bad{0};
  parallelFor(16, 4, [&](size_t, int worker) {
    parallelFor(5, 4, [&](size_t, int w) {
      if (w != worker)
        bad++;
      inner++;
    });
  });
  EXPECT_EQ(inner.load(), 16 * 5);
  EXPECT_EQ(bad.load(), 0);
}

TEST(Parallel, ConcurrentCallersAllFinish) {
  std::atomic<long> sum{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c)
    callers.emplace_back([&] {
      for (int rep = 0; rep < 50; ++rep)
        parallelFor(64, 2, [&](size_t t, int) { sum += long(t); });
    });
  for (std::thread &t : callers)
    t.join();
  EXPECT_EQ(sum.load(), 4L * 50 * (63 * 64 / 2));
}

TEST(Parallel, ExceptionReachesTheCallerAfterEveryTask) {
  std::atomic<int> runs{0};
  EXPECT_THROW(parallelFor(100, 2,
                           [&](size_t t, int) {
                             runs++;
                             if (t == 17)
                               throw std::runtime_error("task 17");
                           }),
               std::runtime_error);
  EXPECT_EQ(runs.load(), 100);
  // The pool still works afterwards.
  std::atomic<int> after{0};
  parallelFor(10, 2, [&](size_t, int) { after++; });
  EXPECT_EQ(after.load(), 10);
}

} // namespace
} // namespace wafer::kernels
