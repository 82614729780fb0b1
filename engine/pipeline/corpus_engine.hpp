#pragma once
// The corpus pipeline behind `parallax cluster` / `dedup` and the C ABI: documents stream in, are
// analyzed in parallel batches (text -> terms, shingles), and only their features are kept; build()
// then weighs terms (TF-IDF), projects to dense vectors, and groups (near-duplicates, events).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "features/minhash.hpp"
#include "features/projection.hpp"
#include "features/tfidf.hpp"
#include "group/event_clustering.hpp"
#include "group/knn_graph.hpp"
#include "group/near_duplicates.hpp"
#include "group/translations.hpp"
#include "store/document_features.hpp"
#include "store/feature_store.hpp"

namespace parallax {

class ConceptTable;

struct EngineOptions {
  int threads = 0;  // 0: all cores
  MinHashParams minhash;
  NearDuplicateParams near_duplicates;
  KnnParams knn;
  EventClusteringParams events;
  ProjectionKind projection = ProjectionKind::Random;
  // 768 measured: the random map adds noise of about 1/sqrt(dimensions) to every cosine (0.044 at
  // 512), as large as the cross-language event threshold (0.04). On xling-events, B-cubed F1 over
  // four seeds was 0.851 at 512, 0.916 at 768, 0.908 at 1024 (docs/lexicon.md); at 256 the noise
  // cost 0.02 on FNC-1 (docs/benchmarks.md). 1.5x the vector memory of 512.
  int dimensions = 768;
  std::uint64_t seed = 42;
  int top_terms = 8;
  // Events across languages: content words of every language become English concept keys and
  // cross-script name keys (engine/lexicon), so coverage of one event in Arabic, English and
  // Russian shares terms. false: monolingual stems, as before the concept layer.
  bool cross_lingual = true;
  // The user's lexicon TSV files (word, language, English gloss[, weight]), on top of the built-in
  // concept table.
  std::vector<std::string> lexicons;
  // Cross-language copies (a document and its translation) reported as their own relation; needs
  // cross_lingual. The sentences' term hashes are kept in a temporary file in $TMPDIR (8 bytes per
  // word) until the engine is destroyed, so that sentences can be compared after clustering.
  bool translations = true;
  TranslationParams translation;
  // Analyze documents for near-duplicates only (MinHash signatures; no terms, no CLD2 language
  // detection: a document without `lang` gets its dominant script's language). About 5x faster
  // per document; build(Everything) is then refused.
  bool near_duplicates_only = false;
  // false (the CLI): build() runs once and frees its inputs as soon as no later stage needs them:
  // MinHash signatures after near-duplicate grouping, per-document term counts after projection
  // (about 1.5 GB at 1M documents). signature() and a second build() are then refused.
  bool keep_build_inputs = true;
  // Called from the adding/building thread as work advances; stage is a short label.
  std::function<void(const char* stage, std::size_t done, std::size_t total)> progress;
};

struct EventCluster {
  std::vector<std::size_t> members;         // document indices, ascending
  std::size_t representative = 0;           // the member closest to the cluster's centroid
  std::vector<std::string> top_terms;       // highest summed weight over the members' 16 strongest TF-IDF terms,
                                            // each shown as a word (surface form or English gloss), never a stem
  std::optional<int> first_date_days, last_date_days;
  std::string label;                        // the representative's title, else its top terms
  std::vector<std::string> languages;       // distinct member languages, sorted
  std::vector<std::string> sources;         // distinct member sources, sorted (empty sources left out)
};

// A document and its translation: `first` < `second` (document indices), in different languages,
// of one event; score from translation_score().
struct TranslationPair {
  std::size_t first, second;
  double score;
};

// FeaturesOnly analyzes what was added (signatures, term counts, document frequencies) and groups
// nothing: what a shard of a distributed run needs before its features are merged elsewhere.
enum class BuildScope { NearDuplicatesOnly, Everything, FeaturesOnly };

class CorpusEngine {
 public:
  // An engine with its own in-memory feature store.
  explicit CorpusEngine(EngineOptions options);
  // An engine over a feature store (store/feature_store.hpp): documents added are put into it,
  // removed ones removed from it, and builds read it, so the results equal those of an engine that
  // was given the stored documents' texts in key order. An InMemoryFeatureStore is worked on in
  // place (its layout must be the options'); a store of another kind is read into memory once and
  // every change written through to it (a change another connection makes to a shared store after
  // that is not seen). The store must outlive the engine; with keep_build_inputs = false a build
  // frees the in-memory store's signatures and term counts. Throws IncompatibleStoreError when the
  // store's feature version is not the options' (pipeline/feature_version), and what reading the
  // store throws (StoreError).
  CorpusEngine(EngineOptions options, FeatureStore& store);
  ~CorpusEngine();
  CorpusEngine(const CorpusEngine&) = delete;
  CorpusEngine& operator=(const CorpusEngine&) = delete;

  // Queues a document for analysis; its id is known at once (contains(), find()). Ids must be
  // unique: callers check with contains() (the reader enforces it for a corpus).
  void add(Document&& document);
  // Analyzes these documents (after what is queued) and puts them into the store as one batch: one
  // transaction of a store that has them. Returns how many the store took: fewer when a shared store
  // already held some of the ids (another writer stored them first). Ids must be new to the engine.
  std::size_t add_batch(std::vector<Document> documents);
  // Removes the document with this id and every feature kept of it; false when no document has
  // it. The documents after it move down one index (indices are positions in the order of
  // addition; ids are what stays), and results are stale until the next build, which then equals
  // a build that never saw the document (groups, events, translations). One difference: a term
  // the document named first keeps that display word. Throws std::logic_error once a build has
  // freed its inputs (keep_build_inputs = false). Costs a pass over the engine's term counts.
  bool remove(const std::string& id);
  // The same for several ids, removed from the store as one batch in one pass over the features;
  // returns how many were held.
  std::size_t remove_batch(const std::vector<std::string>& ids);
  // Analyzes what is queued, then builds the requested results. May be called again after more
  // add() calls; results are rebuilt from all documents.
  void build(BuildScope scope);
  // The scope of the last build while its results are current: none before a build, after an
  // add or a remove, or when the last build failed.
  std::optional<BuildScope> current_scope() const;

  // Documents added, queued ones included; their indices are 0 to size() - 1 in order of addition.
  std::size_t size() const;
  // After analysis (a build): the record of the document at this index.
  const DocumentRecord& document(std::size_t index) const;
  // After analysis: the stable number of the document at this index in the engine's store (for a
  // store of another kind, its number there), ascending with the index.
  DocumentKey key(std::size_t index) const;
  // The index of the document with this id, queued or analyzed.
  std::optional<std::size_t> find(const std::string& id) const;
  bool contains(const std::string& id) const { return find(id).has_value(); }
  const MinHashSignature& signature(std::size_t index) const;
  // Document index's term counts (hashed terms, sorted, counts saturated at 65535) and the document
  // frequencies of every analyzed document: after a build, while term counts are kept (not after
  // a build(Everything) of an engine that does not keep its build inputs). Throw std::logic_error
  // for a near-duplicates-only engine.
  TermCounts term_counts(std::size_t index) const;
  DocumentFrequencies document_frequencies() const;
  // Rows are L2-normalized dense TF-IDF projections; valid after build(Everything).
  const HalfMatrix& vectors() const;
  const std::vector<NearDuplicateGroup>& near_duplicate_groups() const;
  // Partial copies (near_duplicates.containment > 0), sorted; valid after a build of either scope.
  const std::vector<PartialCopy>& partial_copies() const;
  const std::vector<EventCluster>& event_clusters() const;
  // Cross-language copies, sorted; valid after build(Everything), empty without cross_lingual.
  const std::vector<TranslationPair>& translations() const;
  const EngineOptions& options() const;
  // The concept table the engine maps (with its lexicons), or null without cross_lingual.
  const ConceptTable* concept_table() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Number of worker threads for a requested count (0 = all cores).
int resolve_thread_count(int requested);

}  // namespace parallax
