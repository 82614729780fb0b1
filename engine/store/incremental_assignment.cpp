#include "store/incremental_assignment.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "store/index_snapshot.hpp"
#include "store/sqlite_feature_store.hpp"
#include "store/stored_assignments.hpp"

namespace parallax {
namespace {

using Statement = SqliteDatabase::Statement;

// The rule's preconditions that the store's options decide.
bool options_allow(const EngineOptions& o) {
  return o.near_duplicates_only || (o.projection == ProjectionKind::Random && o.events.date_window_days > 0 &&
                                    o.events.cross_language_evidence <= 0);
}

std::int64_t meta_integer(SqliteDatabase& db, const char* key) {
  const std::string value = read_meta(db, key);
  return value.empty() ? 0 : std::stoll(value);
}

// New documents' near-duplicate groups, merging stored groups a verified pair joins. Writes the
// merges of stored rows; returns each new document's group (-1: none), by position in `fresh`.
std::vector<std::int64_t> place_near_duplicates(SqliteDatabase& db, std::vector<StoredDocument>& stored,
                                                const std::vector<std::size_t>& fresh, const CorpusEngine& added,
                                                const std::vector<std::size_t>& added_index,
                                                const NearDuplicateParams& params) {
  std::vector<const MinHashSignature*> probes;
  for (std::size_t s : fresh) probes.push_back(&added.signature(added_index[s]));
  const SignatureMatcher matcher(probes, params);
  std::vector<std::int64_t> group_of_fresh(fresh.size(), -1);
  if (!matcher.active()) return group_of_fresh;
  // Nodes: the new documents, then the stored documents some new one matches.
  std::vector<std::size_t> matched;  // stored indices, by node - fresh.size()
  std::vector<std::pair<std::size_t, std::size_t>> joins;
  for_each_stored_signature(db, [&](std::size_t s, const MinHashSignature& signature) {
    if (!stored[s].assigned) return;  // a new document: a probe
    const std::vector<std::size_t> found = matcher.matches(signature);
    if (found.empty()) return;
    matched.push_back(s);
    for (std::size_t p : found) joins.emplace_back(p, fresh.size() + matched.size() - 1);
  });
  // Stored members of one group are one node: a match of one member reaches the whole group.
  UnionFind sets(fresh.size() + matched.size());
  matcher.unite_probes(sets);
  for (const auto& [p, node] : joins) sets.unite(p, node);
  std::unordered_map<std::int64_t, std::size_t> node_of_group;
  for (std::size_t m = 0; m < matched.size(); ++m)
    if (const std::int64_t g = stored[matched[m]].group; g >= 0) {
      const auto [it, first] = node_of_group.emplace(g, fresh.size() + m);
      if (!first) sets.unite(it->second, fresh.size() + m);
    }
  // Each component's group: the smallest stored group in it, else a new number.
  std::int64_t next_group = 0;
  for (const StoredDocument& d : stored) next_group = std::max(next_group, d.group + 1);
  std::unordered_map<std::size_t, std::int64_t> group_of_root;
  for (std::size_t m = 0; m < matched.size(); ++m)
    if (const std::int64_t g = stored[matched[m]].group; g >= 0) {
      auto [it, first] = group_of_root.emplace(sets.find(fresh.size() + m), g);
      if (!first) it->second = std::min(it->second, g);
    }
  for (std::size_t p = 0; p < fresh.size(); ++p)
    if (sets.size_of(p) > 1 && !group_of_root.count(sets.find(p))) group_of_root.emplace(sets.find(p), next_group++);
  for (std::size_t p = 0; p < fresh.size(); ++p)
    if (sets.size_of(p) > 1) group_of_fresh[p] = group_of_root.at(sets.find(p));
  // Stored documents whose group changed: a matched single, or a member of a merged group.
  Statement regroup(db, "UPDATE assignments SET near_duplicate_group = ? WHERE near_duplicate_group = ?");
  Statement single(db, "UPDATE assignments SET near_duplicate_group = ? WHERE doc = ?");
  std::unordered_map<std::int64_t, std::int64_t> merged;  // a stored group -> the group it merged into
  for (std::size_t m = 0; m < matched.size(); ++m) {
    const std::int64_t to = group_of_root.at(sets.find(fresh.size() + m));
    StoredDocument& d = stored[matched[m]];
    if (d.group == to) continue;
    if (d.group < 0) {
      single.bind(1, to).bind(2, static_cast<std::int64_t>(d.key));
      single.step();
      single.reset();
      d.group = to;
    } else if (merged.emplace(d.group, to).second) {
      regroup.bind(1, to).bind(2, d.group);
      regroup.step();
      regroup.reset();
    }
  }
  if (!merged.empty())
    for (StoredDocument& d : stored)
      if (const auto it = merged.find(d.group); it != merged.end()) d.group = it->second;
  return group_of_fresh;
}

// A new event's description until the next recomputation: its first document's title (else its
// top terms) and its strongest terms under the frequencies, each shown by the store's word for it.
StoredEventDescription describe_new_event(SqliteDatabase& db, const DocumentRecord& first, const TermCounts& counts,
                                          const DocumentFrequencies& frequencies, int top_terms) {
  const SparseVector v = tfidf_vector(counts, frequencies);
  std::vector<std::size_t> order(v.terms.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return v.weights[a] > v.weights[b] || (v.weights[a] == v.weights[b] && v.terms[a] < v.terms[b]);
  });
  StoredEventDescription d;
  Statement name(db, "SELECT display FROM terms WHERE hash = ?");
  std::vector<std::string> folded;
  for (std::size_t i : order) {
    if (d.top_terms.size() >= static_cast<std::size_t>(std::max(top_terms, 0))) break;
    name.bind(1, static_cast<std::int64_t>(v.terms[i]));
    std::string word = name.step() ? name.text(0) : std::string();
    name.reset();
    std::string key = word;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    if (word.empty() || std::find(folded.begin(), folded.end(), key) != folded.end()) continue;
    folded.push_back(std::move(key));
    d.top_terms.push_back(std::move(word));
  }
  d.label = first.title;
  for (const std::string& t : d.top_terms)
    if (first.title.empty()) d.label += (d.label.empty() ? "" : ", ") + t;
  return d;
}

}  // namespace

bool assign_incrementally(SqliteDatabase& db, const EngineOptions& options, const CorpusEngine& added,
                          const IncrementalPolicy& policy, std::int64_t expected_generation) {
  if (policy.recompute_share <= 0 || !options_allow(options)) return false;
  Transaction tx(db, Transaction::Kind::Write);
  if (meta_integer(db, "generation") != expected_generation) return false;  // another writer came in between
  std::optional<IndexSnapshot> snapshot = read_snapshot(db);
  if (!snapshot) return false;
  std::vector<StoredDocument> stored = read_stored_documents(db);
  // The new documents must be exactly those without an assignment.
  std::unordered_map<DocumentKey, std::size_t> index_of_key;
  for (std::size_t i = 0; i < added.size(); ++i) index_of_key.emplace(added.key(i), i);
  std::vector<std::size_t> fresh, added_index(stored.size(), 0);
  for (std::size_t s = 0; s < stored.size(); ++s) {
    if (stored[s].assigned) continue;
    const auto it = index_of_key.find(stored[s].key);
    if (it == index_of_key.end()) return false;
    added_index[s] = it->second;
    fresh.push_back(s);
  }
  if (fresh.size() != added.size()) return false;
  const std::int64_t placed = meta_integer(db, "incremental_documents") + static_cast<std::int64_t>(fresh.size());
  if (static_cast<double>(placed) > policy.recompute_share * static_cast<double>(stored.size())) return false;

  std::vector<std::int64_t> event_of_fresh(fresh.size(), -1);
  DocumentFrequencies& frequencies = snapshot->frequencies;
  if (!options.near_duplicates_only) {
    for (std::size_t s : fresh)
      if (!stored[s].date_days) return false;  // it may join an event of any date: only a rebuild says which
    for (std::size_t s : fresh) frequencies.add(added.term_counts(added_index[s]));
    EventPlacement events(db, stored, frequencies, options);
    if (events.event_count() != snapshot->events.size()) return false;  // descriptions out of step: recompute
    std::size_t pairs = 0;
    std::vector<int> fresh_days;
    for (std::size_t s : fresh) {
      pairs += events.window_size(*stored[s].date_days);
      fresh_days.push_back(*stored[s].date_days);
    }
    if (pairs > policy.max_window_pairs) return false;
    // Stored documents are never moved here, but a batch run would move some of those near the new
    // documents' dates: documents that fill in the store's past (a backfill) touch most of it, so
    // only a recomputation keeps its events close to the batch's.
    const double assigned = static_cast<double>(stored.size() - fresh.size());
    if (static_cast<double>(events.assigned_in_windows(std::move(fresh_days))) > policy.recompute_share * assigned)
      return false;
    EventPlacement::Group documents;
    for (std::size_t s : fresh) {
      const DocumentRecord& r = added.document(added_index[s]);
      documents.add(*r.date_days, r.lang, events.vector_of(added.term_counts(added_index[s])));
    }
    // The new documents' own events first, each then placed as one cluster, as the linkage would
    // merge it.
    for (const std::vector<std::size_t>& cluster : cluster_among_themselves(documents, options)) {
      const std::vector<std::int64_t> placed = events.best_events(documents.subset(cluster));
      std::int64_t own = -1;  // the event of the members that join none, made by the first of them
      for (std::size_t m = 0; m < cluster.size(); ++m) {
        const std::size_t f = cluster[m];
        event_of_fresh[f] = events.place(fresh[f], placed[m] >= 0 ? placed[m] : own);
        if (placed[m] >= 0 || own >= 0) continue;
        own = event_of_fresh[f];
        const std::size_t first = added_index[fresh[f]];  // a new event, described by its first document
        snapshot->events.push_back(
            describe_new_event(db, added.document(first), added.term_counts(first), frequencies, options.top_terms));
      }
    }
  }
  const std::vector<std::int64_t> group_of_fresh =
      place_near_duplicates(db, stored, fresh, added, added_index, options.near_duplicates);

  Statement insert(db, "INSERT INTO assignments(doc, near_duplicate_group, event) VALUES(?, ?, ?)");
  for (std::size_t f = 0; f < fresh.size(); ++f) {
    insert.bind(1, static_cast<std::int64_t>(stored[fresh[f]].key)).bind(2, group_of_fresh[f]).bind(3, event_of_fresh[f]);
    insert.step();
    insert.reset();
  }
  write_snapshot(db, frequencies, snapshot->events);
  const std::string generation = std::to_string(expected_generation);
  write_meta(db, "assignments_generation", generation);
  write_meta(db, "snapshot_generation", generation);
  write_meta(db, "incremental_documents", std::to_string(placed));
  tx.commit();
  return true;
}

}  // namespace parallax
