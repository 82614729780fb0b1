#pragma once
// Renders the document index's own results (engine/store/document_index): what `parallax index
// query` and `index stats` print, and the JSON the C ABI and Python return for them. `index events`
// is the cluster report itself (cluster_report.hpp).
#include <ostream>
#include <string>
#include <vector>

#include "store/document_index.hpp"

namespace parallax {

// {"index": store, "documents": [{"id", "near_duplicates": [{"id", "jaccard"}], "event": null |
// {"label", "top_terms", "members"}}]}: members and near-duplicates are stored documents only.
std::string index_query_json(const std::string& store, const std::vector<IndexQueryResult>& results);
void render_index_query_text(const std::vector<IndexQueryResult>& results, std::ostream& out);

// {"index", "documents", "batches", "terms", "near_duplicate_groups", "events",
// "assignments_current", "generation", "feature_version", "created_by", "options": {key: value}}.
std::string index_stats_json(const std::string& store, const IndexStats& stats);
void render_index_stats_text(const std::string& store, const IndexStats& stats, std::ostream& out);

}  // namespace parallax
