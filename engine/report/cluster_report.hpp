#pragma once
// Renders the results of `parallax cluster` and `parallax dedup`: text for a terminal, Markdown,
// and JSON (schema in docs/json-schema.md; bump kClusterSchemaVersion on incompatible changes).
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/corpus_engine.hpp"

namespace parallax {

class JsonWriter;

inline constexpr const char* kClusterSchemaVersion = "1.3";

enum class ReportFormat { Text, Markdown, Json, Html };
ReportFormat parse_report_format(std::string_view name);  // text | md | json | html; throws otherwise

struct ClusterReportContext {
  std::string command;              // "cluster" or "dedup"
  std::size_t rejected_records = 0; // input records that failed validation
  bool include_events = true;
};

void render_cluster_report(const CorpusEngine& engine, const ClusterReportContext& context, ReportFormat format,
                           std::ostream& out);

// The events of an engine built with BuildScope::Everything as the JSON array the report holds
// under "events" (for the C ABI and Python).
std::string events_json(const CorpusEngine& engine);
// The members of one event's JSON object as the cluster report holds it in "events" (label,
// languages, sources, dates, members), written into the object `writer` has open.
void write_event_fields(JsonWriter& writer, const CorpusEngine& engine, std::size_t event);
// The cross-language copies as the JSON array the cluster report prints under "translations".
std::string translations_json(const CorpusEngine& engine);
// The partial copies as the JSON array the cluster and dedup reports print under "partial_copies".
std::string partial_copies_json(const CorpusEngine& engine);

// "YYYY-MM-DD" of a day count since 1970-01-01.
std::string format_day(int days_since_epoch);
// "first .. last" of an event's dated members ("first" alone when one day; "" when none dated).
std::string date_range(const EventCluster& c);
// `items` separated by `separator`.
std::string join(const std::vector<std::string>& items, const char* separator);

}  // namespace parallax
