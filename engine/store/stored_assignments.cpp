#include "store/stored_assignments.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "features/half_matrix.hpp"
#include "features/projection.hpp"
#include "group/event_clustering.hpp"
#include "io/date.hpp"
#include "store/sqlite_feature_store.hpp"

namespace parallax {
namespace {

using Statement = SqliteDatabase::Statement;

template <typename T>
std::vector<T> blob_values(std::string_view blob) {
  std::vector<T> values(blob.size() / sizeof(T));
  if (!values.empty()) std::memcpy(values.data(), blob.data(), values.size() * sizeof(T));
  return values;
}

}  // namespace

bool assignments_are_current(SqliteDatabase& db) {
  const std::string generation = read_meta(db, "generation");
  return read_meta(db, "assignments_generation") == generation && read_meta(db, "snapshot_generation") == generation;
}

std::vector<StoredDocument> read_stored_documents(SqliteDatabase& db) {
  std::vector<StoredDocument> stored;
  Statement s(db, "SELECT d.doc, d.id, d.date, d.lang, a.near_duplicate_group, a.event FROM documents AS d "
                  "LEFT JOIN assignments AS a ON a.doc = d.doc ORDER BY d.doc");
  while (s.step()) {
    StoredDocument d;
    d.key = static_cast<DocumentKey>(s.integer(0));
    d.id = s.text(1);
    d.date_days = parse_iso_date_days(s.text(2));
    d.lang = s.text(3);
    d.assigned = !s.is_null(4);
    if (d.assigned) {
      d.group = s.integer(4);
      d.event = s.integer(5);
    }
    stored.push_back(std::move(d));
  }
  return stored;
}

MinHashSignature read_signature(SqliteDatabase& db, DocumentKey key) {
  Statement s(db, "SELECT signature FROM documents WHERE doc = ?");
  s.bind(1, static_cast<std::int64_t>(key));
  return s.step() ? blob_values<std::uint32_t>(s.blob(0)) : MinHashSignature();
}

void for_each_stored_signature(SqliteDatabase& db, const std::function<void(std::size_t, const MinHashSignature&)>& fn) {
  Statement scan(db, "SELECT signature FROM documents ORDER BY doc");
  for (std::size_t s = 0; scan.step(); ++s) fn(s, blob_values<std::uint32_t>(scan.blob(0)));
}

// ---- near-duplicates ------------------------------------------------------------------------

SignatureMatcher::SignatureMatcher(std::vector<const MinHashSignature*> probes, const NearDuplicateParams& params)
    : probes_(std::move(probes)), params_(params) {
  for (const MinHashSignature* p : probes_)
    if (!p->empty()) {
      signature_length_ = p->size();
      banding_ = near_duplicate_banding(params, static_cast<int>(signature_length_));
      break;
    }
  if (!active()) return;
  for (std::size_t p = 0; p < probes_.size(); ++p)
    if (probes_[p]->size() == signature_length_)
      for_each_bucket(*probes_[p], [&](std::uint64_t bucket) { buckets_.emplace_back(bucket, p); });
  std::sort(buckets_.begin(), buckets_.end());
}

// Candidates share a band's bucket: the key's high bits, as find_near_duplicate_groups buckets
// them, with the band number in the low bits so that bands never mix.
template <typename Fn>
void SignatureMatcher::for_each_bucket(const MinHashSignature& signature, Fn fn) const {
  constexpr std::uint64_t kLowBits = (std::uint64_t{1} << (64 - kBandKeyBucketBits)) - 1;
  for (int b = 0; b < banding_.bands; ++b)
    fn((lsh_band_key(signature.data(), b, banding_.rows) & ~kLowBits) | static_cast<std::uint64_t>(b));
}

bool SignatureMatcher::holds(const MinHashSignature& a, const MinHashSignature& b) const {
  return estimate_jaccard(a, b) >= params_.jaccard_threshold;
}

void SignatureMatcher::unite_probes(UnionFind& sets) const {
  for (std::size_t i = 0; i < buckets_.size();) {
    std::size_t j = i;
    while (j < buckets_.size() && buckets_[j].first == buckets_[i].first) ++j;
    for (std::size_t x = i; x < j; ++x)
      for (std::size_t y = x + 1; y < j; ++y) {
        const std::size_t a = buckets_[x].second, b = buckets_[y].second;
        if (sets.find(a) != sets.find(b) && holds(*probes_[a], *probes_[b])) sets.unite(a, b);
      }
    i = j;
  }
}

std::vector<std::size_t> SignatureMatcher::matches(const MinHashSignature& stored) const {
  std::vector<std::size_t> found, checked;
  if (!active() || stored.size() != signature_length_) return found;
  for_each_bucket(stored, [&](std::uint64_t bucket) {
    auto it = std::lower_bound(buckets_.begin(), buckets_.end(), std::make_pair(bucket, std::size_t{0}));
    for (; it != buckets_.end() && it->first == bucket; ++it) {
      const std::size_t p = it->second;
      if (std::find(checked.begin(), checked.end(), p) != checked.end()) continue;
      checked.push_back(p);
      if (holds(*probes_[p], stored)) found.push_back(p);
    }
  });
  return found;
}

// ---- events ---------------------------------------------------------------------------------

// Stored documents' vectors, read by key when first needed and kept at half precision (as the
// engine keeps them: 1.5 KB each at 768 dimensions).
struct EventPlacement::Vectors {
  Vectors(SqliteDatabase& db, const DocumentFrequencies& f, const EngineOptions& o)
      : frequencies(f), options(o), read(db, "SELECT term_hashes, term_counts FROM documents WHERE doc = ?") {}

  std::vector<float> of_counts(const TermCounts& counts) const {
    std::vector<float> v(static_cast<std::size_t>(options.dimensions));
    project_random(tfidf_vector(counts, frequencies), options.dimensions, options.seed, v.data());
    round_to_half(v.data(), v.size());
    return v;
  }

  // The cosine of v with the stored document's vector.
  float similarity(const std::vector<float>& v, DocumentKey key) {
    auto it = halves.find(key);
    if (it == halves.end()) {
      TermCounts counts;
      read.bind(1, static_cast<std::int64_t>(key));
      if (read.step()) {
        counts.terms = blob_values<std::uint64_t>(read.blob(0));
        counts.counts = blob_values<std::uint32_t>(read.blob(1));
        for (auto& c : counts.counts) c = std::min<std::uint32_t>(c, 0xffff);  // as the engine's term table saturates
      }
      read.reset();
      const std::vector<float> full = of_counts(counts);
      std::vector<std::uint16_t> half(full.size());
      narrow_to_half(full.data(), full.size(), half.data());
      it = halves.emplace(key, std::move(half)).first;
    }
    widened.resize(it->second.size());
    widen_from_half(it->second.data(), it->second.size(), widened.data());
    float sum = 0;
    for (std::size_t i = 0; i < v.size(); ++i) sum += v[i] * widened[i];
    return sum;
  }

  const DocumentFrequencies& frequencies;
  const EngineOptions& options;
  Statement read;
  std::unordered_map<DocumentKey, std::vector<std::uint16_t>> halves;
  std::vector<float> widened;
};

EventPlacement::EventPlacement(SqliteDatabase& db, std::vector<StoredDocument>& stored,
                               const DocumentFrequencies& frequencies, const EngineOptions& options)
    : stored_(stored), options_(options), vectors_(std::make_unique<Vectors>(db, frequencies, options)) {
  for (std::size_t s = 0; s < stored.size(); ++s) {
    if (stored[s].date_days) by_date_.emplace_back(*stored[s].date_days, s);
    else undated_.push_back(s);
    if (stored[s].event < 0) continue;
    const auto e = static_cast<std::size_t>(stored[s].event);
    if (members_.size() <= e) members_.resize(e + 1);
    members_[e].push_back(s);
  }
  std::sort(by_date_.begin(), by_date_.end());
}

EventPlacement::~EventPlacement() = default;

std::vector<float> EventPlacement::vector_of(const TermCounts& counts) const { return vectors_->of_counts(counts); }

template <typename Fn>
void EventPlacement::for_each_in_window(int day, Fn fn) const {
  const int window = options_.events.date_window_days;
  auto it = std::lower_bound(by_date_.begin(), by_date_.end(), std::make_pair(day - window, std::size_t{0}));
  for (; it != by_date_.end() && it->first <= day + window; ++it) fn(it->second);
  for (std::size_t s : undated_) fn(s);
}

std::size_t EventPlacement::window_size(int day) const {
  std::size_t n = 0;
  for_each_in_window(day, [&](std::size_t) { ++n; });
  return n;
}

std::size_t EventPlacement::assigned_in_windows(std::vector<int> days) const {
  std::sort(days.begin(), days.end());
  const int window = options_.events.date_window_days;
  std::size_t n = 0;
  auto next = days.begin();  // the first of the days not before the current document's window
  for (const auto& [day, s] : by_date_) {
    next = std::lower_bound(next, days.end(), day - window);
    if (stored_[s].assigned && next != days.end() && *next <= day + window) ++n;
  }
  for (std::size_t s : undated_) n += stored_[s].assigned ? 1 : 0;
  return n;
}

const std::vector<std::size_t>& EventPlacement::members(std::int64_t event) const {
  return members_.at(static_cast<std::size_t>(event));
}

std::int64_t EventPlacement::best_event(int day, const std::string& lang, const TermCounts& counts) {
  Group one;
  one.add(day, lang, vector_of(counts));
  return best_event(one);
}

std::vector<std::int64_t> EventPlacement::best_events(const Group& cluster) {
  const std::size_t n = cluster.vectors.size();
  std::vector<std::int64_t> events(n, -1);
  if (n == 1) return {best_event(cluster)};
  std::vector<std::size_t> rest;
  for (std::size_t m = 0; m < n; ++m) {
    double within = 0;
    for (std::size_t o = 0; o < n; ++o) {
      if (o == m) continue;
      float cosine = 0;
      for (std::size_t i = 0; i < cluster.vectors[m].size(); ++i) cosine += cluster.vectors[m][i] * cluster.vectors[o][i];
      within += cosine - bar(cluster.langs[m], cluster.langs[o]);
    }
    within /= static_cast<double>(n - 1);
    const auto [alone, margin] = best_placement(cluster.subset({m}));
    if (alone >= 0 && margin > within) events[m] = alone;
    else rest.push_back(m);
  }
  if (!rest.empty()) {
    const std::int64_t together = best_event(cluster.subset(rest));
    for (std::size_t m : rest) events[m] = together;
  }
  return events;
}

double EventPlacement::bar(const std::string& a, const std::string& b) const {
  return options_.cross_lingual && a != b ? options_.events.cross_language_threshold : options_.events.threshold;
}

std::pair<std::int64_t, double> EventPlacement::best_placement(const Group& group) {
  std::vector<std::int64_t> candidates;
  for (std::size_t m = 0; m < group.vectors.size(); ++m)
    for (std::int64_t e : neighbour_events(group.days[m], group.vectors[m])) candidates.push_back(e);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const auto [first, last] = std::minmax_element(group.days.begin(), group.days.end());
  std::int64_t best = -1;
  double best_margin = 0;
  for (std::int64_t e : candidates) {
    if (!date_rule_allows(e, *first, *last)) continue;
    const double margin = mean_margin(e, group);
    if (margin >= 0 && (best < 0 || margin > best_margin)) {
      best = e;
      best_margin = margin;
    }
  }
  return {best, best_margin};
}

std::int64_t EventPlacement::place(std::size_t s, std::int64_t event) {
  if (event < 0) {
    event = static_cast<std::int64_t>(members_.size());
    members_.emplace_back();
  }
  members_[static_cast<std::size_t>(event)].push_back(s);
  stored_[s].event = event;
  return event;
}

// The events of the k nearest documents in the date window, at the kNN search's floor: the edges a
// merge needs. Ascending, each once.
std::vector<std::int64_t> EventPlacement::neighbour_events(int day, const std::vector<float>& v) {
  std::vector<std::pair<float, std::size_t>> scored;
  for_each_in_window(day, [&](std::size_t s) {
    if (stored_[s].event < 0) return;
    const float similarity = vectors_->similarity(v, stored_[s].key);
    if (similarity >= options_.knn.min_similarity) scored.emplace_back(similarity, s);
  });
  const std::size_t k = std::min(scored.size(), static_cast<std::size_t>(std::max(options_.knn.neighbors, 0)));
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  std::vector<std::int64_t> events;
  for (std::size_t i = 0; i < k; ++i) events.push_back(stored_[scored[i].second].event);
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  return events;
}

// The linkage's date rule: the event's date range no further than the window from the group's
// (an event of undated documents only is compatible with any dates).
bool EventPlacement::date_rule_allows(std::int64_t event, int first, int last) const {
  bool dated = false;
  int event_first = 0, event_last = 0;
  for (std::size_t s : members(event))
    if (const auto& d = stored_[s].date_days) {
      event_first = dated ? std::min(event_first, *d) : *d;
      event_last = dated ? std::max(event_last, *d) : *d;
      dated = true;
    }
  return !dated || std::max(first, event_first) - std::min(last, event_last) <= options_.events.date_window_days;
}

// Mean over the pairs of a group member and an event member of (cosine - the pair's threshold):
// the average-linkage rule for the pairs a merge would add, each held to its language pair's
// threshold.
double EventPlacement::mean_margin(std::int64_t event, const Group& group) {
  double sum = 0;
  for (std::size_t s : members(event))
    for (std::size_t m = 0; m < group.vectors.size(); ++m) {
      sum += vectors_->similarity(group.vectors[m], stored_[s].key) - bar(stored_[s].lang, group.langs[m]);
    }
  return sum / static_cast<double>(members(event).size() * group.vectors.size());
}

std::vector<std::vector<std::size_t>> cluster_among_themselves(const EventPlacement::Group& documents,
                                                                const EngineOptions& options) {
  HalfMatrix vectors(static_cast<Eigen::Index>(documents.vectors.size()), options.dimensions);
  std::vector<std::optional<int>> dates;
  for (std::size_t d = 0; d < documents.vectors.size(); ++d) {
    vectors.set_row(static_cast<Eigen::Index>(d), documents.vectors[d].data());
    dates.push_back(documents.days[d]);
  }
  const std::vector<std::uint16_t> languages =
      options.cross_lingual ? number_languages(documents.langs) : std::vector<std::uint16_t>{};
  auto clusters = find_events(vectors, dates, languages, options.knn, options.events, options.threads);
  std::sort(clusters.begin(), clusters.end());
  return clusters;
}

}  // namespace parallax
