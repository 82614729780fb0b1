#pragma once
// Placing documents among the stored ones without reading every stored feature: what `index query`
// (store/index_lookup) and an incremental `index add` (store/incremental_assignment) share. The
// stored documents' metadata and assignments are read whole (a few dozen bytes each); signatures
// are scanned once; term counts are read only for the documents near a placed one in time.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/minhash.hpp"
#include "features/tfidf.hpp"
#include "group/near_duplicates.hpp"
#include "group/union_find.hpp"
#include "pipeline/corpus_engine.hpp"
#include "store/feature_store.hpp"
#include "store/sqlite_database.hpp"

namespace parallax {

struct StoredDocument {
  DocumentKey key = 0;
  std::string id, lang;
  std::optional<int> date_days;
  std::int64_t group = -1, event = -1;  // -1: none (or not assigned yet)
  bool assigned = false;                // it has a row in the assignments table
};

// Whether the assignments and the snapshot (store/index_snapshot) are those of the store's current
// generation. Inside the caller's transaction.
bool assignments_are_current(SqliteDatabase& db);

// Every stored document in key order, with its assignment where it has one. Inside the caller's
// transaction.
std::vector<StoredDocument> read_stored_documents(SqliteDatabase& db);

MinHashSignature read_signature(SqliteDatabase& db, DocumentKey key);
// Calls fn(s, signature) for every stored document in key order, s being its position in
// read_stored_documents' list (one scan; inside the caller's transaction).
void for_each_stored_signature(SqliteDatabase& db, const std::function<void(std::size_t, const MinHashSignature&)>& fn);

// Verified near-duplicate pairs between probe signatures and stored ones, found as the engine's LSH
// finds them (the same band keys and buckets, verified at the same threshold). The engine verifies a
// bucket of more than 64 members only against two neighbours per member; this verifies all of it.
class SignatureMatcher {
 public:
  // The probes must outlive the matcher; an empty signature matches nothing.
  SignatureMatcher(std::vector<const MinHashSignature*> probes, const NearDuplicateParams& params);

  bool active() const { return banding_.bands > 0; }
  // Unites (in sets, whose first elements are the probes) the probes that are copies of one another.
  void unite_probes(UnionFind& sets) const;
  // The probes this stored signature is a verified copy of.
  std::vector<std::size_t> matches(const MinHashSignature& stored) const;

 private:
  template <typename Fn>
  void for_each_bucket(const MinHashSignature& signature, Fn fn) const;
  bool holds(const MinHashSignature& a, const MinHashSignature& b) const;

  std::vector<const MinHashSignature*> probes_;
  const NearDuplicateParams& params_;
  std::size_t signature_length_ = 0;
  LshBanding banding_;
  std::vector<std::pair<std::uint64_t, std::size_t>> buckets_;  // (bucket, probe), sorted
};

// The event a document joins among the stored events, by the rule of the engine's average linkage
// for one more document (group/event_clustering): its candidates are the events of its k nearest
// documents in its date window (the kNN search's k and floor); it joins the candidate whose date
// range the date rule lets it join and whose members it stands above on average, each pair held
// to its language pair's threshold; the best such. Vectors are the engine's: TF-IDF under the given
// frequencies, the random projection, rounded to half precision; each read once and kept.
class EventPlacement {
 public:
  // stored: read_stored_documents' list, whose events place() updates; documents of event -1 are
  // no candidates. db, stored and frequencies must outlive the placement.
  EventPlacement(SqliteDatabase& db, std::vector<StoredDocument>& stored, const DocumentFrequencies& frequencies,
                 const EngineOptions& options);
  ~EventPlacement();

  // Documents placed together (one document, or a cluster of new ones): each one's day, language
  // and vector (vector_of).
  struct Group {
    std::vector<int> days;
    std::vector<std::string> langs;
    std::vector<std::vector<float>> vectors;

    void add(int day, std::string lang, std::vector<float> vector) {
      days.push_back(day);
      langs.push_back(std::move(lang));
      vectors.push_back(std::move(vector));
    }
    Group subset(const std::vector<std::size_t>& positions) const {
      Group out;
      for (std::size_t p : positions) out.add(days[p], langs[p], vectors[p]);
      return out;
    }
  };
  // The event (-1: none) the group would join, as a cluster of the average linkage would merge:
  // an event of one of its members' nearest documents, whose date range lies within the window of
  // the group's, that the group's pairs with its members stand above on average.
  std::int64_t best_event(const Group& group) { return best_placement(group).first; }
  // A cluster of new documents, member by member: a member whose own best event it stands above by
  // more than it stands above the other members goes there alone (average linkage would merge that
  // pair first); the rest join best_event() of the rest together. -1: no event (the rest's own).
  std::vector<std::int64_t> best_events(const Group& cluster);
  // The same for one document of this day and language with these term counts.
  std::int64_t best_event(int day, const std::string& lang, const TermCounts& counts);
  // Puts stored document s into event (a new event when -1); returns its event.
  std::int64_t place(std::size_t s, std::int64_t event);
  // Stored documents within the date window of this day (undated ones included): the work a
  // placement on that day costs.
  std::size_t window_size(int day) const;
  // Documents already assigned whose date lies within the date window of one of these
  // days (undated ones lie in every window): the part of the store whose events a batch run with
  // documents of these days could move, since the linkage joins only documents within the window.
  std::size_t assigned_in_windows(std::vector<int> days) const;
  const std::vector<std::size_t>& members(std::int64_t event) const;
  std::size_t event_count() const { return members_.size(); }
  std::vector<float> vector_of(const TermCounts& counts) const;

 private:
  struct Vectors;
  // The best event and its margin (-1 and 0 for none).
  std::pair<std::int64_t, double> best_placement(const Group& group);
  double bar(const std::string& a, const std::string& b) const;
  std::vector<std::int64_t> neighbour_events(int day, const std::vector<float>& v);
  bool date_rule_allows(std::int64_t event, int first, int last) const;
  double mean_margin(std::int64_t event, const Group& group);
  template <typename Fn>
  void for_each_in_window(int day, Fn fn) const;

  std::vector<StoredDocument>& stored_;
  const EngineOptions& options_;
  std::unique_ptr<Vectors> vectors_;
  std::vector<std::vector<std::size_t>> members_;     // stored indices, by event number
  std::vector<std::pair<int, std::size_t>> by_date_;  // (day, stored index) of dated documents, sorted
  std::vector<std::size_t> undated_;
};

// The clusters the engine's build would find among these documents alone (kNN in date windows,
// language-aware average linkage), as positions in `documents`: each ascending, clusters ordered by
// their first position. How new documents are grouped before each group is placed as one.
std::vector<std::vector<std::size_t>> cluster_among_themselves(const EventPlacement::Group& documents,
                                                                const EngineOptions& options);

}  // namespace parallax
