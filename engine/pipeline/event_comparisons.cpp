#include "pipeline/event_comparisons.hpp"

namespace parallax {

std::vector<EventComparison> compare_events(const CorpusEngine& engine, const CompareSession& session,
                                            const std::function<Document(std::size_t)>& document_of,
                                            const std::function<void(std::size_t, std::size_t)>& progress) {
  const auto& events = engine.event_clusters();
  std::vector<EventComparison> comparisons;
  comparisons.reserve(events.size());
  for (std::size_t e = 0; e < events.size(); ++e) {
    if (progress) progress(e, events.size());
    EventComparison c;
    c.event = e;
    if (events[e].members.size() < 2) {
      c.note = "one document";
    } else {
      std::vector<Document> members;
      members.reserve(events[e].members.size());
      for (std::size_t m : events[e].members) members.push_back(document_of(m));
      try {
        c.result = session.compare(members);
        if (c.result->sides.size() < 2) {
          c.note = "one side: " + c.result->sides[0];
          c.result.reset();
        }
      } catch (const CompareError& error) {
        c.note = error.what();
      }
    }
    comparisons.push_back(std::move(c));
  }
  return comparisons;
}

}  // namespace parallax
