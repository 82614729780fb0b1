#pragma once
// Every event of a clustered corpus compared: the members of each event with two documents or
// more go through one CompareSession. `parallax report`, the C ABI and Python share it.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "pipeline/compare_session.hpp"
#include "pipeline/corpus_engine.hpp"

namespace parallax {

struct EventComparison {
  std::size_t event = 0;                // index into CorpusEngine::event_clusters()
  std::optional<CompareResult> result;  // none when the event could not be compared
  std::string note;                     // why not ("one document", "one side: Kremlin")
};

// document_of(i): the text and metadata of document i (the engine keeps no texts); compared(c):
// receives each event's comparison as soon as it is done, in no particular order, so that a report
// need not hold them all (report/event_report). progress, if given, is called as each event starts
// (event index, event count). All three are called under one lock from `threads` worker threads
// (1: the calling thread only). A failure in a worker, or in a callback, is rethrown here.
void compare_events(const CorpusEngine& engine, const CompareSession& session,
                    const std::function<Document(std::size_t)>& document_of,
                    const std::function<void(EventComparison&&)>& compared,
                    const std::function<void(std::size_t, std::size_t)>& progress = {}, int threads = 1);

}  // namespace parallax
