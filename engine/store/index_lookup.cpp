#include "store/index_lookup.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "features/half_matrix.hpp"
#include "features/projection.hpp"
#include "group/near_duplicates.hpp"
#include "group/union_find.hpp"
#include "io/date.hpp"
#include "store/sqlite_feature_store.hpp"

namespace parallax {
namespace {

using Statement = SqliteDatabase::Statement;

// What the lookup keeps of every stored document: no features (those are read by key when needed).
struct StoredDocument {
  DocumentKey key;
  std::string id, lang;
  std::optional<int> date_days;
  std::int64_t group, event;  // -1: none
};

template <typename T>
std::vector<T> blob_values(std::string_view blob) {
  std::vector<T> values(blob.size() / sizeof(T));
  if (!values.empty()) std::memcpy(values.data(), blob.data(), values.size() * sizeof(T));
  return values;
}

// Every stored document with its assignment, in key order; nothing when the assignments or the
// snapshot are not those of the store's generation (a writer of an earlier parallax recomputes the
// assignments but not the snapshot).
std::optional<std::vector<StoredDocument>> read_assigned_documents(SqliteDatabase& db) {
  const std::string generation = read_meta(db, "generation");
  if (read_meta(db, "assignments_generation") != generation || read_meta(db, "snapshot_generation") != generation)
    return std::nullopt;
  std::vector<StoredDocument> stored;
  Statement s(db, "SELECT d.doc, d.id, d.date, d.lang, a.near_duplicate_group, a.event FROM documents AS d "
                  "LEFT JOIN assignments AS a ON a.doc = d.doc ORDER BY d.doc");
  while (s.step()) {
    if (s.is_null(4)) return std::nullopt;  // a document the recomputation did not see
    stored.push_back({static_cast<DocumentKey>(s.integer(0)), s.text(1), s.text(3), parse_iso_date_days(s.text(2)),
                      s.integer(4), s.integer(5)});
  }
  return stored;
}

// ---- near-duplicates ------------------------------------------------------------------------

// A query document matched a stored one (index into the stored list) at this estimated Jaccard.
struct StoredMatch {
  std::size_t query, stored;
};

class NearDuplicateLookup {
 public:
  NearDuplicateLookup(const CorpusEngine& queries, const NearDuplicateParams& params)
      : queries_(queries), params_(params) {
    for (std::size_t q = 0; q < queries.size(); ++q)
      if (!queries.signature(q).empty()) {
        signature_length_ = queries.signature(q).size();
        banding_ = near_duplicate_banding(params, static_cast<int>(signature_length_));
        break;
      }
    for (std::size_t q = 0; q < queries.size() && banding_.bands > 0; ++q)
      for_each_bucket(queries.signature(q), [&](std::uint64_t bucket) { buckets_[bucket].push_back(q); });
  }

  bool active() const { return banding_.bands > 0; }

  // Query documents that are copies of one another, as a rebuild's verified pairs would join them.
  void unite_queries(UnionFind& sets) const {
    for (const auto& [bucket, members] : buckets_)
      for (std::size_t x = 0; x < members.size(); ++x)
        for (std::size_t y = x + 1; y < members.size(); ++y)
          if (holds(queries_.signature(members[x]), queries_.signature(members[y]))) sets.unite(members[x], members[y]);
  }

  // The query documents this stored signature is a verified copy of.
  std::vector<std::size_t> matches(const MinHashSignature& stored) const {
    std::vector<std::size_t> found, checked;
    if (stored.size() != signature_length_) return found;
    for_each_bucket(stored, [&](std::uint64_t bucket) {
      const auto it = buckets_.find(bucket);
      if (it == buckets_.end()) return;
      for (std::size_t q : it->second) {
        if (std::find(checked.begin(), checked.end(), q) != checked.end()) continue;
        checked.push_back(q);
        if (holds(queries_.signature(q), stored)) found.push_back(q);
      }
    });
    return found;
  }

 private:
  // Candidates share a band's bucket: the key's high bits, as find_near_duplicate_groups buckets
  // them, with the band number in the low bits so that bands never mix.
  template <typename Fn>
  void for_each_bucket(const MinHashSignature& sig, Fn fn) const {
    constexpr std::uint64_t kLowBits = (std::uint64_t{1} << (64 - kBandKeyBucketBits)) - 1;
    for (int b = 0; b < banding_.bands; ++b)
      fn((lsh_band_key(sig.data(), b, banding_.rows) & ~kLowBits) | static_cast<std::uint64_t>(b));
  }

  bool holds(const MinHashSignature& a, const MinHashSignature& b) const {
    return estimate_jaccard(a, b) >= params_.jaccard_threshold;
  }

  const CorpusEngine& queries_;
  const NearDuplicateParams& params_;
  std::size_t signature_length_ = 0;
  LshBanding banding_;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets_;
};

MinHashSignature stored_signature(SqliteDatabase& db, DocumentKey key) {
  Statement s(db, "SELECT signature FROM documents WHERE doc = ?");
  s.bind(1, static_cast<std::int64_t>(key));
  return s.step() ? blob_values<std::uint32_t>(s.blob(0)) : MinHashSignature();
}

// Each query's stored near-duplicates: every stored member of the groups its component (queries
// joined by verified pairs, through stored documents and their groups) reaches.
void find_near_duplicates(SqliteDatabase& db, const std::vector<StoredDocument>& stored, const CorpusEngine& queries,
                          const NearDuplicateParams& params, std::vector<IndexQueryResult>& results) {
  NearDuplicateLookup lookup(queries, params);
  if (!lookup.active()) return;
  // Nodes: the queries, then one per stored group matched (a stored document in no group is its own).
  std::unordered_map<std::int64_t, std::size_t> node_of_group;
  std::vector<std::pair<std::size_t, std::size_t>> joins;  // (query, node)
  auto group_key = [&](std::size_t s) { return stored[s].group >= 0 ? stored[s].group : -1 - static_cast<std::int64_t>(s); };
  Statement scan(db, "SELECT signature FROM documents ORDER BY doc");
  for (std::size_t s = 0; s < stored.size() && scan.step(); ++s)
    for (std::size_t q : lookup.matches(blob_values<std::uint32_t>(scan.blob(0)))) {
      const auto node = node_of_group.emplace(group_key(s), queries.size() + node_of_group.size()).first->second;
      joins.emplace_back(q, node);
    }
  UnionFind sets(queries.size() + node_of_group.size());
  lookup.unite_queries(sets);
  for (const auto& [q, node] : joins) sets.unite(q, node);
  for (std::size_t s = 0; s < stored.size(); ++s) {
    const auto it = node_of_group.find(group_key(s));
    if (it == node_of_group.end()) continue;
    MinHashSignature signature;  // read once per member, only when some query reaches it
    for (std::size_t q = 0; q < queries.size(); ++q) {
      if (sets.find(q) != sets.find(it->second)) continue;
      if (signature.empty()) signature = stored_signature(db, stored[s].key);
      results[q].near_duplicates.push_back({stored[s].id, estimate_jaccard(queries.signature(q), signature)});
    }
  }
}

// ---- events ---------------------------------------------------------------------------------

// Document vectors as the engine's build computes them (TF-IDF under the corpus frequencies,
// random projection, rounded to half precision), read by key and kept.
class StoredVectors {
 public:
  StoredVectors(SqliteDatabase& db, const DocumentFrequencies& frequencies, const EngineOptions& options)
      : frequencies_(frequencies), options_(options), read_(db, "SELECT term_hashes, term_counts FROM documents WHERE doc = ?") {}

  std::vector<float> of_counts(const TermCounts& counts) const {
    std::vector<float> v(static_cast<std::size_t>(options_.dimensions));
    project_random(tfidf_vector(counts, frequencies_), options_.dimensions, options_.seed, v.data());
    round_to_half(v.data(), v.size());
    return v;
  }

  const std::vector<float>& of(const StoredDocument& d) {
    auto it = cache_.find(d.key);
    if (it != cache_.end()) return it->second;
    TermCounts counts;
    read_.bind(1, static_cast<std::int64_t>(d.key));
    if (read_.step()) {
      counts.terms = blob_values<std::uint64_t>(read_.blob(0));
      counts.counts = blob_values<std::uint32_t>(read_.blob(1));
      for (auto& c : counts.counts) c = std::min<std::uint32_t>(c, 0xffff);  // as the engine's term table saturates
    }
    read_.reset();
    return cache_.emplace(d.key, of_counts(counts)).first->second;
  }

 private:
  const DocumentFrequencies& frequencies_;
  const EngineOptions& options_;
  Statement read_;
  std::unordered_map<DocumentKey, std::vector<float>> cache_;
};

float dot(const std::vector<float>& a, const std::vector<float>& b) {
  float sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

class EventLookup {
 public:
  EventLookup(SqliteDatabase& db, const std::vector<StoredDocument>& stored, const IndexSnapshot& snapshot,
              const EngineOptions& options)
      : stored_(stored), snapshot_(snapshot), options_(options), vectors_(db, snapshot.frequencies, options) {
    for (std::size_t s = 0; s < stored.size(); ++s) {
      if (stored[s].event < 0) continue;
      const auto e = static_cast<std::size_t>(stored[s].event);
      if (members_.size() <= e) members_.resize(e + 1);
      members_[e].push_back(s);
    }
  }

  // The stored event a query document would join (-1: none).
  std::int64_t event_of(const DocumentRecord& query, const TermCounts& counts) {
    const std::vector<float> v = vectors_.of_counts(counts);
    std::int64_t best = -1;
    double best_margin = 0;
    for (std::int64_t e : neighbour_events(*query.date_days, v)) {
      if (!date_rule_allows(static_cast<std::size_t>(e), *query.date_days)) continue;
      const double margin = mean_margin(static_cast<std::size_t>(e), query.lang, v);
      if (margin >= best_margin && (best < 0 || margin > best_margin || e < best)) {
        best = e;
        best_margin = margin;
      }
    }
    return best;
  }

  void describe(std::int64_t event, IndexQueryResult& r) const {
    for (std::size_t s : members_[static_cast<std::size_t>(event)]) r.event_members.push_back(stored_[s].id);
    if (static_cast<std::size_t>(event) < snapshot_.events.size()) {
      r.event_label = snapshot_.events[static_cast<std::size_t>(event)].label;
      r.event_top_terms = snapshot_.events[static_cast<std::size_t>(event)].top_terms;
    }
  }

 private:
  int window() const { return options_.events.date_window_days; }

  // The events of the query's k nearest stored documents in its date window (undated documents are
  // in every window), at the kNN search's floor: the edges a merge needs.
  std::vector<std::int64_t> neighbour_events(int day, const std::vector<float>& v) {
    std::vector<std::pair<float, std::size_t>> scored;
    for (std::size_t s = 0; s < stored_.size(); ++s) {
      const auto& d = stored_[s].date_days;
      if (d && (*d < day - window() || *d > day + window())) continue;
      const float similarity = dot(v, vectors_.of(stored_[s]));
      if (similarity >= options_.knn.min_similarity) scored.emplace_back(similarity, s);
    }
    const std::size_t k = std::min(scored.size(), static_cast<std::size_t>(std::max(options_.knn.neighbors, 0)));
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    std::vector<std::int64_t> events;
    for (std::size_t i = 0; i < k; ++i) events.push_back(stored_[scored[i].second].event);
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    events.erase(std::remove(events.begin(), events.end(), -1), events.end());
    return events;
  }

  // The linkage's date rule: the query's day within the window of the event's date range.
  // An event of undated documents only is compatible with any day.
  bool date_rule_allows(std::size_t event, int day) const {
    bool dated = false;
    int first = 0, last = 0;
    for (std::size_t s : members_[event])
      if (const auto& d = stored_[s].date_days) {
        first = dated ? std::min(first, *d) : *d;
        last = dated ? std::max(last, *d) : *d;
        dated = true;
      }
    return !dated || (day >= first - window() && day <= last + window());
  }

  // Mean over the event's members of (cosine - the pair's threshold): the average-linkage rule for
  // the pairs the query would add, each held to its language pair's threshold.
  double mean_margin(std::size_t event, const std::string& lang, const std::vector<float>& v) {
    double sum = 0;
    for (std::size_t s : members_[event]) {
      const bool across = options_.cross_lingual && stored_[s].lang != lang;
      sum += dot(v, vectors_.of(stored_[s])) - (across ? options_.events.cross_language_threshold : options_.events.threshold);
    }
    return sum / static_cast<double>(members_[event].size());
  }

  const std::vector<StoredDocument>& stored_;
  const IndexSnapshot& snapshot_;
  const EngineOptions& options_;
  StoredVectors vectors_;
  std::vector<std::vector<std::size_t>> members_;  // stored indices, by event number
};

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
  std::optional<IndexSnapshot> snapshot = read_snapshot(db);
  if (!snapshot) return std::nullopt;
  const auto stored = read_assigned_documents(db);
  if (!stored) return std::nullopt;
  std::vector<IndexQueryResult> results(queries.size());
  for (std::size_t q = 0; q < queries.size(); ++q) results[q].id = queries.document(q).id;
  find_near_duplicates(db, *stored, queries, store_options.near_duplicates, results);
  if (!store_options.near_duplicates_only) {
    EventLookup events(db, *stored, *snapshot, store_options);
    for (std::size_t q = 0; q < queries.size(); ++q) {
      const std::int64_t e = events.event_of(queries.document(q), queries.term_counts(q));
      if (e >= 0) events.describe(e, results[q]);
    }
  }
  tx.commit();
  return results;
}

}  // namespace parallax
