// core/worker_threads: run_workers and the WorkerPool that keeps its threads between calls.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/worker_threads.hpp"

using parallax::WorkerPool;

TEST_CASE("worker pool: every worker runs once per call, the caller as worker 0, on threads kept between calls") {
  WorkerPool pool;
  std::mutex mutex;
  std::set<std::thread::id> threads_seen;
  for (int call = 0; call < 20; ++call) {
    std::vector<int> runs(3, 0);
    std::thread::id worker_0;
    pool.run(3, [&](int w) {
      ++runs[w];
      const std::lock_guard<std::mutex> lock(mutex);
      threads_seen.insert(std::this_thread::get_id());
      if (w == 0) worker_0 = std::this_thread::get_id();
    });
    CHECK(runs == std::vector<int>{1, 1, 1});
    CHECK(worker_0 == std::this_thread::get_id());
  }
  CHECK(threads_seen.size() == 3);  // the caller and two pool threads, the same ones every call
  CHECK(threads_seen.count(std::this_thread::get_id()) == 1);
}

TEST_CASE("worker pool: a call with fewer workers leaves the other threads idle, one worker runs on the caller") {
  WorkerPool pool;
  std::atomic<int> total{0};
  pool.run(4, [&](int) { ++total; });
  CHECK(total == 4);
  std::vector<int> runs(4, 0);
  pool.run(2, [&](int w) { ++runs[w]; });
  CHECK(runs == std::vector<int>{1, 1, 0, 0});
  std::thread::id ran_on;
  int worker = -1;
  pool.run(1, [&](int w) {
    worker = w;
    ran_on = std::this_thread::get_id();
  });
  CHECK(worker == 0);
  CHECK(ran_on == std::this_thread::get_id());
}

TEST_CASE("worker pool: the first failure is rethrown after every worker finished, and the pool stays usable") {
  WorkerPool pool;
  std::atomic<int> finished{0};
  CHECK_THROWS_AS(pool.run(3,
                           [&](int w) {
                             if (w == 1) throw std::runtime_error("worker 1");
                             ++finished;
                           }),
                  std::runtime_error);
  CHECK(finished == 2);
  std::atomic<int> total{0};
  pool.run(3, [&](int) { ++total; });
  CHECK(total == 3);
}

TEST_CASE("worker pool: a forked child runs work on threads of its own, as the parent does after it") {
  WorkerPool pool;
  std::atomic<int> total{0};
  pool.run(2, [&](int) { ++total; });  // the parent's pool thread is waiting now
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::atomic<int> in_child{0};
    pool.run(2, [&](int) { ++in_child; });
    _exit(in_child == 2 ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  pool.run(2, [&](int) { ++total; });
  CHECK(total == 4);
}

TEST_CASE("workers_for: one worker per share of the work, at least one, at most the threads allowed") {
  using parallax::workers_for;
  CHECK(workers_for(0, 4096, 8) == 1);
  CHECK(workers_for(1000, 4096, 2) == 1);   // less than one share: no thread is started for it
  CHECK(workers_for(8191, 4096, 2) == 1);
  CHECK(workers_for(8192, 4096, 2) == 2);
  CHECK(workers_for(1000000, 4096, 2) == 2);  // never more than the threads allowed
  CHECK(workers_for(1000000, 4096, 0) == 1);
  CHECK(workers_for(10, 0, 4) == 4);          // a share of nothing: as many as allowed
}
