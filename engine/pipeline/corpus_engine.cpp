#include "pipeline/corpus_engine.hpp"

#include "core/worker_threads.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "features/text_signature.hpp"
#include "features/tfidf.hpp"
#include "io/date.hpp"
#include "lexicon/concept_table.hpp"
#include "pipeline/feature_version.hpp"
#include "store/in_memory_feature_store.hpp"
#include "text/analyzer.hpp"
#include "text/match_words.hpp"

namespace parallax {
namespace {

// Documents analyzed together, per thread: enough to keep every thread busy, few enough that the
// texts of a batch are still in the cache when they are analyzed and that their memory is reused
// at once (at 256, 1.1 MB of texts per batch of 2 threads: dedup on 1k documents 11.1 -> 10.5 ms
// of CPU at 64, on 10k 72.5 -> 69.8 ms; 32 gave the same, 16 a little less). A small batch costs
// little since the workers stay (WorkerPool).
constexpr std::size_t kDocumentsPerThreadInBatch = 64;

struct AnalyzedDocument {
  std::string lang;
  TermCounts term_counts;
  MinHashSignature signature;  // empty when the text has no word at all
  std::uint32_t shingle_count = 0;  // distinct shingles, counted only when partial copies are looked for
  std::vector<TermName> new_term_names;  // terms the store did not know, or knew only by a gloss
  // When sentences are spilled: the terms of the sentences in text order, and where each sentence
  // ends in that list.
  std::vector<std::uint64_t> sentence_terms;
  std::vector<std::size_t> sentence_ends;
};

// Each document's strongest TF-IDF terms, flat: what event descriptions are summed from, so the
// per-document term counts can be freed once vectors exist. An event's top terms are the terms
// with the highest summed weight over its members' top kTermsPerDocument.
class DocumentTopTerms {
 public:
  static constexpr std::size_t kTermsPerDocument = 16;

  void resize(std::size_t documents) {
    hashes_.assign(documents * kTermsPerDocument, 0);
    weights_.assign(documents * kTermsPerDocument, 0.0f);
  }

  // Keeps the heaviest terms of document d's TF-IDF vector (ties: the smaller hash).
  void keep(std::size_t d, const SparseVector& tfidf) {
    thread_local std::vector<std::pair<float, std::uint64_t>> ranked;
    ranked.clear();
    for (std::size_t t = 0; t < tfidf.terms.size(); ++t) ranked.emplace_back(tfidf.weights[t], tfidf.terms[t]);
    const std::size_t count = std::min(ranked.size(), kTermsPerDocument);
    std::partial_sort(ranked.begin(), ranked.begin() + count, ranked.end(), heavier);
    for (std::size_t k = 0; k < count; ++k) {
      hashes_[d * kTermsPerDocument + k] = ranked[k].second;
      weights_[d * kTermsPerDocument + k] = ranked[k].first;
    }
  }

  template <typename Fn>
  void for_each(std::size_t d, Fn fn) const {
    for (std::size_t k = d * kTermsPerDocument; k < (d + 1) * kTermsPerDocument && weights_[k] > 0; ++k)
      fn(hashes_[k], weights_[k]);
  }

  static bool heavier(const std::pair<float, std::uint64_t>& x, const std::pair<float, std::uint64_t>& y) {
    return x.first > y.first || (x.first == y.first && x.second < y.second);
  }

 private:
  std::vector<std::uint64_t> hashes_;
  std::vector<float> weights_;
};

// Indices handed to a worker at a time. Runs of neighbours rather than every other index: results
// are written to an array by index, and neighbours on two threads wrote to shared cache lines.
constexpr std::size_t kIndicesPerChunk = 16;

// Runs fn(i) for i in [0, count) on up to `threads` threads of the pool, each with its own analyzer; worker w
// takes the chunks w, w + workers, ... A worker's exception stops the workers and is rethrown on
// the calling thread (never std::terminate).
template <typename Fn>
void parallel_for(WorkerPool& pool, std::size_t count, int threads, Fn fn) {
  const std::size_t chunks = (count + kIndicesPerChunk - 1) / kIndicesPerChunk;
  const int workers = static_cast<int>(std::min<std::size_t>(std::max(1, threads), std::max<std::size_t>(chunks, 1)));
  std::atomic<bool> failed{false};
  // The calling thread is worker 0: one thread fewer to keep, none with one thread.
  pool.run(workers, [&](int w) {
    try {
      for (std::size_t c = w; c < chunks && !failed.load(std::memory_order_relaxed); c += workers)
        for (std::size_t i = c * kIndicesPerChunk; i < std::min(count, (c + 1) * kIndicesPerChunk); ++i) fn(i, w);
    } catch (...) {
      failed = true;
      throw;
    }
  });
}

// One worker's state on cache lines of its own: word readers side by side in a vector shared a
// line, which both threads wrote for every document (the script counts).
template <typename T>
struct alignas(64) PerWorker {
  template <typename... Args>
  explicit PerWorker(Args&&... args) : state(std::forward<Args>(args)...) {}
  T state;
};

}  // namespace

namespace {

// Hands the heap's free pages back to the system. After a million small blocks are freed (one
// signature per document) glibc keeps their pages for reuse by small allocations, while what
// comes next (the dense vectors) is one large block that cannot use them: without this, the
// 0.5 GB of signatures at 1M documents would still count at the build's peak.
void return_free_heap_pages() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace

int resolve_thread_count(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

// The built-in concept table with the user's lexicons on top; none for a monolingual engine.
std::unique_ptr<const ConceptTable> load_concepts(const EngineOptions& options) {
  if (!options.cross_lingual || options.near_duplicates_only) {
    for (const std::string& path : options.lexicons) read_lexicon_tsv(path);  // a bad file is still reported
    return nullptr;
  }
  return std::make_unique<ConceptTable>(load_concept_table(options.lexicons));
}

struct CorpusEngine::State {
  State(EngineOptions o, FeatureStore* given)
      : options(std::move(o)), hasher(options.minhash), concepts(load_concepts(options)) {
    options.threads = resolve_thread_count(options.threads);
    analyzers.reserve(options.threads);
    word_readers.reserve(options.threads);
    for (int t = 0; t < options.threads; ++t) {
      analyzers.emplace_back(concepts.get());
      word_readers.emplace_back();
    }
    open_store(given);
  }

  EngineOptions options;
  MinHasher hasher;
  std::unique_ptr<const ConceptTable> concepts;
  std::vector<PerWorker<TextAnalyzer>> analyzers;  // one per worker thread
  std::vector<PerWorker<MatchWordReader>> word_readers;  // one per worker thread

  // The features builds read: a given in-memory store, or the engine's own (its only store, or a
  // copy of a store of another kind, which every change is written through to).
  std::unique_ptr<InMemoryFeatureStore> own_store;
  InMemoryFeatureStore* features = nullptr;
  FeatureStore* backing = nullptr;

  std::vector<Document> pending;
  std::unordered_map<std::string, std::size_t> pending_index;  // id -> position in pending
  std::optional<BuildScope> current_scope;  // of the results, while no document was added or removed since
  DocumentTopTerms top_terms;
  bool built_without_inputs = false;  // a build freed its inputs: no second build

  HalfMatrix vectors;
  std::vector<NearDuplicateGroup> near_duplicates;
  std::vector<PartialCopy> partial_copies;
  std::vector<EventCluster> events;
  std::vector<TranslationPair> translations;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> translation_candidates;  // kNN edges across languages
  WorkerPool workers;  // last: its threads stop before anything they work on goes

  const std::deque<DocumentRecord>& records() const { return features->records(); }
  const TermTable& terms() const { return features->terms(); }
  SentenceSpill* sentences() const { return features->sentences(); }

  // An in-memory store is worked on in place; any other is copied into memory once (a build reads
  // every feature, many times, from many threads) and written through from then on.
  void open_store(FeatureStore* given) {
    const InMemoryFeatureStore::Layout layout = feature_layout(options);
    if (!given) {
      own_store = std::make_unique<InMemoryFeatureStore>([o = options] { return feature_version(o); }, layout);
      features = own_store.get();
      return;
    }
    const std::string version = feature_version(options);
    if (given->feature_version() != version)
      throw IncompatibleStoreError("the feature store holds features of version '" + given->feature_version() +
                                   "', not this engine's '" + version +
                                   "': signatures and terms cannot be mixed; rebuild the store from the texts");
    if (auto* in_memory = dynamic_cast<InMemoryFeatureStore*>(given)) {
      if (!(in_memory->layout() == layout))
        throw std::invalid_argument("the in-memory feature store keeps other features (shingle counts, sentences) than "
                                    "this engine's options need");
      features = in_memory;
      return;
    }
    own_store = std::make_unique<InMemoryFeatureStore>(version, layout);
    features = own_store.get();
    own_store->copy_from(*given);
    backing = given;
  }

  void report(const char* stage, std::size_t done, std::size_t total) const {
    if (options.progress) options.progress(stage, done, total);
  }

  AnalyzedDocument analyze(const Document& doc, int worker) {
    AnalyzedDocument out;
    out.signature = near_duplicate_signature(doc, word_readers[worker].state, out.shingle_count);
    if (options.near_duplicates_only) {
      const Script script = word_readers[worker].state.take_dominant_script();
      if (doc.lang.empty()) {
        const std::string_view lang = main_language_of_script(script);
        out.lang = lang.empty() ? "und" : std::string(lang);
      }
      return out;
    }
    const std::string text = analyzed_text(doc);
    if (concepts) {
      thread_local std::vector<HashedTerm> hashed;
      hashed.clear();
      out.lang = analyzers[worker].state.analyze_terms(text, doc.lang, hashed, sentences() ? &out.sentence_ends : nullptr);
      std::vector<std::uint64_t> hashes;
      hashes.reserve(hashed.size());
      for (const HashedTerm& t : hashed) {
        hashes.push_back(t.hash);
        name_if_wanted(t.hash, t.term->display, t.term->display_is_gloss, out);
      }
      if (!out.sentence_ends.empty())
        out.sentence_terms.assign(hashes.begin(), hashes.begin() + static_cast<std::ptrdiff_t>(out.sentence_ends.back()));
      out.term_counts = count_term_hashes(std::move(hashes));
      return out;
    }
    AnalyzedText analyzed = analyzers[worker].state.analyze(text, doc.lang);
    out.lang = analyzed.lang;
    out.term_counts = count_terms(analyzed.terms);
    for (std::size_t t = 0; t < analyzed.terms.size(); ++t)
      name_if_wanted(term_hash(analyzed.terms[t]), analyzed.term_displays[t], analyzed.term_display_is_gloss[t], out);
    return out;
  }

  // The title is part of the story: analyzed with the body.
  static std::string analyzed_text(const Document& doc) {
    return doc.title.empty() ? doc.text : doc.title + "\n" + doc.text;
  }

  // Sends a term's display word along when the store has none for it yet (or only a gloss).
  void name_if_wanted(std::uint64_t hash, const std::string& display, bool is_gloss, AnalyzedDocument& out) const {
    if (!terms().wants_name(hash, !is_gloss)) return;
    for (TermName& named : out.new_term_names) {  // few per document once the vocabulary is known
      if (named.hash != hash) continue;
      if (named.is_gloss && !is_gloss) named = {hash, display, false};  // a word of the text wins
      return;
    }
    out.new_term_names.push_back({hash, display, is_gloss});
  }

  void build_results(BuildScope scope);

  // Shingles come from the matching words (not the analyzer's stems): copies repeat exact wording,
  // and these are read at table speed. Empty when the text has no word at all. Counts the
  // distinct shingles into shingle_count when partial copies are looked for.
  MinHashSignature near_duplicate_signature(const Document& doc, MatchWordReader& reader,
                                            std::uint32_t& shingle_count) const {
    return text_signature(hasher, reader, doc.title, doc.text, looks_for_partial_copies() ? &shingle_count : nullptr);
  }

  bool looks_for_partial_copies() const { return options.near_duplicates.containment > 0; }

  // Analyzes documents on the worker threads; names are sent against the vocabulary as it is now.
  std::vector<DocumentFeatures> analyze_all(std::vector<Document>& documents) {
    std::vector<AnalyzedDocument> analyzed(documents.size());
    parallel_for(workers, documents.size(), options.threads,
                 [&](std::size_t i, int worker) { analyzed[i] = analyze(documents[i], worker); });
    std::vector<DocumentFeatures> out;
    out.reserve(documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i)
      out.push_back(features_of(std::move(documents[i]), std::move(analyzed[i])));
    return out;
  }

  void analyze_pending() {
    if (pending.empty()) return;
    keep(analyze_all(pending));
    pending.clear();
    pending_index.clear();
    report("analyze", records().size(), records().size());
  }

  // Puts analyzed documents into the store (a store written through gets them as one batch);
  // returns how many it took: fewer when another writer of a shared store had stored some ids.
  std::size_t keep(std::vector<DocumentFeatures>&& batch) {
    current_scope.reset();
    if (!backing) {
      for (DocumentFeatures& f : batch) features->append(std::move(f));
      return batch.size();
    }
    const std::vector<std::optional<DocumentKey>> keys = backing->put(batch);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < batch.size(); ++i)
      if (keys[i]) {
        features->append(std::move(batch[i]), *keys[i]);
        ++kept;
      }
    return kept;
  }

  static DocumentFeatures features_of(Document&& doc, AnalyzedDocument&& a) {
    DocumentFeatures f;
    DocumentRecord& r = f.record;
    r.id = std::move(doc.id);
    r.title = std::move(doc.title);
    r.source = std::move(doc.source);
    r.lang = doc.lang.empty() ? std::move(a.lang) : std::move(doc.lang);
    r.date = std::move(doc.date);
    r.url = std::move(doc.url);
    r.extra_fields = std::move(doc.extra_fields);
    r.date_days = parse_iso_date_days(r.date);
    r.text_bytes = doc.text.size();
    f.term_counts = std::move(a.term_counts);
    f.signature = std::move(a.signature);
    f.shingle_count = a.shingle_count;
    f.new_term_names = std::move(a.new_term_names);
    f.sentence_terms = std::move(a.sentence_terms);
    f.sentence_ends = std::move(a.sentence_ends);
    return f;
  }

  // A document's index is known when it is added (before its analysis): it is its position.
  void register_pending(const std::string& id) {
    pending_index.emplace(id, pending.size());
    current_scope.reset();
  }

  // Removes the analyzed documents with these ids (pending is empty) from the store, and from a
  // store written through in one batch; the results are cleared, since their indices are positions.
  std::size_t remove(const std::vector<std::string>& ids) {
    std::vector<std::size_t> indices;
    std::vector<DocumentKey> keys;
    for (const std::string& id : ids)
      if (const auto index = features->index_of(id)) {
        indices.push_back(*index);
        keys.push_back(features->key(*index));  // the backing store's own, in a copy of it
      }
    if (indices.empty()) return 0;
    if (backing) backing->remove(keys);
    const std::size_t removed = features->remove_at(indices);
    current_scope.reset();
    near_duplicates.clear();
    partial_copies.clear();
    events.clear();
    translations.clear();
    vectors = HalfMatrix();
    return removed;
  }

  // The random projection streams: each document's TF-IDF vector lives only while it is projected.
  void build_vectors(const std::vector<float>& idf) {
    const std::size_t n = records().size();
    report("project", 0, n);
    top_terms.resize(n);
    if (options.projection == ProjectionKind::Svd) {
      std::vector<SparseVector> tfidf(n);
      parallel_for(workers, n, options.threads, [&](std::size_t i, int) {
        tfidf[i] = terms().tfidf(i, idf);
        top_terms.keep(i, tfidf[i]);
      });
      vectors = HalfMatrix(project_svd(tfidf, options.dimensions, options.seed));
    } else {
      vectors = HalfMatrix(static_cast<Eigen::Index>(n), options.dimensions);
      parallel_for(workers, n, options.threads, [&](std::size_t i, int) {
        thread_local std::vector<float> row;
        row.resize(static_cast<std::size_t>(options.dimensions));
        const SparseVector tfidf = terms().tfidf(i, idf);
        top_terms.keep(i, tfidf);
        project_random(tfidf, options.dimensions, options.seed, row.data());
        vectors.set_row(static_cast<Eigen::Index>(i), row.data());
      });
    }
    report("project", n, n);
  }

  void build_events() {
    std::vector<std::optional<int>> dates;
    dates.reserve(records().size());
    for (const auto& r : records()) dates.push_back(r.date_days);
    report("search", 0, records().size());
    const std::vector<std::uint16_t> languages = language_numbers();
    auto clusters = find_events(vectors, dates, languages, options.knn, options.events, options.threads,
                                [&](const std::vector<SimilarityEdge>& edges) {
                                  report("search", records().size(), records().size());
                                  if (sentences()) keep_translation_candidates(edges, languages);
                                });
    events.clear();
    for (auto& members : clusters) events.push_back(describe_event(std::move(members)));
  }

  // Cross-language copies are looked for among the kNN edges between languages that stay inside
  // one event: a translation tells the same story, so it is among its original's nearest
  // neighbours and in its event (NTREX: every translation pair was both).
  void find_translations(const std::vector<float>& idf) {
    translations.clear();
    if (!sentences()) return;
    sentences()->flush();
    std::vector<std::uint32_t> event_of(records().size());
    for (std::size_t e = 0; e < events.size(); ++e)
      for (std::size_t m : events[e].members) event_of[m] = static_cast<std::uint32_t>(e);
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> pairs_of_event(events.size());
    for (const auto& [a, b] : translation_candidates)
      if (event_of[a] == event_of[b]) pairs_of_event[event_of[a]].emplace_back(a, b);
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> work;
    for (auto& pairs : pairs_of_event)
      if (!pairs.empty()) work.push_back(std::move(pairs));
    report("translations", 0, work.size());
    std::vector<std::vector<TranslationPair>> found(work.size());
    parallel_for(workers, work.size(), options.threads, [&](std::size_t k, int) {
      std::unordered_map<std::uint32_t, SentenceIndex> index_of;  // each document read once
      auto sentences_of = [&](std::uint32_t d) -> const SentenceIndex& {
        auto it = index_of.find(d);
        return it != index_of.end() ? it->second : index_of.emplace(d, index_sentences(sentence_vectors(d, idf))).first->second;
      };
      for (const auto& [a, b] : work[k]) {
        const double score = translation_score(sentences_of(a), sentences_of(b), options.translation);
        if (score >= options.translation.threshold) found[k].push_back({a, b, score});
      }
    });
    for (auto& f : found) translations.insert(translations.end(), f.begin(), f.end());
    std::sort(translations.begin(), translations.end(),
              [](const auto& x, const auto& y) { return x.first < y.first || (x.first == y.first && x.second < y.second); });
    std::vector<std::pair<std::uint32_t, std::uint32_t>>().swap(translation_candidates);
    report("translations", work.size(), work.size());
  }

  // Document d's sentences as TF-IDF vectors over the corpus's document frequencies, weighed as
  // its document vector is.
  SentenceVectors sentence_vectors(std::size_t d, const std::vector<float>& idf) const {
    SentenceVectors out;
    for (auto& ids : sentences()->read(d)) {
      std::sort(ids.begin(), ids.end());
      SparseVector v;
      double norm2 = 0.0;
      for (std::size_t i = 0; i < ids.size();) {
        std::size_t end = i;
        while (end < ids.size() && ids[end] == ids[i]) ++end;
        const float w = (1.0f + std::log(static_cast<float>(end - i))) * terms().idf_of(ids[i], idf);
        v.terms.push_back(ids[i]);
        v.weights.push_back(w);
        norm2 += static_cast<double>(w) * w;
        i = end;
      }
      if (norm2 == 0) continue;
      const auto inv = static_cast<float>(1.0 / std::sqrt(norm2));
      for (auto& w : v.weights) w *= inv;
      out.push_back(std::move(v));
    }
    return out;
  }

  // Every paired sentence needs a partner, so a document with fewer than threshold x the other's
  // sentences can never pass (translation_score's own first test, here before any sentence is read).
  bool could_be_translations(std::size_t a, std::size_t b) const {
    const auto fewer = std::min(features->sentence_count(a), features->sentence_count(b)),
               more = std::max(features->sentence_count(a), features->sentence_count(b));
    return fewer > 0 && fewer >= options.translation.threshold * more;
  }

  void keep_translation_candidates(const std::vector<SimilarityEdge>& edges, const std::vector<std::uint16_t>& languages) {
    translation_candidates.clear();
    for (const SimilarityEdge& e : edges)
      if (languages[e.a] != languages[e.b] && could_be_translations(e.a, e.b)) translation_candidates.emplace_back(e.a, e.b);
  }

  // Each document's language as a small number, for language-aware linkage; none (one language
  // for all) when the engine is monolingual.
  std::vector<std::uint16_t> language_numbers() const {
    if (!concepts) return {};
    std::vector<std::string> codes;
    codes.reserve(records().size());
    for (const auto& r : records()) codes.push_back(r.lang);
    return number_languages(codes);
  }

  EventCluster describe_event(std::vector<std::size_t> members) const {
    EventCluster e;
    std::unordered_map<std::uint64_t, float> weight_of_term;
    for (std::size_t m : members) {
      top_terms.for_each(m, [&](std::uint64_t term, float weight) { weight_of_term[term] += weight; });
      if (const auto d = records()[m].date_days) {
        e.first_date_days = e.first_date_days ? std::min(*e.first_date_days, *d) : *d;
        e.last_date_days = e.last_date_days ? std::max(*e.last_date_days, *d) : *d;
      }
    }
    e.representative = nearest_to_centroid(vectors, members);
    std::vector<std::pair<float, std::uint64_t>> ranked;
    for (const auto& [term, w] : weight_of_term) ranked.emplace_back(w, term);
    std::sort(ranked.begin(), ranked.end(), DocumentTopTerms::heavier);
    // One word once: a name's key and its concept can show the same word ("biden", "Biden"). An
    // event with English coverage is described by words its texts use: a gloss no English text
    // has used is there more often a lexicon's stray sense ("Botín" beside "Putin") than news.
    const bool has_english = std::any_of(members.begin(), members.end(), [&](std::size_t m) { return records()[m].lang == "en"; });
    std::vector<std::string> folded;
    for (std::size_t i = 0; i < ranked.size() && e.top_terms.size() < static_cast<std::size_t>(options.top_terms); ++i) {
      if (has_english && terms().shown_by_gloss(ranked[i].second)) continue;
      const std::string& word = terms().name(ranked[i].second);
      std::string key = word;
      std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
      if (std::find(folded.begin(), folded.end(), key) != folded.end()) continue;
      folded.push_back(std::move(key));
      e.top_terms.push_back(word);
    }
    describe_coverage(e, members);
    e.members = std::move(members);
    return e;
  }

  // Label, languages and sources: what a reader scans an event list by.
  void describe_coverage(EventCluster& e, const std::vector<std::size_t>& members) const {
    e.label = records()[e.representative].title;
    if (e.label.empty())
      for (const auto& term : e.top_terms) e.label += (e.label.empty() ? "" : ", ") + term;
    for (std::size_t m : members) {
      e.languages.push_back(records()[m].lang);
      if (!records()[m].source.empty()) e.sources.push_back(records()[m].source);
    }
    for (auto* list : {&e.languages, &e.sources}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
  }
};

CorpusEngine::CorpusEngine(EngineOptions options) : state_(std::make_unique<State>(std::move(options), nullptr)) {}
CorpusEngine::CorpusEngine(EngineOptions options, FeatureStore& store)
    : state_(std::make_unique<State>(std::move(options), &store)) {}
CorpusEngine::~CorpusEngine() = default;

void CorpusEngine::add(Document&& document) {
  state_->register_pending(document.id);
  state_->pending.push_back(std::move(document));
  if (state_->pending.size() >= kDocumentsPerThreadInBatch * static_cast<std::size_t>(state_->options.threads))
    state_->analyze_pending();
}

std::size_t CorpusEngine::add_batch(std::vector<Document> documents) {
  State& s = *state_;
  if (s.built_without_inputs)
    throw std::logic_error("add_batch() after a build of an engine that does not keep its build inputs");
  s.analyze_pending();
  return s.keep(s.analyze_all(documents));
}

bool CorpusEngine::remove(const std::string& id) { return remove_batch({id}) == 1; }

std::size_t CorpusEngine::remove_batch(const std::vector<std::string>& ids) {
  State& s = *state_;
  if (s.built_without_inputs)
    throw std::logic_error("remove() after a build of an engine that does not keep its build inputs");
  s.analyze_pending();
  return s.remove(ids);
}

void CorpusEngine::build(BuildScope scope) {
  State& s = *state_;
  if (s.built_without_inputs)
    throw std::logic_error("build() ran already on an engine that does not keep its build inputs");
  s.current_scope.reset();
  s.analyze_pending();
  s.build_results(scope);
  s.current_scope = scope;
}

std::optional<BuildScope> CorpusEngine::current_scope() const { return state_->current_scope; }

void CorpusEngine::State::build_results(BuildScope scope) {
  State& s = *this;
  if (scope == BuildScope::FeaturesOnly) return;
  s.built_without_inputs = !s.options.keep_build_inputs;
  // Before the big allocations of the build, so the copies do not add to its peak.
  s.features->shrink_to_fit();
  const std::size_t n = s.records().size();
  s.report("near-duplicates", 0, n);
  s.near_duplicates = find_near_duplicate_groups(s.features->signatures(), s.options.near_duplicates, s.options.threads);
  s.partial_copies.clear();
  if (s.looks_for_partial_copies())
    s.partial_copies = find_partial_copies(s.features->signatures(), s.features->shingle_counts(), s.near_duplicates,
                                           s.options.near_duplicates, s.options.threads);
  s.report("near-duplicates", n, n);
  if (scope == BuildScope::NearDuplicatesOnly) return;
  if (!s.options.keep_build_inputs) {
    s.features->release_signatures();
    return_free_heap_pages();
  }
  if (s.options.near_duplicates_only)
    throw std::logic_error("this engine analyzes documents for near-duplicates only: it cannot build events");
  const std::vector<float> idf = s.terms().idf();
  s.build_vectors(idf);
  if (!s.options.keep_build_inputs) s.features->release_term_counts();
  s.build_events();
  s.find_translations(idf);
}

std::size_t CorpusEngine::size() const { return state_->records().size() + state_->pending.size(); }
const DocumentRecord& CorpusEngine::document(std::size_t index) const { return state_->features->record(index); }
DocumentKey CorpusEngine::key(std::size_t index) const { return state_->features->key(index); }
std::optional<std::size_t> CorpusEngine::find(const std::string& id) const {
  if (const auto index = state_->features->index_of(id)) return index;
  const auto it = state_->pending_index.find(id);
  if (it == state_->pending_index.end()) return std::nullopt;
  return state_->records().size() + it->second;
}
const MinHashSignature& CorpusEngine::signature(std::size_t index) const {
  if (!state_->options.keep_build_inputs) throw std::logic_error("signatures are not kept by this engine");
  return state_->features->signatures().at(index);
}
const HalfMatrix& CorpusEngine::vectors() const { return state_->vectors; }
TermCounts CorpusEngine::term_counts(std::size_t index) const {
  if (state_->options.near_duplicates_only) throw std::logic_error("this engine analyzes documents for near-duplicates only: it has no terms");
  if (!state_->terms().holds_documents()) throw std::logic_error("term counts are not kept by this engine after its build");
  if (index >= state_->records().size()) throw std::out_of_range("document index out of range");
  return state_->terms().counts(index);
}
DocumentFrequencies CorpusEngine::document_frequencies() const {
  if (state_->options.near_duplicates_only) throw std::logic_error("this engine analyzes documents for near-duplicates only: it has no terms");
  if (!state_->terms().holds_documents()) throw std::logic_error("term counts are not kept by this engine after its build");
  return state_->terms().frequencies();
}
const std::vector<NearDuplicateGroup>& CorpusEngine::near_duplicate_groups() const { return state_->near_duplicates; }
const std::vector<PartialCopy>& CorpusEngine::partial_copies() const { return state_->partial_copies; }
const std::vector<EventCluster>& CorpusEngine::event_clusters() const { return state_->events; }
const std::vector<TranslationPair>& CorpusEngine::translations() const { return state_->translations; }
const EngineOptions& CorpusEngine::options() const { return state_->options; }
const ConceptTable* CorpusEngine::concept_table() const { return state_->concepts.get(); }

}  // namespace parallax
