#pragma once
// FAISS runs its loops on OpenMP's thread count for the calling thread; OpenMpThreads sets it for
// one search and puts the caller's back, so a program using the C ABI keeps its own OpenMP setting.
#include <omp.h>

#include <algorithm>

namespace parallax {

class OpenMpThreads {
 public:
  explicit OpenMpThreads(int threads) : before_(omp_get_max_threads()) { omp_set_num_threads(std::max(1, threads)); }
  ~OpenMpThreads() { omp_set_num_threads(before_); }
  OpenMpThreads(const OpenMpThreads&) = delete;
  OpenMpThreads& operator=(const OpenMpThreads&) = delete;

 private:
  int before_;
};

}  // namespace parallax
