#include "report/index_report.hpp"

#include <map>
#include <string_view>

#include "report/json_writer.hpp"
#include "report/safe_text.hpp"

namespace parallax {

// Both outputs keep the member order of the nlohmann::json objects they were once dumped from:
// sorted by key. A store's text is not checked UTF-8, so invalid bytes are replaced, not thrown on.
std::string index_query_json(const std::string& store, const std::vector<IndexQueryResult>& results) {
  std::string text;
  JsonWriter w(text, 2, JsonWriter::ErrorHandler::replace);
  w.begin_object();
  w.key("documents").begin_array();
  for (const auto& r : results) {
    w.begin_object();
    w.key("event");
    if (r.event_members.empty()) {
      w.null();
    } else {
      w.begin_object();
      w.key("label").value(r.event_label);
      w.key("members").array(r.event_members);
      w.key("top_terms").array(r.event_top_terms);
      w.end_object();
    }
    w.key("id").value(r.id);
    w.key("near_duplicates").begin_array();
    for (const auto& m : r.near_duplicates)
      w.begin_object().key("id").value(m.id).key("jaccard").value(m.jaccard).end_object();
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("index").value(store);
  w.end_object();
  return text;
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
  std::map<std::string_view, std::string_view> options;  // by key, the last value of a repeated one
  for (const auto& [key, value] : st.options) options[key] = value;
  std::string text;
  JsonWriter w(text, 2, JsonWriter::ErrorHandler::replace);
  w.begin_object();
  w.key("assignments_current").value(st.assignments_current);
  w.key("batches").value(st.batches);
  w.key("created_by").value(st.created_by);
  w.key("documents").value(st.documents);
  w.key("events").value(st.events);
  w.key("feature_version").value(st.feature_version);
  w.key("generation").value(st.generation);
  w.key("incremental_documents").value(st.incremental_documents);
  w.key("index").value(store);
  w.key("near_duplicate_groups").value(st.near_duplicate_groups);
  w.key("options").begin_object();
  for (const auto& [key, value] : options) w.key(key).value(value);
  w.end_object();
  w.key("terms").value(st.terms);
  w.end_object();
  return text;
}

void render_index_stats_text(const std::string& store, const IndexStats& st, std::ostream& out) {
  out << "index: " << terminal_safe(store) << "\ndocuments: " << st.documents << " (" << st.batches
      << " batches)\nterms: " << st.terms << "\nnear-duplicate groups: " << st.near_duplicate_groups
      << "\nevents: " << st.events
      << (st.assignments_current ? "" : " (stale: a writer stopped before recomputing them; the next add or delete does)")
      << (st.incremental_documents > 0 ? " (" + std::to_string(st.incremental_documents) +
                                             " documents placed incrementally since the last recomputation)"
                                       : std::string())
      << "\nfeatures: " << st.feature_version << "\ncreated by: " << st.created_by << "\noptions:";
  for (const auto& [key, value] : st.options) out << " " << key << "=" << terminal_safe(value);
  out << "\n";
}

}  // namespace parallax
