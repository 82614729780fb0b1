#pragma once
// `parallax report`: for each event of a clustered corpus, who said what. An index of the events,
// ordered by what needs a reader's attention (conflicts first, then agreements, then size), and
// per event its coverage (outlet, language, date, title, link) and, when it has two sides or more,
// the comparison of its claims (topics, conflicts with reasons, agreements, what one side alone
// says). One model, four views: JSON (schema in docs/report.md), Markdown, a self-contained HTML
// page, terminal text.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/corpus_engine.hpp"
#include "pipeline/event_comparisons.hpp"
#include "pipeline/temporary_file.hpp"
#include "report/cluster_report.hpp"

namespace parallax {

inline constexpr int kReportSchemaVersion = 1;

struct EventReportContext {
  std::string by = "speaker";
  std::size_t rejected_records = 0;
};

// Builds the report while the events are compared, so that a large corpus's comparisons are never
// all in memory: each event's section is rendered as soon as its comparison arrives and kept in an
// unlinked temporary file; memory keeps only each event's counts. write() then puts the head and
// the index, and copies the sections in attention order (most conflicts, then most agreements,
// then largest event; ties in event order, whatever order the comparisons arrived in).
class EventReportWriter {
 public:
  // Throws TemporaryFileError naming the folder when the temporary file cannot be created.
  EventReportWriter(const CorpusEngine& engine, EventReportContext context, ReportFormat format);

  // Not thread-safe: compare_events calls its sink under one lock. Throws TemporaryFileError.
  void add(const EventComparison& comparison);
  void write(std::ostream& out);

  std::size_t compared() const { return compared_; }

 private:
  struct Section {
    std::size_t event = 0;
    std::size_t conflicts = 0, agreements = 0;
    std::uint64_t offset = 0, bytes = 0;
  };
  void order_sections();
  void write_head(std::ostream& out) const;
  void write_tail(std::ostream& out) const;
  void write_json(std::ostream& out) const;  // the whole JSON report: head, sections, tail

  const CorpusEngine& engine_;
  EventReportContext context_;
  ReportFormat format_;
  TemporaryFile spill_;
  std::uint64_t spilled_ = 0;
  std::vector<Section> sections_;
  std::size_t compared_ = 0;
};

}  // namespace parallax
