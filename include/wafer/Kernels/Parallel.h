//===- Parallel.h - the kernels' thread pool --------------------*- C++ -*-===//
//
// parallelFor runs tasks on the calling thread and a persistent pool of
// workers. Unlike an OpenMP team it never waits for a worker that has not
// started: tasks are claimed one at a time, the caller works too, and the
// call returns as soon as every task has run. On a machine whose cores are
// shared with other processes a worker that wakes late (a scheduler tick
// later) finds nothing left and the caller is not held up, where every
// OpenMP region ended by waiting for it (wafer-run on MiniLM at seq 32 on 2
// loaded cores: 250 ms per run with 2 OpenMP threads, 3-4 ms with 1).
//
//===----------------------------------------------------------------------===//

#ifndef WAFER_KERNELS_PARALLEL_H
#define WAFER_KERNELS_PARALLEL_H

#include <cstddef>
#include <type_traits>
#include <utility>

namespace wafer::kernels {

namespace detail {
using TaskFn = void (*)(void *context, size_t task, int worker);
void parallelForImpl(size_t tasks, int threads, TaskFn fn, void *context);
} // namespace detail

/// Runs body(task, worker) for every task in [0, tasks) on up to `threads`
/// threads; `worker` is in [0, threads) and unique among the threads
/// running tasks of this call at a time (the caller is 0), for per-thread
/// scratch. Returns when every task has run; rethrows the first exception a
/// task threw (the other tasks still run). A call from inside a task, or
/// while another thread's call is running, runs serially on the caller.
template <typename F> void parallelFor(size_t tasks, int threads, F &&body) {
  if (tasks == 0)
    return;
  using Body = std::remove_reference_t<F>;
  detail::parallelForImpl(
      tasks, threads,
      [](void *context, size_t task, int worker) {
        (*static_cast<Body *>(context))(task, worker);
      },
      const_cast<void *>(static_cast<const void *>(&body)));
}

/// The worker index of the calling thread inside a parallelFor task (0 on
/// the caller and outside any task).
int currentWorker();

} // namespace wafer::kernels

#endif // WAFER_KERNELS_PARALLEL_H
