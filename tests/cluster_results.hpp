#pragma once
// An engine's results as `parallax cluster --format json` reports them (events, near-duplicate
// groups, translations, partial copies; not the header, which names the command): what two ways
// of building one corpus must agree on.
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/corpus_engine.hpp"
#include "report/cluster_report.hpp"

namespace parallax::test {

inline nlohmann::json results_of(const CorpusEngine& engine) {
  std::ostringstream out;
  render_cluster_report(engine, {"cluster", 0, true}, ReportFormat::Json, out);
  nlohmann::json report = nlohmann::json::parse(out.str());
  return {report["events"], report["near_duplicate_groups"], report["translations"], report["partial_copies"]};
}

}  // namespace parallax::test
