#pragma once
// Work split over threads, failures included: run_workers(n, work) calls work(w) for w in [0, n),
// the calling thread being worker 0, and rethrows on the calling thread the first exception any
// worker threw, after every started thread has been joined. A thread that cannot be started (no
// memory for its stack or its state: std::system_error, std::bad_alloc) is such a failure too:
// before this, the threads already started were destroyed unjoined and the process ended in
// std::terminate ("parallax report" under a memory limit).
//
// Workers that share a stop flag should set it when they fail, so the others end early; the
// result of a call that threw is incomplete and must be discarded.
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace parallax {

// How many workers `items` of work get: one per `items_per_worker` items, at least one, at most
// `threads`. A thread started for a call costs about 0.15 ms of CPU before it pays (its start, a
// malloc arena of its own, caches cold on its core): on 1k documents the near-duplicate stage's
// two threads took 0.3 ms more CPU than one for 0.4 ms of work. A stage passes how many of its
// items keep a thread busy ten times that long or more, so a thread's start adds under 10%.
inline int workers_for(std::size_t items, std::size_t items_per_worker, int threads) {
  const std::size_t by_work = items / std::max<std::size_t>(1, items_per_worker);
  return static_cast<int>(std::clamp<std::size_t>(by_work, 1, static_cast<std::size_t>(std::max(1, threads))));
}

template <typename Work>
void run_workers(int workers, Work work) {
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto record = [&] {
    const std::lock_guard<std::mutex> lock(failure_mutex);
    if (!failure) failure = std::current_exception();
  };
  const auto guarded = [&](int w) {
    try {
      work(w);
    } catch (...) {
      record();
    }
  };
  std::vector<std::thread> pool;
  try {
    pool.reserve(workers > 1 ? static_cast<std::size_t>(workers - 1) : 0);
    for (int w = 1; w < workers; ++w) pool.emplace_back(guarded, w);
  } catch (...) {
    record();
  }
  // After a thread failed to start the call fails anyway: worker 0's share is not worth doing.
  if (!failure) guarded(0);
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

// run_workers on threads that are started once and then wait for the next call: for work handed
// out many times, as an engine's analysis every batch of documents. A thread started per call
// cost its start, its stack handed back and faulted in again, and an empty malloc cache and empty
// thread-local buffers each time. run() keeps run_workers' contract; it is not reentrant (work
// must not call run() on the same pool). The destructor stops and joins the threads.
//
// Fork-safe as starting threads per call was: a forked child has none of the parent's threads,
// and its copies of their mutex and condition variables may say they are held or waited on, so
// a pool used in a child leaves that state behind (never destroyed: a small leak) and starts
// threads of its own.
class WorkerPool {
 public:
  WorkerPool() = default;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool() {
    if (!owned_here()) {
      (void)threads_.release();  // none, or a parent's in a forked child: nothing to join
      return;
    }
    {
      const std::lock_guard<std::mutex> lock(threads_->mutex);
      threads_->stopping = true;
    }
    threads_->wake.notify_all();
    for (std::thread& t : threads_->threads) t.join();
  }

  template <typename Work>
  void run(int workers, Work work) {
    if (workers <= 1) return work(0);
    std::exception_ptr failure;
    std::mutex failure_mutex;
    const auto record = [&] {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    };
    const std::function<void(int)> guarded = [&](int w) {
      try {
        work(w);
      } catch (...) {
        record();
      }
    };
    if (!owned_here()) {
      (void)threads_.release();  // a parent's, in a forked child: see above
      threads_ = std::make_unique<Threads>();
      owner_ = getpid();
    }
    Threads& t = *threads_;
    // A thread that cannot start throws here, before any work: the started ones stay idle.
    while (static_cast<int>(t.threads.size()) < workers - 1) {
      const int index = static_cast<int>(t.threads.size()) + 1;  // the calling thread is worker 0
      t.threads.emplace_back([&t, index] { wait_for_work(t, index); });
    }
    {
      const std::lock_guard<std::mutex> lock(t.mutex);
      t.job = &guarded;
      t.job_workers = workers;
      t.running = workers - 1;
      ++t.generation;
    }
    t.wake.notify_all();
    guarded(0);
    {
      std::unique_lock<std::mutex> lock(t.mutex);
      t.finished.wait(lock, [&] { return t.running == 0; });
      t.job = nullptr;
    }
    if (failure) std::rethrow_exception(failure);
  }

 private:
  struct Threads {
    std::mutex mutex;
    std::condition_variable wake, finished;
    std::vector<std::thread> threads;
    const std::function<void(int)>* job = nullptr;
    int job_workers = 0;
    int running = 0;  // pool threads still working on the current job
    std::uint64_t generation = 0;
    bool stopping = false;
  };

  bool owned_here() const { return threads_ && owner_ == getpid(); }

  static void wait_for_work(Threads& t, int index) {
    std::uint64_t seen = 0;
    while (true) {
      const std::function<void(int)>* job = nullptr;
      {
        std::unique_lock<std::mutex> lock(t.mutex);
        t.wake.wait(lock, [&] { return t.stopping || t.generation != seen; });
        if (t.stopping) return;
        seen = t.generation;
        if (index >= t.job_workers) continue;  // this call needs fewer workers
        job = t.job;
      }
      (*job)(index);  // guarded: never throws
      const std::lock_guard<std::mutex> lock(t.mutex);
      if (--t.running == 0) t.finished.notify_one();
    }
  }

  std::unique_ptr<Threads> threads_;
  pid_t owner_ = 0;  // the process threads_ belongs to
};

}  // namespace parallax
