#include "store/index_lookup.hpp"

#include <unordered_map>

#include "store/stored_assignments.hpp"

namespace parallax {
namespace {

std::vector<const MinHashSignature*> signatures_of(const CorpusEngine& queries) {
  std::vector<const MinHashSignature*> out;
  for (std::size_t q = 0; q < queries.size(); ++q) out.push_back(&queries.signature(q));
  return out;
}

// Each query's stored near-duplicates: every stored member of the groups its component (queries
// joined by verified pairs, through stored documents and their groups) reaches.
void find_near_duplicates(SqliteDatabase& db, const std::vector<StoredDocument>& stored, const CorpusEngine& queries,
                          const NearDuplicateParams& params, std::vector<IndexQueryResult>& results) {
  const SignatureMatcher matcher(signatures_of(queries), params);
  if (!matcher.active()) return;
  // Nodes: the queries, then one per stored group matched (a stored document in no group is its own).
  std::unordered_map<std::int64_t, std::size_t> node_of_group;
  std::vector<std::pair<std::size_t, std::size_t>> joins;  // (query, node)
  auto group_key = [&](std::size_t s) { return stored[s].group >= 0 ? stored[s].group : -1 - static_cast<std::int64_t>(s); };
  for_each_stored_signature(db, [&](std::size_t s, const MinHashSignature& signature) {
    for (std::size_t q : matcher.matches(signature)) {
      const auto node = node_of_group.emplace(group_key(s), queries.size() + node_of_group.size()).first->second;
      joins.emplace_back(q, node);
    }
  });
  UnionFind sets(queries.size() + node_of_group.size());
  matcher.unite_probes(sets);
  for (const auto& [q, node] : joins) sets.unite(q, node);
  for (std::size_t s = 0; s < stored.size(); ++s) {
    const auto it = node_of_group.find(group_key(s));
    if (it == node_of_group.end()) continue;
    MinHashSignature signature;  // read once per member, only when some query reaches it
    for (std::size_t q = 0; q < queries.size(); ++q) {
      if (sets.find(q) != sets.find(it->second)) continue;
      if (signature.empty()) signature = read_signature(db, stored[s].key);
      results[q].near_duplicates.push_back({stored[s].id, estimate_jaccard(queries.signature(q), signature)});
    }
  }
}

void describe_event(const EventPlacement& events, std::int64_t event, const std::vector<StoredDocument>& stored,
                    const IndexSnapshot& snapshot, IndexQueryResult& r) {
  for (std::size_t s : events.members(event)) r.event_members.push_back(stored[s].id);
  if (static_cast<std::size_t>(event) < snapshot.events.size()) {
    r.event_label = snapshot.events[static_cast<std::size_t>(event)].label;
    r.event_top_terms = snapshot.events[static_cast<std::size_t>(event)].top_terms;
  }
}

}  // namespace

bool can_look_up(const EngineOptions& store_options, const CorpusEngine& queries) {
  if (store_options.near_duplicates_only) return true;
  if (store_options.projection != ProjectionKind::Random || store_options.events.date_window_days <= 0 ||
      store_options.events.cross_language_evidence > 0)
    return false;
  for (std::size_t q = 0; q < queries.size(); ++q)
    if (!queries.document(q).date_days) return false;
  return true;
}

std::optional<std::vector<IndexQueryResult>> look_up(SqliteDatabase& db, const EngineOptions& store_options,
                                                     const CorpusEngine& queries) {
  Transaction tx(db, Transaction::Kind::Read);
  if (!assignments_are_current(db)) return std::nullopt;
  const std::optional<IndexSnapshot> snapshot = read_snapshot(db);
  if (!snapshot) return std::nullopt;
  std::vector<StoredDocument> stored = read_stored_documents(db);
  for (const StoredDocument& d : stored)
    if (!d.assigned) return std::nullopt;  // a document the recomputation did not see
  std::vector<IndexQueryResult> results(queries.size());
  for (std::size_t q = 0; q < queries.size(); ++q) results[q].id = queries.document(q).id;
  find_near_duplicates(db, stored, queries, store_options.near_duplicates, results);
  if (!store_options.near_duplicates_only) {
    EventPlacement events(db, stored, snapshot->frequencies, store_options);
    EventPlacement::Group documents;
    for (std::size_t q = 0; q < queries.size(); ++q) {
      const DocumentRecord& r = queries.document(q);
      documents.add(*r.date_days, r.lang, events.vector_of(queries.term_counts(q)));
    }
    // Queries of one event are placed together, as the rebuild's linkage would merge them.
    for (const std::vector<std::size_t>& cluster : cluster_among_themselves(documents, store_options)) {
      const std::vector<std::int64_t> placed = events.best_events(documents.subset(cluster));
      for (std::size_t m = 0; m < cluster.size(); ++m)
        if (placed[m] >= 0) describe_event(events, placed[m], stored, *snapshot, results[cluster[m]]);
    }
  }
  tx.commit();
  return results;
}

}  // namespace parallax
