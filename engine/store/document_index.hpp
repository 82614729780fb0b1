#pragma once
// The incremental document index behind `parallax index`, parallax_index_* and parallax.Index: one
// SQLite file (WAL) holding each document's metadata and features (MinHash signature, term counts,
// sentence terms), the corpus's term names, the options it was created with, a feature version,
// and each document's near-duplicate group and event.
//
// The index is a CorpusEngine over a SqliteFeatureStore (store/sqlite_feature_store): documents
// are analyzed once, when added, and the engine puts each batch into the store in one transaction
// (a crash loses at most the batch in flight). Groups and events are recomputed from the stored
// features (never from text) by the same CorpusEngine build as `parallax cluster`, so they equal a
// batch run over the same documents in the order they were added; with them go the document
// frequencies and event descriptions that queries look documents up in (store/index_snapshot,
// store/index_lookup). docs/index.md has the design.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "pipeline/corpus_engine.hpp"
#include "store/incremental_assignment.hpp"
#include "store/sqlite_database.hpp"

namespace parallax {

struct IndexOptions {
  // The store's own options when it exists (threads and progress are always taken from here).
  EngineOptions engine;
  // The option keys the caller set: an existing store created with another value is refused.
  std::vector<std::string> given;
  std::size_t batch_size = 1000;  // documents per committed batch
  int busy_timeout_ms = 10000;    // how long to wait for another writer's lock
  // When commit() places the added documents incrementally instead of recomputing everything
  // (store/incremental_assignment); recompute_share 0: always recompute.
  IncrementalPolicy incremental;
};

struct IndexStats {
  std::size_t documents = 0, batches = 0, terms = 0;
  std::size_t near_duplicate_groups = 0, events = 0;  // from the stored assignments
  bool assignments_current = false;  // false when a writer died before recomputing them
  // Documents placed incrementally since the last recomputation (their events approximate).
  std::size_t incremental_documents = 0;
  std::int64_t generation = 0;
  std::string feature_version, created_by;
  std::vector<std::pair<std::string, std::string>> options;  // the store's options, table order
};

// A stored document near a query document: its id and the estimated Jaccard of the two.
struct IndexMatch {
  std::string id;
  double jaccard = 0.0;
};

// How query() finds where documents would stand (store/index_lookup.hpp, docs/index.md):
// Lookup reads the stored assignments and snapshot (near-duplicates exact, events by the linkage
// rule for one more document); Rebuild builds every stored document with the queries appended (the
// exact answer, at the cost of a rebuild). Lookup falls back to Rebuild where it cannot answer
// (undated queries, an SVD store, assignments a dead writer left stale).
enum class QueryMethod { Lookup, Rebuild };

// Where a query document would stand among the stored ones.
struct IndexQueryResult {
  std::string id;
  std::vector<IndexMatch> near_duplicates;  // stored members of its near-duplicate group
  std::vector<std::string> event_members;   // stored members of its event (empty: it alone)
  std::string event_label;                  // its event's label
  std::vector<std::string> event_top_terms;
};

class DocumentIndex {
 public:
  enum class Access { ReadOnly, ReadWrite };

  // Opens a store; ReadWrite creates it with options.engine when the file is missing or empty.
  // Throws StoreError (missing, not an index, corrupt, locked) and IncompatibleStoreError (another
  // feature version, or options.given differing from the store's).
  DocumentIndex(const std::string& path, Access access, IndexOptions options);
  ~DocumentIndex();
  DocumentIndex(const DocumentIndex&) = delete;
  DocumentIndex& operator=(const DocumentIndex&) = delete;

  const std::string& path() const;
  const EngineOptions& engine_options() const;  // the store's options (threads from the caller)

  // Queues a document: false (nothing queued) when its id is stored already or queued. Every
  // batch_size documents the queue is analyzed and committed as one transaction.
  bool add(Document&& document);
  // Commits what is queued, then gives the added documents their near-duplicate groups and events:
  // incrementally (options.incremental: exact groups, events by the linkage rule for one more
  // document) or by recomputing every assignment from the stored features. Returns the documents
  // added since the last commit.
  std::size_t commit();
  // Removes the documents with these ids (unknown ids are ignored) in one transaction, then
  // recomputes the assignments. Returns how many were removed.
  std::size_t remove(const std::vector<std::string>& ids);

  // An engine holding every stored document, built (events unless the store is near-duplicates
  // only): what `parallax index events` renders, the same as `parallax cluster` would build. It
  // reads the index's store: destroy it before the index.
  std::unique_ptr<CorpusEngine> built_engine() const;
  // The near-duplicates and event each document would have among the stored ones; nothing is
  // stored. Ids may repeat stored ones (the query document is then a separate document).
  std::vector<IndexQueryResult> query(std::vector<Document> documents, QueryMethod method = QueryMethod::Lookup) const;
  IndexStats stats() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace parallax
