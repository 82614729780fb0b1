#include "group/inverted_file_search.hpp"

#include "blas/lazy_blas.hpp"
#include "core/openmp_threads.hpp"
#include "group/neighbour_edges.hpp"

#include <faiss/Clustering.h>
#include <faiss/IndexFlat.h>
#include <faiss/utils/random.h>
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <stdexcept>

namespace parallax {
namespace {

constexpr int kUndated = std::numeric_limits<int>::max();  // sorts after every day

// A document or a list scored for a query; the better of two is the higher score, then the lower
// number, so that a top-k is one set whatever order candidates come in.
struct Scored {
  float score;
  std::uint32_t id;
};

bool ranks_before(const Scored& x, const Scored& y) { return x.score > y.score || (x.score == y.score && x.id < y.id); }

// The best `capacity` of what is offered, in heap[0..size): a heap with the worst on top.
void offer(Scored* heap, std::uint32_t& size, std::uint32_t capacity, Scored candidate) {
  if (size < capacity) {
    heap[size++] = candidate;
    std::push_heap(heap, heap + size, ranks_before);
  } else if (capacity > 0 && ranks_before(candidate, heap[0])) {
    std::pop_heap(heap, heap + size, ranks_before);
    heap[size - 1] = candidate;
    std::push_heap(heap, heap + size, ranks_before);
  }
}

// Lists of document numbers, each ordered by day (undated last), then by number.
struct InvertedLists {
  std::vector<std::size_t> offsets;    // list l: members[offsets[l] .. offsets[l + 1])
  std::vector<std::uint32_t> members;
  std::vector<int> days;               // members' days (kUndated for none)
};

// Spherical k-means centroids (lists x dims), trained by FAISS on a seeded sample of at most 40
// vectors per list (the same centroids at every run), 10 iterations. The sample is drawn here, as
// FAISS would draw it, so that only it is widened to floats, not the whole corpus.
DenseMatrix train_centroids(const HalfMatrix& vectors, std::size_t lists, int threads) {
  const auto dims = static_cast<std::size_t>(vectors.cols());
  faiss::ClusteringParameters parameters;
  parameters.niter = 10;
  parameters.spherical = true;
  parameters.max_points_per_centroid = 40;
  parameters.min_points_per_centroid = 1;  // no warning on a small corpus (a small --exact-search-limit)
  const auto n = static_cast<std::size_t>(vectors.rows());
  const std::size_t sample_size = std::min(n, lists * static_cast<std::size_t>(parameters.max_points_per_centroid));
  std::vector<int> order(n);
  faiss::rand_perm(order.data(), n, parameters.seed);
  DenseMatrix sample(static_cast<Eigen::Index>(sample_size), static_cast<Eigen::Index>(dims));
  for (std::size_t s = 0; s < sample_size; ++s) vectors.widen_row(order[s], sample.row(static_cast<Eigen::Index>(s)).data());
  std::vector<int>().swap(order);
  faiss::Clustering clustering(static_cast<int>(dims), static_cast<int>(lists), parameters);
  faiss::IndexFlatIP assigner(static_cast<faiss::Index::idx_t>(dims));
  {
    const OpenMpThreads scoped(threads);
    clustering.train(static_cast<faiss::Index::idx_t>(sample_size), sample.data(), assigner);
  }
  DenseMatrix centroids(static_cast<Eigen::Index>(lists), static_cast<Eigen::Index>(dims));
  std::memcpy(centroids.data(), clustering.centroids.data(), lists * dims * sizeof(float));
  return centroids;
}

// The `probes` lists whose centroids are nearest to each document (its own list first):
// document i's are probes[i * probes .. (i + 1) * probes).
std::vector<std::uint32_t> nearest_lists(const HalfMatrix& vectors, const DenseMatrix& centroids, int probes,
                                         int threads) {
  const auto n = static_cast<std::size_t>(vectors.rows());
  const auto lists = static_cast<std::size_t>(centroids.rows());
  const int dims = static_cast<int>(vectors.cols());
  const auto width = static_cast<std::uint32_t>(probes);
  constexpr std::size_t kChunk = 4096;
  std::vector<std::uint32_t> nearest(n * width);
  std::vector<float> scores(std::min(n, kChunk) * lists);
  std::vector<float> rows_of_chunk(std::min(n, kChunk) * static_cast<std::size_t>(dims));
  const int workers = std::max(1, threads);
  std::vector<Scored> heaps(static_cast<std::size_t>(workers) * width);
  for (std::size_t begin = 0; begin < n; begin += kChunk) {
    const std::size_t rows = std::min(kChunk, n - begin);
    vectors.widen_rows(static_cast<Eigen::Index>(begin), static_cast<Eigen::Index>(rows), rows_of_chunk.data());
    multiply_transposed(rows_of_chunk.data(), static_cast<int>(rows), centroids.data(),
                        static_cast<int>(lists), dims, scores.data());
    // Nothing in the loop allocates or throws: no exception can reach the OpenMP region's end.
#pragma omp parallel for schedule(static) num_threads(workers)
    for (std::size_t r = 0; r < rows; ++r) {
      Scored* heap = heaps.data() + static_cast<std::size_t>(omp_get_thread_num()) * width;
      std::uint32_t size = 0;
      const float* row = scores.data() + r * lists;
      for (std::size_t l = 0; l < lists; ++l) offer(heap, size, width, {row[l], static_cast<std::uint32_t>(l)});
      std::sort_heap(heap, heap + size, ranks_before);
      for (std::uint32_t p = 0; p < size; ++p) nearest[(begin + r) * width + p] = heap[p].id;
    }
  }
  return nearest;
}

InvertedLists fill_lists(const std::vector<std::uint32_t>& nearest, std::size_t probes, std::size_t lists,
                         const std::vector<int>& day) {
  const std::size_t n = day.size();
  std::vector<std::uint32_t> by_day(n);
  for (std::size_t i = 0; i < n; ++i) by_day[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(by_day.begin(), by_day.end(), [&](std::uint32_t x, std::uint32_t y) { return day[x] < day[y]; });
  InvertedLists out;
  out.offsets.assign(lists + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++out.offsets[nearest[i * probes] + 1];
  for (std::size_t l = 0; l < lists; ++l) out.offsets[l + 1] += out.offsets[l];
  std::vector<std::size_t> next(out.offsets.begin(), out.offsets.end() - 1);
  out.members.resize(n);
  out.days.resize(n);
  for (const std::uint32_t i : by_day) {
    const std::size_t slot = next[nearest[i * probes]]++;
    out.members[slot] = i;
    out.days[slot] = day[i];
  }
  return out;
}

// The queries that share one date window (one day, or all undated), at most kBlockQueries.
struct QueryBlock {
  std::size_t begin, end;  // positions in the day-sorted queries
  int day;                 // kUndated: the whole corpus
};

constexpr std::size_t kBlockQueries = 16384;

std::vector<QueryBlock> query_blocks(const std::vector<std::size_t>& sorted_queries, const std::vector<int>& day) {
  std::vector<QueryBlock> blocks;
  for (std::size_t i = 0; i < sorted_queries.size();) {
    const int d = day[sorted_queries[i]];
    std::size_t end = i;
    while (end < sorted_queries.size() && end - i < kBlockQueries && day[sorted_queries[end]] == d) ++end;
    blocks.push_back({i, end, d});
    i = end;
  }
  return blocks;
}

// Scores one block's queries against the members of their probed lists inside the block's window
// (one BLAS product per list) and appends each query's best as edges.
class BlockSearch {
 public:
  BlockSearch(const HalfMatrix& vectors, const InvertedLists& lists, const std::vector<std::uint32_t>& nearest,
              std::size_t probes, int window_days, const KnnParams& params)
      : vectors_(vectors), lists_(lists), nearest_(nearest), probes_(probes), window_days_(window_days),
        keep_(static_cast<std::uint32_t>(std::min<std::size_t>(params.neighbors + 1, vectors.rows()))),
        min_similarity_(params.min_similarity), by_list_offsets_(lists.offsets.size()) {}

  void run(const std::vector<std::size_t>& sorted_queries, const QueryBlock& block, std::vector<SimilarityEdge>& edges) {
    const std::size_t count = block.end - block.begin;
    bucket_by_list(sorted_queries, block);
    heaps_.resize(count * keep_);
    sizes_.assign(count, 0);
    const std::size_t lists = lists_.offsets.size() - 1;
    for (std::size_t l = 0; l < lists; ++l) {
      const std::size_t first = by_list_offsets_[l], last = by_list_offsets_[l + 1];
      if (first < last) score_list(l, sorted_queries, block, first, last);
    }
    std::vector<std::int64_t> labels(keep_);
    std::vector<float> similarities(keep_);
    for (std::size_t q = 0; q < count; ++q) {
      Scored* heap = heaps_.data() + q * keep_;
      std::sort_heap(heap, heap + sizes_[q], ranks_before);
      for (std::uint32_t j = 0; j < sizes_[q]; ++j) {
        labels[j] = heap[j].id;
        similarities[j] = heap[j].score;
      }
      add_query_edges(sorted_queries[block.begin + q], labels.data(), similarities.data(), static_cast<int>(sizes_[q]),
                      min_similarity_, edges);
    }
  }

 private:
  // by_list_: the block's queries (positions in the block) grouped by probed list.
  void bucket_by_list(const std::vector<std::size_t>& sorted_queries, const QueryBlock& block) {
    std::fill(by_list_offsets_.begin(), by_list_offsets_.end(), 0);
    for (std::size_t q = block.begin; q < block.end; ++q)
      for (std::size_t p = 0; p < probes_; ++p) ++by_list_offsets_[nearest_[sorted_queries[q] * probes_ + p] + 1];
    for (std::size_t l = 0; l + 1 < by_list_offsets_.size(); ++l) by_list_offsets_[l + 1] += by_list_offsets_[l];
    next_.assign(by_list_offsets_.begin(), by_list_offsets_.end() - 1);
    by_list_.resize((block.end - block.begin) * probes_);
    for (std::size_t q = block.begin; q < block.end; ++q)
      for (std::size_t p = 0; p < probes_; ++p)
        by_list_[next_[nearest_[sorted_queries[q] * probes_ + p]]++] = static_cast<std::uint32_t>(q - block.begin);
  }

  // The members of list l a query of `day` may take: those dated inside its window, and undated ones.
  void window_members(std::size_t l, int day) {
    const auto first = lists_.days.begin() + static_cast<std::ptrdiff_t>(lists_.offsets[l]);
    const auto last = lists_.days.begin() + static_cast<std::ptrdiff_t>(lists_.offsets[l + 1]);
    candidates_.clear();
    const auto add = [&](std::vector<int>::const_iterator from, std::vector<int>::const_iterator to) {
      for (auto it = from; it != to; ++it) candidates_.push_back(lists_.members[static_cast<std::size_t>(it - lists_.days.begin())]);
    };
    if (day == kUndated || window_days_ <= 0) return add(first, last);
    const auto undated = std::lower_bound(first, last, kUndated);
    add(std::lower_bound(first, undated, day - window_days_), std::upper_bound(first, undated, day + window_days_));
    add(undated, last);
  }

  void score_list(std::size_t l, const std::vector<std::size_t>& sorted_queries, const QueryBlock& block,
                  std::size_t first, std::size_t last) {
    window_members(l, block.day);
    if (candidates_.empty()) return;
    const auto dims = static_cast<std::size_t>(vectors_.cols());
    const std::size_t rows = last - first, columns = candidates_.size();
    query_rows_.resize(rows * dims);
    for (std::size_t r = 0; r < rows; ++r)
      vectors_.widen_row(static_cast<Eigen::Index>(sorted_queries[block.begin + by_list_[first + r]]), query_rows_.data() + r * dims);
    candidate_rows_.resize(columns * dims);
    for (std::size_t c = 0; c < columns; ++c)
      vectors_.widen_row(static_cast<Eigen::Index>(candidates_[c]), candidate_rows_.data() + c * dims);
    scores_.resize(rows * columns);
    multiply_transposed(query_rows_.data(), static_cast<int>(rows), candidate_rows_.data(), static_cast<int>(columns),
                        static_cast<int>(dims), scores_.data());
    for (std::size_t r = 0; r < rows; ++r) {
      const std::uint32_t q = by_list_[first + r];
      Scored* heap = heaps_.data() + static_cast<std::size_t>(q) * keep_;
      const float* row = scores_.data() + r * columns;
      for (std::size_t c = 0; c < columns; ++c) offer(heap, sizes_[q], keep_, {row[c], candidates_[c]});
    }
  }

  const HalfMatrix& vectors_;
  const InvertedLists& lists_;
  const std::vector<std::uint32_t>& nearest_;
  std::size_t probes_;
  int window_days_;
  std::uint32_t keep_;
  float min_similarity_;
  std::vector<std::size_t> by_list_offsets_, next_;
  std::vector<std::uint32_t> by_list_, candidates_;
  std::vector<float> query_rows_, candidate_rows_, scores_;
  std::vector<Scored> heaps_;
  std::vector<std::uint32_t> sizes_;
};

}  // namespace

void inverted_file_search(const HalfMatrix& vectors, const std::vector<std::optional<int>>& dates, int window_days,
                          const std::vector<std::size_t>& queries, const KnnParams& params, int threads,
                          std::vector<SimilarityEdge>& edges) {
  const auto n = static_cast<std::size_t>(vectors.rows());
  if (n < 2 || queries.empty()) return;
  if (n > std::numeric_limits<std::uint32_t>::max()) throw std::invalid_argument("the kNN graph takes at most 2^32 documents");
  load_blas();
  const bool windows = window_days > 0 && dates.size() == n;
  std::vector<int> day(n, kUndated);
  if (windows)
    for (std::size_t i = 0; i < n; ++i)
      if (dates[i]) day[i] = *dates[i];

  const auto lists = std::clamp<std::size_t>(static_cast<std::size_t>(2 * std::sqrt(static_cast<double>(n))), 1, n);
  const std::size_t probes = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, params.ivf_probe)), lists);
  const DenseMatrix centroids = train_centroids(vectors, lists, threads);
  const auto nearest = nearest_lists(vectors, centroids, static_cast<int>(probes), threads);
  const InvertedLists inverted = fill_lists(nearest, probes, lists, day);

  std::vector<std::size_t> sorted_queries(queries);
  std::stable_sort(sorted_queries.begin(), sorted_queries.end(), [&](std::size_t x, std::size_t y) { return day[x] < day[y]; });
  BlockSearch search(vectors, inverted, nearest, probes, window_days, params);
  for (const QueryBlock& block : query_blocks(sorted_queries, day)) search.run(sorted_queries, block, edges);
}

}  // namespace parallax
