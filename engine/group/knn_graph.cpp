#include "group/knn_graph.hpp"

#include "blas/lazy_blas.hpp"
#include "core/openmp_threads.hpp"
#include "group/inverted_file_search.hpp"
#include "group/neighbour_edges.hpp"

#include <faiss/IndexFlat.h>
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <stdexcept>

namespace parallax {
namespace {

using FaissId = faiss::Index::idx_t;

// The value at quantile q of v (reordered).
float quantile(std::vector<float>& v, double q) {
  const auto k = static_cast<std::ptrdiff_t>(q * static_cast<double>(v.size() - 1) + 0.5);
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[static_cast<std::size_t>(k)];
}

// Writes a document's background from its cosines to candidates in other languages (`scores`,
// reordered), `candidates` of them in all (more than the scores when these are a sample). Median
// and interquartile range (as a normal deviation: IQR / 1.349) rather than mean and standard
// deviation: the few documents of its own event among the candidates must not raise the level it
// is then measured against.
void set_background(CrossLanguageBackground& background, std::size_t document, std::vector<float>& scores,
                    std::size_t candidates) {
  if (scores.empty()) return;
  const float median = quantile(scores, 0.5);
  const float spread = quantile(scores, 0.75) - quantile(scores, 0.25);
  background.median[document] = median;
  background.deviation[document] = spread / 1.349f;
  background.candidates[document] =
      static_cast<std::uint32_t>(std::min<std::size_t>(candidates, std::numeric_limits<std::uint32_t>::max()));
}

// Past this many documents in other languages, the whole-corpus background is taken over an
// evenly strided sample of them: a median and a spread need no more, and every pair would cost N^2.
constexpr std::size_t kBackgroundSample = 512;

// The background of the given queries against every document of the corpus in another language.
void background_in_whole_corpus(const HalfMatrix& vectors, const std::vector<std::size_t>& queries, int threads,
                                CrossLanguageBackground& background) {
  const std::vector<std::uint16_t>& languages = *background.languages;
  std::vector<std::uint16_t> present;
  for (std::size_t q : queries) present.push_back(languages[q]);
  std::sort(present.begin(), present.end());
  present.erase(std::unique(present.begin(), present.end()), present.end());
  for (const std::uint16_t language : present) {
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < languages.size(); ++i)
      if (languages[i] != language) others.push_back(i);
    if (others.empty()) continue;
    const std::size_t step = (others.size() + kBackgroundSample - 1) / kBackgroundSample;
    DenseMatrix sample(static_cast<Eigen::Index>((others.size() + step - 1) / step), vectors.cols());
    for (Eigen::Index s = 0; s < sample.rows(); ++s) vectors.widen_row(static_cast<Eigen::Index>(others[s * step]), sample.row(s).data());
    std::vector<std::size_t> mine;
    for (std::size_t q : queries)
      if (languages[q] == language) mine.push_back(q);
    constexpr std::size_t kChunk = 256;
#pragma omp parallel for schedule(dynamic, 1) num_threads(std::max(1, threads))
    for (std::size_t begin = 0; begin < mine.size(); begin += kChunk) {
      const std::size_t end = std::min(mine.size(), begin + kChunk);
      DenseMatrix rows(static_cast<Eigen::Index>(end - begin), vectors.cols());
      for (std::size_t r = begin; r < end; ++r)
        vectors.widen_row(static_cast<Eigen::Index>(mine[r]), rows.row(static_cast<Eigen::Index>(r - begin)).data());
      const DenseMatrix scores = rows * sample.transpose();
      std::vector<float> across(static_cast<std::size_t>(scores.cols()));
      for (Eigen::Index r = 0; r < scores.rows(); ++r) {
        for (Eigen::Index c = 0; c < scores.cols(); ++c) across[static_cast<std::size_t>(c)] = scores(r, c);
        set_background(background, mine[begin + static_cast<std::size_t>(r)], across, others.size());
      }
    }
  }
}

// Each pair may appear twice (found from both ends): keep one.
void sort_and_deduplicate(std::vector<SimilarityEdge>& edges) {
  std::sort(edges.begin(), edges.end(), [](const auto& x, const auto& y) {
    return x.a < y.a || (x.a == y.a && x.b < y.b);
  });
  edges.erase(std::unique(edges.begin(), edges.end(), [](const auto& x, const auto& y) {
                return x.a == y.a && x.b == y.b;
              }),
              edges.end());
}

// kNN of the given query rows against the whole corpus: exact up to the search limit, an inverted
// file past it.
void search_whole_corpus(const HalfMatrix& vectors, const std::vector<std::size_t>& queries, const KnnParams& params,
                         int threads, std::vector<SimilarityEdge>& edges, CrossLanguageBackground* background) {
  const auto n = static_cast<std::size_t>(vectors.rows());
  if (n > params.exact_search_limit) {
    inverted_file_search(vectors, {}, 0, queries, params, threads, edges);
  } else {
    const OpenMpThreads scoped(threads);
    load_blas();  // here, where its failure is an exception: FAISS calls BLAS inside OpenMP regions
    faiss::IndexFlatIP index(static_cast<FaissId>(vectors.cols()));
    // Widened a chunk at a time: the index keeps its own float copy, a whole second one is not needed.
    constexpr std::size_t kChunk = 4096;
    std::vector<float> chunk(std::min(n, kChunk) * static_cast<std::size_t>(vectors.cols()));
    for (std::size_t begin = 0; begin < n; begin += kChunk) {
      const std::size_t rows = std::min(kChunk, n - begin);
      vectors.widen_rows(static_cast<Eigen::Index>(begin), static_cast<Eigen::Index>(rows), chunk.data());
      index.add(static_cast<FaissId>(rows), chunk.data());
    }
    const int k = static_cast<int>(std::min<std::size_t>(params.neighbors + 1, n));
    DenseMatrix query_rows(static_cast<Eigen::Index>(queries.size()), vectors.cols());
    for (std::size_t i = 0; i < queries.size(); ++i)
      vectors.widen_row(static_cast<Eigen::Index>(queries[i]), query_rows.row(static_cast<Eigen::Index>(i)).data());
    std::vector<float> similarities(queries.size() * k);
    std::vector<FaissId> labels(queries.size() * k);
    index.search(static_cast<FaissId>(queries.size()), query_rows.data(), k, similarities.data(), labels.data());
    for (std::size_t i = 0; i < queries.size(); ++i)
      add_query_edges(queries[i], labels.data() + i * k, similarities.data() + i * k, k, params.min_similarity, edges);
  }
  if (background) background_in_whole_corpus(vectors, queries, threads, *background);
}

// Dated documents sorted by day, cut into blocks of one day (at most kMaxBlockQueries each); a
// block's candidates are the documents dated within the window of its day, plus undated ones.
struct DateBlock {
  std::size_t begin, end;                      // queries: positions in the day-sorted order
  std::size_t candidates_begin, candidates_end;
};

constexpr std::size_t kMaxBlockQueries = 512;

std::vector<DateBlock> date_blocks(const std::vector<int>& sorted_days, int window_days) {
  std::vector<DateBlock> blocks;
  for (std::size_t i = 0; i < sorted_days.size();) {
    std::size_t day_end = i;
    while (day_end < sorted_days.size() && sorted_days[day_end] == sorted_days[i]) ++day_end;
    const auto lo = std::lower_bound(sorted_days.begin(), sorted_days.end(), sorted_days[i] - window_days);
    const auto hi = std::upper_bound(sorted_days.begin(), sorted_days.end(), sorted_days[i] + window_days);
    for (std::size_t b = i; b < day_end; b += kMaxBlockQueries)
      blocks.push_back({b, std::min(day_end, b + kMaxBlockQueries), static_cast<std::size_t>(lo - sorted_days.begin()),
                        static_cast<std::size_t>(hi - sorted_days.begin())});
    i = day_end;
  }
  return blocks;
}

// One block: gathers queries and candidates, scores all pairs with one matrix product, keeps
// each query's k best (and, with `background`, its background across languages: the scores are at
// hand, so it costs one pass over them).
void search_block(const HalfMatrix& vectors, const std::vector<std::size_t>& dated_order,
                  const std::vector<std::size_t>& undated, const DateBlock& block, int k, float min_similarity,
                  std::vector<SimilarityEdge>& edges, CrossLanguageBackground* background) {
  const Eigen::Index dims = vectors.cols();
  const std::size_t window = block.candidates_end - block.candidates_begin;
  std::vector<FaissId> candidate_ids(window + undated.size());
  DenseMatrix candidates(static_cast<Eigen::Index>(candidate_ids.size()), dims);
  for (std::size_t c = 0; c < candidate_ids.size(); ++c) {
    candidate_ids[c] = static_cast<FaissId>(c < window ? dated_order[block.candidates_begin + c] : undated[c - window]);
    vectors.widen_row(candidate_ids[c], candidates.row(static_cast<Eigen::Index>(c)).data());
  }
  DenseMatrix queries(static_cast<Eigen::Index>(block.end - block.begin), dims);
  for (std::size_t q = block.begin; q < block.end; ++q)
    vectors.widen_row(static_cast<Eigen::Index>(dated_order[q]), queries.row(static_cast<Eigen::Index>(q - block.begin)).data());
  DenseMatrix scores(queries.rows(), candidates.rows());
  scores.noalias() = queries * candidates.transpose();

  const int keep = std::min<int>(k, static_cast<int>(candidate_ids.size()));
  std::vector<std::pair<float, FaissId>> ranked(candidate_ids.size());
  std::vector<FaissId> labels(keep);
  std::vector<float> similarities(keep);
  std::vector<float> across;
  for (Eigen::Index q = 0; q < queries.rows(); ++q) {
    const std::size_t document = dated_order[block.begin + static_cast<std::size_t>(q)];
    if (background) {  // each document is the query of one block only: no other thread writes its slot
      const std::vector<std::uint16_t>& languages = *background->languages;
      across.clear();
      for (std::size_t c = 0; c < candidate_ids.size(); ++c)
        if (languages[static_cast<std::size_t>(candidate_ids[c])] != languages[document])
          across.push_back(scores(q, static_cast<Eigen::Index>(c)));
      set_background(*background, document, across, across.size());
    }
    for (std::size_t c = 0; c < ranked.size(); ++c) ranked[c] = {scores(q, static_cast<Eigen::Index>(c)), candidate_ids[c]};
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(),
                      [](const auto& x, const auto& y) { return x.first > y.first || (x.first == y.first && x.second < y.second); });
    for (int j = 0; j < keep; ++j) {
      similarities[j] = ranked[j].first;
      labels[j] = ranked[j].second;
    }
    add_query_edges(document, labels.data(), similarities.data(), keep, min_similarity, edges);
  }
}

// Sizes the output of `background` (every document NaN until a search fills it).
void prepare(CrossLanguageBackground* background, std::size_t n) {
  if (!background) return;
  background->median.assign(n, std::numeric_limits<float>::quiet_NaN());
  background->deviation.assign(n, std::numeric_limits<float>::quiet_NaN());
  background->candidates.assign(n, 0);
}

}  // namespace

std::vector<SimilarityEdge> knn_graph(const HalfMatrix& vectors, const KnnParams& params, int threads,
                                      CrossLanguageBackground* background) {
  const auto n = static_cast<std::size_t>(vectors.rows());
  prepare(background, n);
  if (n < 2) return {};
  if (n > (std::size_t{1} << 32)) throw std::invalid_argument("the kNN graph takes at most 2^32 documents");
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = i;
  std::vector<SimilarityEdge> edges;
  edges.reserve(n * std::min<std::size_t>(params.neighbors, n - 1));
  search_whole_corpus(vectors, all, params, threads, edges, background);
  sort_and_deduplicate(edges);
  return edges;
}

std::vector<SimilarityEdge> knn_graph_in_date_windows(const HalfMatrix& vectors,
                                                      const std::vector<std::optional<int>>& dates,
                                                      int window_days, const KnnParams& params, int threads,
                                                      CrossLanguageBackground* background) {
  const auto n = static_cast<std::size_t>(vectors.rows());
  if (n < 2 || window_days <= 0) return knn_graph(vectors, params, threads, background);
  std::vector<std::size_t> dated, undated;
  for (std::size_t i = 0; i < n; ++i) (dates[i] ? dated : undated).push_back(i);
  if (dated.empty()) return knn_graph(vectors, params, threads, background);
  std::stable_sort(dated.begin(), dated.end(), [&](std::size_t x, std::size_t y) { return *dates[x] < *dates[y]; });
  std::vector<int> sorted_days(dated.size());
  for (std::size_t i = 0; i < dated.size(); ++i) sorted_days[i] = *dates[dated[i]];
  const auto blocks = date_blocks(sorted_days, window_days);
  std::size_t widest = 0;
  for (const auto& b : blocks) widest = std::max(widest, b.candidates_end - b.candidates_begin);
  prepare(background, n);
  if (widest + undated.size() > params.exact_search_limit) {
    // Past the limit, an inverted file whose lists are sliced by the same windows.
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    std::vector<SimilarityEdge> edges;
    inverted_file_search(vectors, dates, window_days, all, params, threads, edges);
    if (background) background_in_whole_corpus(vectors, all, threads, *background);
    sort_and_deduplicate(edges);
    edges.shrink_to_fit();
    return edges;
  }

  const int k = static_cast<int>(std::min<std::size_t>(params.neighbors + 1, n));
  const int workers = std::max(1, threads);
  std::vector<std::vector<SimilarityEdge>> found(workers);
  // One block per task; inside a parallel region Eigen's matrix product stays single-threaded. An
  // exception must not leave an OpenMP region (std::terminate): the first is kept, the remaining
  // blocks are skipped, and it is rethrown here (out of memory becomes a message, not an abort).
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
#pragma omp parallel for schedule(dynamic, 1) num_threads(workers)
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (failed.load(std::memory_order_relaxed)) continue;
    try {
      search_block(vectors, dated, undated, blocks[b], k, params.min_similarity, found[omp_get_thread_num()],
                   background);
    } catch (...) {
#pragma omp critical(parallax_knn_failure)
      if (!failure) failure = std::current_exception();
      failed = true;
    }
  }
  if (failure) std::rethrow_exception(failure);

  // Merged one list at a time, each deduplicated first, so the peak stays near one copy of the edges.
  std::vector<SimilarityEdge> edges;
  if (!undated.empty()) search_whole_corpus(vectors, undated, params, threads, edges, background);
  for (auto& f : found) {
    sort_and_deduplicate(f);
    if (edges.empty()) {
      edges.swap(f);
      continue;
    }
    edges.insert(edges.end(), f.begin(), f.end());
    std::vector<SimilarityEdge>().swap(f);
  }
  sort_and_deduplicate(edges);
  edges.shrink_to_fit();
  return edges;
}

}  // namespace parallax
