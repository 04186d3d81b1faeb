// The kernels' thread pool (Parallel.h). One job at a time: the caller
// publishes it (a generation counter the workers spin on briefly, then
// sleep on a condition variable), claims tasks with the workers from one
// atomic counter, and waits only for the tasks already claimed. The job is
// reference-counted, so a worker that wakes after the call returned finds
// its counter exhausted and never touches the caller's body.
#include "wafer/Kernels/Parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define WAFER_PAUSE() _mm_pause()
#else
#define WAFER_PAUSE() std::this_thread::yield()
#endif

namespace wafer::kernels {
namespace {

thread_local int tlsWorker = 0;
thread_local bool tlsInTask = false;

struct Job {
  size_t tasks = 0;
  int threads = 1;
  detail::TaskFn fn = nullptr;
  void *context = nullptr;
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex errorMutex;
  std::exception_ptr error;

  void work(int worker) {
    bool wasInTask = tlsInTask;
    int wasWorker = tlsWorker;
    tlsInTask = true;
    tlsWorker = worker;
    for (;;) {
      size_t t = next.fetch_add(1, std::memory_order_relaxed);
      if (t >= tasks)
        break;
      try {
        fn(context, t, worker);
      } catch (...) {
        std::lock_guard<std::mutex> lock(errorMutex);
        if (!error)
          error = std::current_exception();
      }
      done.fetch_add(1, std::memory_order_release);
    }
    tlsInTask = wasInTask;
    tlsWorker = wasWorker;
  }
};

// Spins of a waiting worker before it sleeps (each a pause, ~10-40 ns): a
// few tens of microseconds, enough to catch the next kernel of a run.
constexpr int kWorkerSpins = 4000;

class Pool {
public:
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
      generation_.fetch_add(1);
    }
    wake_.notify_all();
    for (std::thread &t : workers_)
      t.join();
  }

  // The caller holds busy_.
  void run(size_t tasks, int threads, detail::TaskFn fn, void *context) {
    auto job = std::make_shared<Job>();
    job->tasks = tasks;
    job->threads = threads;
    job->fn = fn;
    job->context = context;
    grow(threads - 1);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = job;
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    job->work(0);
    // Only tasks a worker has claimed can still be running.
    for (int spin = 0;
         job->done.load(std::memory_order_acquire) < tasks; ++spin) {
      if (spin < 2000)
        WAFER_PAUSE();
      else
        std::this_thread::yield();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (job_ == job)
        job_.reset();
    }
    if (job->error)
      std::rethrow_exception(job->error);
  }

  std::mutex busy_;

private:
  void grow(int count) {
    while (int(workers_.size()) < count) {
      int id = int(workers_.size()) + 1;
      workers_.emplace_back([this, id] { loop(id); });
    }
  }

  void loop(int id) {
    uint64_t seen = generation_.load();
    for (;;) {
      for (int i = 0; i < kWorkerSpins &&
                      generation_.load(std::memory_order_acquire) == seen;
           ++i)
        WAFER_PAUSE();
      std::shared_ptr<Job> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return generation_.load() != seen; });
        if (stop_)
          return;
        seen = generation_.load();
        job = job_;
      }
      if (job && id < job->threads)
        job->work(id);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<uint64_t> generation_{0};
  std::shared_ptr<Job> job_;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

Pool &pool() {
  // Never destroyed: workers may outlive static destruction order otherwise.
  static Pool *p = new Pool;
  return *p;
}

void runSerially(size_t tasks, detail::TaskFn fn, void *context) {
  std::exception_ptr error;
  for (size_t t = 0; t < tasks; ++t) {
    try {
      fn(context, t, tlsWorker);
    } catch (...) {
      if (!error)
        error = std::current_exception();
    }
  }
  if (error)
    std::rethrow_exception(error);
}

} // namespace

int currentWorker() { return tlsWorker; }

namespace detail {
void parallelForImpl(size_t tasks, int threads, TaskFn fn, void *context) {
  threads = int(std::min<size_t>(size_t(std::max(threads, 1)), tasks));
  if (threads <= 1 || tlsInTask) {
    runSerially(tasks, fn, context);
    return;
  }
  Pool &p = pool();
  std::unique_lock<std::mutex> busy(p.busy_, std::try_to_lock);
  if (!busy.owns_lock()) {
    runSerially(tasks, fn, context);
    return;
  }
  p.run(tasks, threads, fn, context);
}
} // namespace detail

} // namespace wafer::kernels
