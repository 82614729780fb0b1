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
#include <exception>
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

}  // namespace parallax
