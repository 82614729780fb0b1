#include "pipeline/event_comparisons.hpp"

#include "core/worker_threads.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace parallax {
namespace {

EventComparison compare_event(const CorpusEngine& engine, const CompareSession& session, std::size_t e,
                              const std::function<Document(std::size_t)>& document_of) {
  const EventCluster& event = engine.event_clusters()[e];
  EventComparison c;
  c.event = e;
  if (event.members.size() < 2) {
    c.note = "one document";
    return c;
  }
  std::vector<Document> members;
  members.reserve(event.members.size());
  for (std::size_t m : event.members) members.push_back(document_of(m));
  try {
    c.result = session.compare(members);
    if (c.result->sides.size() < 2) {
      c.note = "one side: " + c.result->sides[0];
      c.result.reset();
    }
  } catch (const CompareError& error) {
    c.note = error.what();
  }
  return c;
}

}  // namespace

void compare_events(const CorpusEngine& engine, const CompareSession& session,
                    const std::function<Document(std::size_t)>& document_of,
                    const std::function<void(EventComparison&&)>& compared,
                    const std::function<void(std::size_t, std::size_t)>& progress, int threads) {
  const std::size_t n = engine.event_clusters().size();
  // Events are compared on worker threads (a comparison reads the session's tables and owns its
  // stemmers); document_of and progress are called under one lock.
  std::mutex lock;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  const int workers = static_cast<int>(std::min<std::size_t>(std::max(1, threads), std::max<std::size_t>(n, 1)));
  run_workers(workers, [&](int) {
    try {
      for (std::size_t e = next++; e < n && !failed; e = next++) {
        {
          const std::lock_guard<std::mutex> guard(lock);
          if (progress) progress(e, n);
        }
        EventComparison comparison = compare_event(engine, session, e, [&](std::size_t m) {
          const std::lock_guard<std::mutex> guard(lock);
          return document_of(m);
        });
        const std::lock_guard<std::mutex> guard(lock);
        if (failed) return;
        compared(std::move(comparison));
      }
    } catch (...) {
      failed = true;
      throw;
    }
  });
}

}  // namespace parallax
