#include "pipeline/corpus_engine.hpp"

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
#include "text/analyzer.hpp"
#include "pipeline/sentence_spill.hpp"
#include "text/match_words.hpp"

namespace parallax {
namespace {

// Documents analyzed together: big enough to keep every thread busy, small enough that the
// texts waiting in a batch stay a few megabytes.
constexpr std::size_t kDocumentsPerThreadInBatch = 256;

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

// Every document's term counts, flat and interned: 6 bytes per (document, distinct term) instead
// of a pair of vectors per document with 64-bit keys, and document frequencies kept as documents
// arrive. At 1M news documents this is the largest structure the engine holds. TF-IDF vectors
// are computed from it when needed, never all held at once past the SVD limit.
class TermStore {
 public:
  // Whether a name sent for this term would be kept: the term is new, or is shown by an English
  // gloss and `surface` is a word of a text (a reader of an English event should see "city", the
  // word of its texts, not "cities", the gloss a Russian article brought first). Safe to call from
  // analysis threads while no document is being added.
  bool wants_name(std::uint64_t hash, bool surface) const {
    const auto it = id_of_hash_.find(hash);
    return it == id_of_hash_.end() || (surface && name_is_gloss_[it->second]);
  }

  // A term's first name is kept; a word of a text replaces a gloss.
  void add_name(TermName& name) {
    const auto [it, fresh] = id_of_hash_.try_emplace(name.hash, static_cast<std::uint32_t>(hash_of_id_.size()));
    if (fresh) {
      hash_of_id_.push_back(name.hash);
      name_of_id_.push_back(std::move(name.display));
      name_is_gloss_.push_back(name.is_gloss);
      df_.push_back(0);
    } else if (name_is_gloss_[it->second] && !name.is_gloss) {
      name_of_id_[it->second] = std::move(name.display);
      name_is_gloss_[it->second] = false;
    }
  }

  // counts: sorted by hash (count_terms); names: at least every term the store did not know.
  void add_document(const TermCounts& counts, std::vector<TermName>& names) {
    for (auto& name : names) add_name(name);
    for (std::size_t t = 0; t < counts.terms.size(); ++t) {
      const std::uint32_t id = id_of_hash_.at(counts.terms[t]);
      ids_.push_back(id);
      tfs_.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(counts.counts[t], 0xffff)));
      ++df_[id];
    }
    offsets_.push_back(ids_.size());
  }

  // Forgets document d's term counts; the documents after it move down one index. A term no
  // document holds any more keeps its name with frequency 0: it weighs in no vector.
  void remove_document(std::size_t d) {
    const std::size_t begin = offsets_[d], end = offsets_[d + 1];
    for (std::size_t i = begin; i < end; ++i) --df_[ids_[i]];
    ids_.erase(ids_.begin() + static_cast<std::ptrdiff_t>(begin), ids_.begin() + static_cast<std::ptrdiff_t>(end));
    tfs_.erase(tfs_.begin() + static_cast<std::ptrdiff_t>(begin), tfs_.begin() + static_cast<std::ptrdiff_t>(end));
    offsets_.erase(offsets_.begin() + static_cast<std::ptrdiff_t>(d) + 1);
    for (std::size_t k = d + 1; k < offsets_.size(); ++k) offsets_[k] -= end - begin;
  }

  // The weight in `idf` (from idf()) of a term some document had, else 0.
  float idf_of(std::uint64_t hash, const std::vector<float>& idf) const {
    const auto it = id_of_hash_.find(hash);
    return it == id_of_hash_.end() ? 0.0f : idf[it->second];
  }

  // Smoothed idf per term id (smoothed_idf, as DocumentFrequencies::idf computes it).
  std::vector<float> idf() const {
    const std::size_t n = offsets_.size() - 1;
    std::vector<float> out(df_.size());
    for (std::size_t id = 0; id < df_.size(); ++id) out[id] = smoothed_idf(n, df_[id]);
    return out;
  }

  // The store's document frequencies as a DocumentFrequencies: what a shard hands to be merged.
  // Terms only removed documents held are left out, as if never seen.
  DocumentFrequencies frequencies() const {
    DocumentFrequencies out;
    for (std::size_t id = 0; id < df_.size(); ++id)
      if (df_[id] > 0) out.add_term(hash_of_id_[id], df_[id]);
    out.add_documents(offsets_.size() - 1);
    return out;
  }

  // Document d's term counts as count_terms gave them (counts saturated at 65535).
  TermCounts counts(std::size_t d) const {
    TermCounts out;
    for (std::size_t i = offsets_[d]; i < offsets_[d + 1]; ++i) {
      out.terms.push_back(hash_of_id_[ids_[i]]);
      out.counts.push_back(tfs_[i]);
    }
    return out;
  }

  // Document d's TF-IDF vector, equal to tfidf_vector(its counts, the corpus frequencies).
  SparseVector tfidf(std::size_t d, const std::vector<float>& idf) const {
    SparseVector v;
    const std::size_t begin = offsets_[d], end = offsets_[d + 1];
    v.terms.resize(end - begin);
    v.weights.resize(end - begin);
    for (std::size_t i = begin; i < end; ++i) v.terms[i - begin] = hash_of_id_[ids_[i]];
    sublinear_tfidf_weights(
        end - begin, [&](std::size_t i) { return tfs_[begin + i]; }, [&](std::size_t i) { return idf[ids_[begin + i]]; },
        v.weights.data());
    return v;
  }

  bool holds_documents() const { return !offsets_.empty(); }

  const std::string& name(std::uint64_t hash) const { return name_of_id_[id_of_hash_.at(hash)]; }
  // True while the term is shown by an English gloss: no English text has used its word.
  bool shown_by_gloss(std::uint64_t hash) const { return name_is_gloss_[id_of_hash_.at(hash)]; }

  // Frees every document's term counts (the largest structure at scale); the vocabulary stays.
  void release_documents() {
    std::vector<std::uint32_t>().swap(ids_);
    std::vector<std::uint16_t>().swap(tfs_);
    std::vector<std::size_t>().swap(offsets_);
  }

  // Returns the growth slack of the arrays (up to half of them after push_back doubling).
  void shrink_to_fit() {
    ids_.shrink_to_fit();
    tfs_.shrink_to_fit();
    offsets_.shrink_to_fit();
  }

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> id_of_hash_;
  std::vector<std::uint64_t> hash_of_id_;
  std::vector<std::string> name_of_id_;
  std::vector<bool> name_is_gloss_;
  std::vector<std::uint32_t> df_;
  std::vector<std::uint32_t> ids_;   // document d's terms: [offsets_[d], offsets_[d + 1])
  std::vector<std::uint16_t> tfs_;   // term frequency, saturating at 65535
  std::vector<std::size_t> offsets_{0};
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

// Runs fn(i) for i in [0, count) on up to `threads` threads, each with its own analyzer. A worker's
// exception stops the workers and is rethrown on the calling thread (never std::terminate).
template <typename Fn>
void parallel_for(std::size_t count, int threads, Fn fn) {
  const int workers = static_cast<int>(std::min<std::size_t>(std::max(1, threads), std::max<std::size_t>(count, 1)));
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::atomic<bool> failed{false};
  auto work = [&](int w) {
    try {
      for (std::size_t i = w; i < count && !failed.load(std::memory_order_relaxed); i += workers) fn(i, w);
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      failed = true;
    }
  };
  // The calling thread is worker 0: one thread fewer to start per batch, none with one thread.
  std::vector<std::thread> pool;
  for (int w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

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

// Sentences are kept (on disk) only for the stage that reads them: cross-language copies.
std::unique_ptr<SentenceSpill> spill_if_needed(const EngineOptions& options) {
  if (!options.cross_lingual || !options.translations || options.near_duplicates_only) return nullptr;
  return std::make_unique<SentenceSpill>();
}

struct CorpusEngine::State {
  explicit State(EngineOptions o)
      : options(std::move(o)), hasher(options.minhash), concepts(load_concepts(options)), sentences(spill_if_needed(options)) {
    options.threads = resolve_thread_count(options.threads);
    analyzers.reserve(options.threads);
    for (int t = 0; t < options.threads; ++t) analyzers.emplace_back(concepts.get());
    word_readers.resize(options.threads);
  }

  EngineOptions options;
  MinHasher hasher;
  std::unique_ptr<const ConceptTable> concepts;
  std::unique_ptr<SentenceSpill> sentences;  // each document's sentences as term ids, when a stage reads them
  std::vector<TextAnalyzer> analyzers;  // one per worker thread
  std::vector<MatchWordReader> word_readers;  // one per worker thread

  std::vector<Document> pending;
  std::deque<DocumentRecord> records;  // grows without moving what it holds (1M records)
  std::unordered_map<std::string, std::size_t> index_of_id;  // records, then pending
  std::optional<BuildScope> current_scope;  // of the results, while no document was added or removed since
  TermStore terms;
  DocumentTopTerms top_terms;
  bool built_without_inputs = false;  // a build freed its inputs: no second build
  std::vector<MinHashSignature> signatures;
  std::vector<std::uint32_t> shingle_counts;  // per document, when partial copies are looked for

  DenseMatrix vectors;
  std::vector<NearDuplicateGroup> near_duplicates;
  std::vector<PartialCopy> partial_copies;
  std::vector<EventCluster> events;
  std::vector<TranslationPair> translations;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> translation_candidates;  // kNN edges across languages
  std::vector<std::uint32_t> sentence_counts;  // per document, when sentences are spilled

  void report(const char* stage, std::size_t done, std::size_t total) const {
    if (options.progress) options.progress(stage, done, total);
  }

  AnalyzedDocument analyze(const Document& doc, int worker) {
    AnalyzedDocument out;
    out.signature = near_duplicate_signature(doc, word_readers[worker], out.shingle_count);
    if (options.near_duplicates_only) {
      const Script script = word_readers[worker].take_dominant_script();
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
      out.lang = analyzers[worker].analyze_terms(text, doc.lang, hashed, sentences ? &out.sentence_ends : nullptr);
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
    AnalyzedText analyzed = analyzers[worker].analyze(text, doc.lang);
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
    if (!terms.wants_name(hash, !is_gloss)) return;
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
    parallel_for(documents.size(), options.threads,
                 [&](std::size_t i, int worker) { analyzed[i] = analyze(documents[i], worker); });
    std::vector<DocumentFeatures> out;
    out.reserve(documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i)
      out.push_back(features_of(std::move(documents[i]), std::move(analyzed[i])));
    return out;
  }

  void analyze_pending() {
    if (pending.empty()) return;
    for (auto& features : analyze_all(pending)) keep_features(std::move(features));
    pending.clear();
    report("analyze", records.size(), records.size());
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
  void register_id(const std::string& id) {
    index_of_id.emplace(id, records.size() + pending.size());
    current_scope.reset();
  }

  void keep_features(DocumentFeatures&& f) {
    f.record.date_days = parse_iso_date_days(f.record.date);
    records.push_back(std::move(f.record));
    terms.add_document(f.term_counts, f.new_term_names);
    signatures.push_back(std::move(f.signature));
    if (looks_for_partial_copies()) shingle_counts.push_back(f.shingle_count);
    if (sentences) {
      sentences->append(f.sentence_terms, f.sentence_ends);
      sentence_counts.push_back(static_cast<std::uint32_t>(f.sentence_ends.size()));
    }
  }

  // Forgets document d and its features (pending is empty); the results are cleared, since their
  // indices are positions.
  void remove(std::size_t d) {
    index_of_id.erase(records[d].id);
    records.erase(records.begin() + static_cast<std::ptrdiff_t>(d));
    for (std::size_t i = d; i < records.size(); ++i) index_of_id[records[i].id] = i;
    terms.remove_document(d);
    signatures.erase(signatures.begin() + static_cast<std::ptrdiff_t>(d));
    if (looks_for_partial_copies()) shingle_counts.erase(shingle_counts.begin() + static_cast<std::ptrdiff_t>(d));
    if (sentences) {
      sentences->remove(d);
      sentence_counts.erase(sentence_counts.begin() + static_cast<std::ptrdiff_t>(d));
    }
    current_scope.reset();
    near_duplicates.clear();
    partial_copies.clear();
    events.clear();
    translations.clear();
    vectors.resize(0, 0);
  }

  // The random projection streams: each document's TF-IDF vector lives only while it is projected.
  void build_vectors(const std::vector<float>& idf) {
    const std::size_t n = records.size();
    report("project", 0, n);
    top_terms.resize(n);
    if (options.projection == ProjectionKind::Svd) {
      std::vector<SparseVector> tfidf(n);
      parallel_for(n, options.threads, [&](std::size_t i, int) {
        tfidf[i] = terms.tfidf(i, idf);
        top_terms.keep(i, tfidf[i]);
      });
      vectors = project_svd(tfidf, options.dimensions, options.seed);
    } else {
      vectors.resize(static_cast<Eigen::Index>(n), options.dimensions);
      parallel_for(n, options.threads, [&](std::size_t i, int) {
        const SparseVector tfidf = terms.tfidf(i, idf);
        top_terms.keep(i, tfidf);
        project_random(tfidf, options.dimensions, options.seed, vectors.row(static_cast<Eigen::Index>(i)).data());
      });
    }
    report("project", n, n);
  }

  void build_events() {
    std::vector<std::optional<int>> dates;
    dates.reserve(records.size());
    for (const auto& r : records) dates.push_back(r.date_days);
    report("search", 0, records.size());
    const std::vector<std::uint16_t> languages = language_numbers();
    auto clusters = find_events(vectors, dates, languages, options.knn, options.events, options.threads,
                                [&](const std::vector<SimilarityEdge>& edges) {
                                  report("search", records.size(), records.size());
                                  if (sentences) keep_translation_candidates(edges, languages);
                                });
    events.clear();
    for (auto& members : clusters) events.push_back(describe_event(std::move(members)));
  }

  // Cross-language copies are looked for among the kNN edges between languages that stay inside
  // one event: a translation tells the same story, so it is among its original's nearest
  // neighbours and in its event (NTREX: every translation pair was both).
  void find_translations(const std::vector<float>& idf) {
    translations.clear();
    if (!sentences) return;
    sentences->flush();
    std::vector<std::uint32_t> event_of(records.size());
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
    parallel_for(work.size(), options.threads, [&](std::size_t k, int) {
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
    for (auto& ids : sentences->read(d)) {
      std::sort(ids.begin(), ids.end());
      SparseVector v;
      double norm2 = 0.0;
      for (std::size_t i = 0; i < ids.size();) {
        std::size_t end = i;
        while (end < ids.size() && ids[end] == ids[i]) ++end;
        const float w = (1.0f + std::log(static_cast<float>(end - i))) * terms.idf_of(ids[i], idf);
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
    const auto fewer = std::min(sentence_counts[a], sentence_counts[b]), more = std::max(sentence_counts[a], sentence_counts[b]);
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
    codes.reserve(records.size());
    for (const auto& r : records) codes.push_back(r.lang);
    return number_languages(codes);
  }

  EventCluster describe_event(std::vector<std::size_t> members) const {
    EventCluster e;
    std::unordered_map<std::uint64_t, float> weight_of_term;
    for (std::size_t m : members) {
      top_terms.for_each(m, [&](std::uint64_t term, float weight) { weight_of_term[term] += weight; });
      if (const auto d = records[m].date_days) {
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
    const bool has_english = std::any_of(members.begin(), members.end(), [&](std::size_t m) { return records[m].lang == "en"; });
    std::vector<std::string> folded;
    for (std::size_t i = 0; i < ranked.size() && e.top_terms.size() < static_cast<std::size_t>(options.top_terms); ++i) {
      if (has_english && terms.shown_by_gloss(ranked[i].second)) continue;
      const std::string& word = terms.name(ranked[i].second);
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
    e.label = records[e.representative].title;
    if (e.label.empty())
      for (const auto& term : e.top_terms) e.label += (e.label.empty() ? "" : ", ") + term;
    for (std::size_t m : members) {
      e.languages.push_back(records[m].lang);
      if (!records[m].source.empty()) e.sources.push_back(records[m].source);
    }
    for (auto* list : {&e.languages, &e.sources}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
  }
};

CorpusEngine::CorpusEngine(EngineOptions options) : state_(std::make_unique<State>(std::move(options))) {}
CorpusEngine::~CorpusEngine() = default;

void CorpusEngine::add(Document&& document) {
  state_->register_id(document.id);
  state_->pending.push_back(std::move(document));
  if (state_->pending.size() >= kDocumentsPerThreadInBatch * static_cast<std::size_t>(state_->options.threads))
    state_->analyze_pending();
}

std::vector<DocumentFeatures> CorpusEngine::analyze(std::vector<Document> documents) {
  state_->analyze_pending();
  return state_->analyze_all(documents);
}

void CorpusEngine::add_analyzed(DocumentFeatures&& features) {
  state_->analyze_pending();
  state_->register_id(features.record.id);
  state_->keep_features(std::move(features));
}

void CorpusEngine::add_term_name(TermName name) { state_->terms.add_name(name); }

bool CorpusEngine::remove(const std::string& id) {
  State& s = *state_;
  if (s.built_without_inputs)
    throw std::logic_error("remove() after a build of an engine that does not keep its build inputs");
  if (!s.index_of_id.count(id)) return false;
  s.analyze_pending();
  s.remove(s.index_of_id.at(id));
  return true;
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
  s.terms.shrink_to_fit();
  s.records.shrink_to_fit();
  s.signatures.shrink_to_fit();
  s.report("near-duplicates", 0, s.records.size());
  s.near_duplicates = find_near_duplicate_groups(s.signatures, s.options.near_duplicates, s.options.threads);
  s.partial_copies.clear();
  if (s.looks_for_partial_copies())
    s.partial_copies = find_partial_copies(s.signatures, s.shingle_counts, s.near_duplicates, s.options.near_duplicates,
                                           s.options.threads);
  s.report("near-duplicates", s.records.size(), s.records.size());
  if (scope == BuildScope::NearDuplicatesOnly) return;
  if (!s.options.keep_build_inputs) {
    std::vector<MinHashSignature>().swap(s.signatures);
    std::vector<std::uint32_t>().swap(s.shingle_counts);
    return_free_heap_pages();
  }
  if (s.options.near_duplicates_only)
    throw std::logic_error("this engine analyzes documents for near-duplicates only: it cannot build events");
  const std::vector<float> idf = s.terms.idf();
  s.build_vectors(idf);
  if (!s.options.keep_build_inputs) s.terms.release_documents();
  s.build_events();
  s.find_translations(idf);
}

std::size_t CorpusEngine::size() const { return state_->records.size() + state_->pending.size(); }
const DocumentRecord& CorpusEngine::document(std::size_t index) const { return state_->records.at(index); }
std::optional<std::size_t> CorpusEngine::find(const std::string& id) const {
  const auto it = state_->index_of_id.find(id);
  if (it == state_->index_of_id.end()) return std::nullopt;
  return it->second;
}
const MinHashSignature& CorpusEngine::signature(std::size_t index) const {
  if (!state_->options.keep_build_inputs) throw std::logic_error("signatures are not kept by this engine");
  return state_->signatures.at(index);
}
const DenseMatrix& CorpusEngine::vectors() const { return state_->vectors; }
TermCounts CorpusEngine::term_counts(std::size_t index) const {
  if (state_->options.near_duplicates_only) throw std::logic_error("this engine analyzes documents for near-duplicates only: it has no terms");
  if (!state_->terms.holds_documents()) throw std::logic_error("term counts are not kept by this engine after its build");
  if (index >= state_->records.size()) throw std::out_of_range("document index out of range");
  return state_->terms.counts(index);
}
DocumentFrequencies CorpusEngine::document_frequencies() const {
  if (state_->options.near_duplicates_only) throw std::logic_error("this engine analyzes documents for near-duplicates only: it has no terms");
  if (!state_->terms.holds_documents()) throw std::logic_error("term counts are not kept by this engine after its build");
  return state_->terms.frequencies();
}
const std::vector<NearDuplicateGroup>& CorpusEngine::near_duplicate_groups() const { return state_->near_duplicates; }
const std::vector<PartialCopy>& CorpusEngine::partial_copies() const { return state_->partial_copies; }
const std::vector<EventCluster>& CorpusEngine::event_clusters() const { return state_->events; }
const std::vector<TranslationPair>& CorpusEngine::translations() const { return state_->translations; }
const EngineOptions& CorpusEngine::options() const { return state_->options; }
const ConceptTable* CorpusEngine::concept_table() const { return state_->concepts.get(); }

}  // namespace parallax
