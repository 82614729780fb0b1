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
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace parallax {

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
// out many times, as an engine's analysis every 512 documents. A thread started per call cost its
// start, its stack handed back and faulted in again, and an empty malloc cache and empty
// thread-local buffers each time. run() keeps run_workers' contract; it is not reentrant (work
// must not call run() on the same pool). The destructor stops and joins the threads.
class WorkerPool {
 public:
  WorkerPool() = default;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
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
    // A thread that cannot start throws here, before any work: the started ones stay idle.
    while (static_cast<int>(threads_.size()) < workers - 1) {
      const int index = static_cast<int>(threads_.size()) + 1;  // the calling thread is worker 0
      threads_.emplace_back([this, index] { wait_for_work(index); });
    }
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      job_ = &guarded;
      job_workers_ = workers;
      running_ = workers - 1;
      ++generation_;
    }
    wake_.notify_all();
    guarded(0);
    {
      std::unique_lock<std::mutex> lock(mutex_);
      finished_.wait(lock, [&] { return running_ == 0; });
      job_ = nullptr;
    }
    if (failure) std::rethrow_exception(failure);
  }

 private:
  void wait_for_work(int index) {
    std::uint64_t seen = 0;
    while (true) {
      const std::function<void(int)>* job = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
        if (stopping_) return;
        seen = generation_;
        if (index >= job_workers_) continue;  // this call needs fewer workers
        job = job_;
      }
      (*job)(index);  // guarded: never throws
      const std::lock_guard<std::mutex> lock(mutex_);
      if (--running_ == 0) finished_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  std::vector<std::thread> threads_;
  const std::function<void(int)>* job_ = nullptr;
  int job_workers_ = 0;
  int running_ = 0;  // pool threads still working on the current job
  std::uint64_t generation_ = 0;
  bool stopping_ = false;
};

}  // namespace parallax
