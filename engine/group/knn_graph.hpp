#pragma once
// The k-nearest-neighbour graph of dense, L2-normalized document vectors, by FAISS inner-product
// search: exact (IndexFlatIP) up to a size limit, an inverted file past it (group/inverted_file_search).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "features/half_matrix.hpp"

namespace parallax {

struct KnnParams {
  int neighbors = 20;                       // k, not counting the document itself
  float min_similarity = 0.05f;             // edges below this cosine are dropped
  std::size_t exact_search_limit = 50000;   // above this many documents (in one window), use the inverted file
  int ivf_probe = 16;                       // inverted-file lists probed per query
};

// 12 bytes: at 1M documents the graph holds about 20M edges before deduplication.
struct SimilarityEdge {
  std::uint32_t a;
  std::uint32_t b;  // a < b; document indices (the graph takes at most 2^32 documents)
  float similarity;
};

// What unrelated documents in other languages look like from each document, for the evidence rule
// of event clustering: the median and the spread (interquartile range / 1.349, a normal deviation)
// of its cosines to the documents in other languages that the kNN search compares it with (its
// date window; for an undated document, or past the exact search limit, the whole corpus, over an
// evenly strided sample of 512 per language when larger), and how many those are. Filled beside
// the graph when asked; in the date windows it reuses the scores the search computes anyway.
struct CrossLanguageBackground {
  const std::vector<std::uint16_t>* languages = nullptr;  // per document; equal numbers: one language
  // Out, per document: NaN, NaN, 0 where no candidate is in another language.
  std::vector<float> median, deviation;
  std::vector<std::uint32_t> candidates;
};

// Undirected edges, each once, a < b. `threads` caps FAISS's OpenMP threads. With `background`,
// also its similarities.
std::vector<SimilarityEdge> knn_graph(const HalfMatrix& vectors, const KnnParams& params, int threads,
                                      CrossLanguageBackground* background = nullptr);

// The same graph restricted to what event clustering can use: a dated document's neighbours are
// searched only among documents dated at most `window_days` from it, plus undated ones (edges
// past the window are dropped by the clustering anyway, so they would only waste the k slots).
// Undated documents search the whole corpus. Cost: N x (documents inside a window), i.e. linear in
// N for a steady news stream, instead of N^2. Falls back to knn_graph() when window_days <= 0, no
// document is dated, or one window holds more than params.exact_search_limit documents.
// dates[i]: days since 1970-01-01, or nullopt.
// With `background`, also its similarities, over the same candidates.
std::vector<SimilarityEdge> knn_graph_in_date_windows(const HalfMatrix& vectors,
                                                      const std::vector<std::optional<int>>& dates,
                                                      int window_days, const KnnParams& params, int threads,
                                                      CrossLanguageBackground* background = nullptr);

}  // namespace parallax
