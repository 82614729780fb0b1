#pragma once
// `parallax report`: for each event of a clustered corpus, who said what. An index of the events,
// ordered by what needs a reader's attention (conflicts first, then agreements, then size), and
// per event its coverage (outlet, language, date, title, link) and, when it has two sides or more,
// the comparison of its claims (topics, conflicts with reasons, agreements, what one side alone
// says). One model, four views: JSON (schema in docs/report.md), Markdown, a self-contained HTML
// page, terminal text.
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diff/compare.hpp"
#include "pipeline/corpus_engine.hpp"
#include "pipeline/event_comparisons.hpp"
#include "report/cluster_report.hpp"

namespace parallax {

inline constexpr int kReportSchemaVersion = 1;

struct EventReportContext {
  std::string by = "speaker";
  std::size_t rejected_records = 0;
};

// The comparisons in report order: most conflicts first, then most agreements, then largest event.
void order_for_attention(const CorpusEngine& engine, std::vector<EventComparison>& comparisons);

void render_event_report(const CorpusEngine& engine, const std::vector<EventComparison>& comparisons,
                         const EventReportContext& context, ReportFormat format, std::ostream& out);

}  // namespace parallax
