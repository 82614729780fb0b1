#pragma once
// The k-nearest-neighbour graph of dense, L2-normalized document vectors, by FAISS inner-product
// search: exact (IndexFlatIP) up to a size limit, IVF past it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "features/projection.hpp"

namespace parallax {

struct KnnParams {
  int neighbors = 20;                       // k, not counting the document itself
  float min_similarity = 0.05f;             // edges below this cosine are dropped
  std::size_t exact_search_limit = 50000;   // above this many documents, use an IVF index
  int ivf_probe = 16;                       // IVF lists probed per query
};

// 12 bytes: at 1M documents the graph holds about 20M edges before deduplication.
struct SimilarityEdge {
  std::uint32_t a;
  std::uint32_t b;  // a < b; document indices (the graph takes at most 2^32 documents)
  float similarity;
};

// Undirected edges, each once, a < b. `threads` caps FAISS's OpenMP threads.
std::vector<SimilarityEdge> knn_graph(const DenseMatrix& vectors, const KnnParams& params, int threads);

// The same graph restricted to what event clustering can use: a dated document's neighbours are
// searched only among documents dated at most `window_days` from it, plus undated ones (edges
// past the window are dropped by the clustering anyway, so they would only waste the k slots).
// Undated documents search the whole corpus. Cost: N x (documents inside a window), i.e. linear in
// N for a steady news stream, instead of N^2. Falls back to knn_graph() when window_days <= 0, no
// document is dated, or one window holds more than params.exact_search_limit documents.
// dates[i]: days since 1970-01-01, or nullopt.
std::vector<SimilarityEdge> knn_graph_in_date_windows(const DenseMatrix& vectors,
                                                      const std::vector<std::optional<int>>& dates,
                                                      int window_days, const KnnParams& params, int threads);

}  // namespace parallax
