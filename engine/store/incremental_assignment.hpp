#pragma once
// An incremental `index add`: documents just stored get their near-duplicate group and event
// without a rebuild of the store (docs/index.md, "Incremental adds").
//
// - Near-duplicate groups stay exact: the new signatures are matched against every stored one as
//   the engine's LSH matches them (store/stored_assignments), and groups joined by a verified pair
//   merge, as a batch run's union of verified pairs would.
// - Events are an approximation: each new document in key order joins the event the linkage rule
//   for one more document gives it (EventPlacement), else starts its own, which later new
//   documents may join. The document frequencies grow by the new documents; the stored vectors are
//   not recomputed with them, nor are stored documents moved between events. A new event is
//   described by its first document until the next recomputation.
//
// The caller recomputes everything instead (DocumentIndex::commit) when this declines: options the
// rule does not model, an undated new document, assignments not current before the add, the share
// of documents placed incrementally since the last recomputation past IndexOptions::recompute_share,
// stored documents within the new documents' date windows past that share of the store (a backfill
// of its past, whose batch events would move), or date windows too full to search one document at a
// time.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "pipeline/corpus_engine.hpp"
#include "store/sqlite_database.hpp"

namespace parallax {

struct IncrementalPolicy {
  // Documents placed incrementally since the last recomputation, these included, may be at most
  // this share of the store, and so may the stored documents within the date windows of these;
  // 0: always recompute.
  double recompute_share = 0.1;
  // At most this many (new document, stored document in its date window) pairs are scored.
  std::size_t max_window_pairs = 20'000'000;
};

// added: an engine over an AppendingStore of db's feature store (store/appending_store) holding
// exactly the documents this add stored, analyzed with the store's options and keeping its inputs;
// expected_generation: the store's generation after its puts, when no other writer came in
// between (the assignments must have been current before the first). Runs in one write
// transaction: true when the assignments, the snapshot and meta.incremental_documents now cover
// them; false (nothing written) when the caller must recompute.
bool assign_incrementally(SqliteDatabase& db, const EngineOptions& store_options, const CorpusEngine& added,
                          const IncrementalPolicy& policy, std::int64_t expected_generation);

}  // namespace parallax
