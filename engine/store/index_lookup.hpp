#pragma once
// `index query` by lookup: where each query document stands among the stored ones, read from the
// store's assignments and snapshot (store/index_snapshot) instead of a rebuild of every stored
// document with the queries appended (DocumentIndex's rebuild query, the exact answer).
//
// - Near-duplicates are exact: the stored signatures are banded as the engine bands them, each
//   candidate verified at the store's threshold, and a query joins every stored group it matches
//   (and those of the query documents it matches), as a rebuild's union of verified pairs does.
//   Only the engine's cap on boilerplate buckets (past 64 members each is verified against two
//   neighbours) is not applied: a lookup verifies a query against all of such a bucket.
// - Events are an approximation of average linkage with one more document: a query's vector is its
//   TF-IDF under the stored document frequencies, projected as the engine projects; it may join
//   the event of one of its nearest stored neighbours in its date window (the kNN search's k and
//   floor) whose date range it can join (the date rule) and whose members it stands above their
//   thresholds with on average (the linkage's rule, per language pair). The best such event is
//   its event. Not modelled: a query moving stored documents between events, or two queries
//   forming an event together; docs/index.md measures the agreement with the rebuild.
#include <optional>
#include <vector>

#include "pipeline/corpus_engine.hpp"
#include "store/document_index.hpp"
#include "store/index_snapshot.hpp"
#include "store/sqlite_database.hpp"

namespace parallax {

// Whether look_up answers for a store of these options and these analyzed query documents: the
// random projection, a date window, no cross-language evidence rule, and every query dated when
// the store has events (an undated document may join an event of any date).
bool can_look_up(const EngineOptions& store_options, const CorpusEngine& queries);

// queries: an engine over the query documents only, built with BuildScope::FeaturesOnly and
// keeping its inputs. Reads db in one read transaction; nothing when the store's assignments or
// snapshot are not those of its current generation (a writer died before recomputing them, or a
// store of schema 1 not recomputed since): the caller then rebuilds.
std::optional<std::vector<IndexQueryResult>> look_up(SqliteDatabase& db, const EngineOptions& store_options,
                                                     const CorpusEngine& queries);

}  // namespace parallax
