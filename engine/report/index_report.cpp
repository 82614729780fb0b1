#include "report/index_report.hpp"

#include <nlohmann/json.hpp>

#include "report/safe_text.hpp"

namespace parallax {

std::string index_query_json(const std::string& store, const std::vector<IndexQueryResult>& results) {
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::json near = nlohmann::json::array();
    for (const auto& m : r.near_duplicates) near.push_back({{"id", m.id}, {"jaccard", m.jaccard}});
    nlohmann::json event = nullptr;
    if (!r.event_members.empty())
      event = {{"label", r.event_label}, {"top_terms", r.event_top_terms}, {"members", r.event_members}};
    documents.push_back({{"id", r.id}, {"near_duplicates", near}, {"event", event}});
  }
  return nlohmann::json{{"index", store}, {"documents", documents}}.dump(2, ' ', false,
                                                                          nlohmann::json::error_handler_t::replace);
}

void render_index_query_text(const std::vector<IndexQueryResult>& results, std::ostream& out) {
  for (const auto& r : results) {
    out << terminal_safe(r.id) << ":\n  near-duplicates: ";
    if (r.near_duplicates.empty()) out << "none";
    for (std::size_t i = 0; i < r.near_duplicates.size(); ++i)
      out << (i ? ", " : "") << terminal_safe(r.near_duplicates[i].id) << " (" << r.near_duplicates[i].jaccard << ")";
    out << "\n  event: ";
    if (r.event_members.empty()) {
      out << "new (no stored document)\n";
      continue;
    }
    out << terminal_safe(r.event_label) << " (" << r.event_members.size() << " stored: ";
    for (std::size_t i = 0; i < r.event_members.size(); ++i) out << (i ? ", " : "") << terminal_safe(r.event_members[i]);
    out << ")\n";
  }
}

std::string index_stats_json(const std::string& store, const IndexStats& st) {
  nlohmann::json options = nlohmann::json::object();
  for (const auto& [key, value] : st.options) options[key] = value;
  return nlohmann::json{{"index", store},
                        {"documents", st.documents},
                        {"batches", st.batches},
                        {"terms", st.terms},
                        {"near_duplicate_groups", st.near_duplicate_groups},
                        {"events", st.events},
                        {"assignments_current", st.assignments_current},
                        {"generation", st.generation},
                        {"feature_version", st.feature_version},
                        {"created_by", st.created_by},
                        {"options", options}}
      .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

void render_index_stats_text(const std::string& store, const IndexStats& st, std::ostream& out) {
  out << "index: " << terminal_safe(store) << "\ndocuments: " << st.documents << " (" << st.batches
      << " batches)\nterms: " << st.terms << "\nnear-duplicate groups: " << st.near_duplicate_groups
      << "\nevents: " << st.events
      << (st.assignments_current ? "" : " (stale: a writer stopped before recomputing them; the next add or delete does)")
      << "\nfeatures: " << st.feature_version << "\ncreated by: " << st.created_by << "\noptions:";
  for (const auto& [key, value] : st.options) out << " " << key << "=" << terminal_safe(value);
  out << "\n";
}

}  // namespace parallax
