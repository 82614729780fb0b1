#include "pipeline/corpus_engine.hpp"

#include <algorithm>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "features/tfidf.hpp"
#include "io/date.hpp"
#include "text/analyzer.hpp"

namespace parallax {
namespace {

// Documents analyzed together: big enough to keep every thread busy, small enough that the
// texts waiting in a batch stay a few megabytes.
constexpr std::size_t kDocumentsPerThreadInBatch = 256;

struct AnalyzedDocument {
  std::string lang;
  TermCounts term_counts;
  MinHashSignature signature;  // empty when the text has no word at all
  std::vector<std::pair<std::uint64_t, std::string>> new_term_names;
};

// Runs fn(i) for i in [0, count) on up to `threads` threads, each with its own analyzer.
template <typename Fn>
void parallel_for(std::size_t count, int threads, Fn fn) {
  const int workers = static_cast<int>(std::min<std::size_t>(std::max(1, threads), std::max<std::size_t>(count, 1)));
  std::vector<std::thread> pool;
  for (int w = 0; w < workers; ++w) {
    pool.emplace_back([&, w] {
      for (std::size_t i = w; i < count; i += workers) fn(i, w);
    });
  }
  for (auto& t : pool) t.join();
}

}  // namespace

int resolve_thread_count(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

struct CorpusEngine::State {
  explicit State(EngineOptions o) : options(std::move(o)), hasher(options.minhash) {
    options.threads = resolve_thread_count(options.threads);
    analyzers.resize(options.threads);
  }

  EngineOptions options;
  MinHasher hasher;
  std::vector<TextAnalyzer> analyzers;  // one per worker thread

  std::vector<Document> pending;
  std::vector<DocumentRecord> records;
  std::unordered_map<std::string, std::size_t> index_of_id;
  std::vector<TermCounts> term_counts;
  std::vector<MinHashSignature> signatures;
  std::unordered_map<std::uint64_t, std::string> term_names;

  DenseMatrix vectors;
  ProjectionKind projection_used = ProjectionKind::Auto;
  std::vector<NearDuplicateGroup> near_duplicates;
  std::vector<EventCluster> events;

  void report(const char* stage, std::size_t done, std::size_t total) const {
    if (options.progress) options.progress(stage, done, total);
  }

  AnalyzedDocument analyze(const Document& doc, TextAnalyzer& analyzer) const {
    // The title is part of the story: analyze it with the body.
    const std::string text = doc.title.empty() ? doc.text : doc.title + "\n" + doc.text;
    AnalyzedText analyzed = analyzer.analyze(text, doc.lang);
    AnalyzedDocument out;
    out.lang = analyzed.lang;
    out.term_counts = count_terms(analyzed.terms);
    if (!analyzed.tokens.empty()) out.signature = hasher.signature(analyzed.tokens);
    for (const auto& term : analyzed.terms) out.new_term_names.emplace_back(term_hash(term), term);
    return out;
  }

  void analyze_pending() {
    if (pending.empty()) return;
    std::vector<AnalyzedDocument> analyzed(pending.size());
    parallel_for(pending.size(), options.threads,
                 [&](std::size_t i, int worker) { analyzed[i] = analyze(pending[i], analyzers[worker]); });
    for (std::size_t i = 0; i < pending.size(); ++i) keep_features(std::move(pending[i]), std::move(analyzed[i]));
    pending.clear();
    report("analyze", records.size(), records.size());
  }

  void keep_features(Document&& doc, AnalyzedDocument&& a) {
    DocumentRecord r;
    r.id = std::move(doc.id);
    r.title = std::move(doc.title);
    r.source = std::move(doc.source);
    r.lang = doc.lang.empty() ? a.lang : std::move(doc.lang);
    r.date = std::move(doc.date);
    r.url = std::move(doc.url);
    r.origin = std::move(doc.origin);
    r.extra_fields = std::move(doc.extra_fields);
    r.date_days = parse_iso_date_days(r.date);
    r.text_bytes = doc.text.size();
    index_of_id.emplace(r.id, records.size());
    records.push_back(std::move(r));
    term_counts.push_back(std::move(a.term_counts));
    signatures.push_back(std::move(a.signature));
    for (auto& [hash, name] : a.new_term_names) term_names.try_emplace(hash, std::move(name));
  }

  std::vector<SparseVector> tfidf_vectors() const {
    DocumentFrequencies df;
    for (const auto& tc : term_counts) df.add(tc);
    std::vector<SparseVector> out(term_counts.size());
    parallel_for(out.size(), options.threads,
                 [&](std::size_t i, int) { out[i] = tfidf_vector(term_counts[i], df); });
    return out;
  }

  void build_vectors(const std::vector<SparseVector>& tfidf) {
    report("project", 0, tfidf.size());
    ProjectionKind kind = options.projection;
    if (kind == ProjectionKind::Auto) kind = tfidf.size() <= kAutoSvdLimit ? ProjectionKind::Svd : ProjectionKind::Random;
    projection_used = kind;
    if (kind == ProjectionKind::Svd) {
      vectors = project_svd(tfidf, options.dimensions, options.seed);
    } else {
      vectors.resize(static_cast<Eigen::Index>(tfidf.size()), options.dimensions);
      parallel_for(tfidf.size(), options.threads, [&](std::size_t i, int) {
        project_random(tfidf[i], options.dimensions, options.seed, vectors.row(static_cast<Eigen::Index>(i)).data());
      });
    }
    report("project", tfidf.size(), tfidf.size());
  }

  void build_events(const std::vector<SparseVector>& tfidf) {
    report("search", 0, records.size());
    const auto edges = knn_graph(vectors, options.knn, options.threads);
    report("search", records.size(), records.size());
    std::vector<std::optional<int>> dates;
    dates.reserve(records.size());
    for (const auto& r : records) dates.push_back(r.date_days);
    events.clear();
    for (auto& members : cluster_events(vectors, edges, dates, options.events))
      events.push_back(describe_event(std::move(members), tfidf));
  }

  EventCluster describe_event(std::vector<std::size_t> members, const std::vector<SparseVector>& tfidf) const {
    EventCluster e;
    Eigen::VectorXf centroid = Eigen::VectorXf::Zero(vectors.cols());
    std::unordered_map<std::uint64_t, float> weight_of_term;
    for (std::size_t m : members) {
      centroid += vectors.row(static_cast<Eigen::Index>(m)).transpose();
      for (std::size_t t = 0; t < tfidf[m].terms.size(); ++t) weight_of_term[tfidf[m].terms[t]] += tfidf[m].weights[t];
      if (const auto d = records[m].date_days) {
        e.first_date_days = e.first_date_days ? std::min(*e.first_date_days, *d) : *d;
        e.last_date_days = e.last_date_days ? std::max(*e.last_date_days, *d) : *d;
      }
    }
    e.representative = *std::max_element(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
      return vectors.row(static_cast<Eigen::Index>(x)).dot(centroid) < vectors.row(static_cast<Eigen::Index>(y)).dot(centroid);
    });
    std::vector<std::pair<float, std::uint64_t>> ranked;
    for (const auto& [term, w] : weight_of_term) ranked.emplace_back(w, term);
    const std::size_t keep = std::min<std::size_t>(ranked.size(), options.top_terms);
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(),
                      [](const auto& x, const auto& y) { return x.first > y.first || (x.first == y.first && x.second < y.second); });
    for (std::size_t i = 0; i < keep; ++i) e.top_terms.push_back(term_names.at(ranked[i].second));
    e.members = std::move(members);
    return e;
  }
};

CorpusEngine::CorpusEngine(EngineOptions options) : state_(std::make_unique<State>(std::move(options))) {}
CorpusEngine::~CorpusEngine() = default;

void CorpusEngine::add(Document&& document) {
  state_->pending.push_back(std::move(document));
  if (state_->pending.size() >= kDocumentsPerThreadInBatch * static_cast<std::size_t>(state_->options.threads))
    state_->analyze_pending();
}

void CorpusEngine::build(BuildScope scope) {
  State& s = *state_;
  s.analyze_pending();
  s.report("near-duplicates", 0, s.records.size());
  s.near_duplicates = find_near_duplicate_groups(s.signatures, s.options.near_duplicates, s.options.threads);
  s.report("near-duplicates", s.records.size(), s.records.size());
  if (scope == BuildScope::NearDuplicatesOnly) return;
  const auto tfidf = s.tfidf_vectors();
  s.build_vectors(tfidf);
  s.build_events(tfidf);
}

std::size_t CorpusEngine::size() const { return state_->records.size() + state_->pending.size(); }
const DocumentRecord& CorpusEngine::document(std::size_t index) const { return state_->records.at(index); }
std::optional<std::size_t> CorpusEngine::find(const std::string& id) const {
  const auto it = state_->index_of_id.find(id);
  if (it == state_->index_of_id.end()) return std::nullopt;
  return it->second;
}
const MinHashSignature& CorpusEngine::signature(std::size_t index) const { return state_->signatures.at(index); }
const DenseMatrix& CorpusEngine::vectors() const { return state_->vectors; }
const std::vector<NearDuplicateGroup>& CorpusEngine::near_duplicate_groups() const { return state_->near_duplicates; }
const std::vector<EventCluster>& CorpusEngine::event_clusters() const { return state_->events; }
const EngineOptions& CorpusEngine::options() const { return state_->options; }
ProjectionKind CorpusEngine::projection_used() const { return state_->projection_used; }

}  // namespace parallax
