// The report writer (report/event_report): sections spilled as comparisons arrive, then ordered.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "example_corpus.hpp"
#include "pipeline/compare_session.hpp"
#include "pipeline/corpus_engine.hpp"
#include "pipeline/event_comparisons.hpp"
#include "report/event_report.hpp"

namespace {

using namespace parallax;

// The example corpus clustered, and every event compared by speaker.
struct ComparedCorpus {
  CorpusEngine engine{EngineOptions{}};
  std::vector<Document> documents = test::example_documents();
  std::vector<EventComparison> comparisons;  // in the order compare_events delivered them

  ComparedCorpus() {
    for (const Document& d : documents) engine.add(Document(d));
    engine.build(BuildScope::Everything);
    CompareSettings settings;
    settings.options.by = CompareBy::Speaker;
    const CompareSession session(settings);
    compare_events(
        engine, session, [&](std::size_t m) { return documents.at(m); },
        [&](EventComparison&& e) { comparisons.push_back(std::move(e)); });
  }
};

std::string report_of(const ComparedCorpus& c, const std::vector<EventComparison>& arrivals, ReportFormat format) {
  EventReportWriter writer(c.engine, {"speaker", 0}, format);
  for (const EventComparison& e : arrivals) writer.add(e);
  std::ostringstream out;
  writer.write(out);
  return out.str();
}

}  // namespace

TEST_CASE("report writer: the same report whatever order the worker threads deliver the events in") {
  const ComparedCorpus c;
  REQUIRE(c.comparisons.size() == c.engine.event_clusters().size());
  std::vector<EventComparison> reversed(c.comparisons.rbegin(), c.comparisons.rend());
  for (const ReportFormat format : {ReportFormat::Json, ReportFormat::Markdown, ReportFormat::Html, ReportFormat::Text})
    CHECK(report_of(c, c.comparisons, format) == report_of(c, reversed, format));
}

TEST_CASE("report writer: events with conflicts come first, then by agreements") {
  const ComparedCorpus c;
  const std::string text = report_of(c, c.comparisons, ReportFormat::Text);
  // Each event's header line ends "(...; N conflicts, M agreements)": read them in report order.
  std::vector<std::pair<int, int>> counts;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("######## Event", 0) != 0) continue;
    const auto conflicts_at = line.rfind(" conflicts, ");
    const auto number_start = line.rfind(' ', conflicts_at - 1) + 1;
    const int conflicts = std::stoi(line.substr(number_start, conflicts_at - number_start));
    const int agreements = std::stoi(line.substr(conflicts_at + 12));
    counts.emplace_back(conflicts, agreements);
  }
  REQUIRE(counts.size() == c.engine.event_clusters().size());
  CHECK(std::is_sorted(counts.begin(), counts.end(), [](auto x, auto y) { return x > y; }));
  CHECK(counts.front().first > 0);  // the call's readouts conflict
}

TEST_CASE("report writer: a temporary folder that cannot be written is an error naming it") {
  const ComparedCorpus c;
  const char* before = std::getenv("TMPDIR");
  const std::string saved = before ? before : "";
  setenv("TMPDIR", "/nonexistent-parallax-folder", 1);
  std::string message;
  try {
    EventReportWriter writer(c.engine, {"speaker", 0}, ReportFormat::Json);
  } catch (const TemporaryFileError& e) {
    message = e.what();
  }
  if (before) setenv("TMPDIR", saved.c_str(), 1);
  else unsetenv("TMPDIR");
  CHECK(message.find("/nonexistent-parallax-folder") != std::string::npos);
}
