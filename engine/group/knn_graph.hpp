#pragma once
// The k-nearest-neighbour graph of dense, L2-normalized document vectors, by FAISS inner-product
// search: exact (IndexFlatIP) up to a size limit, IVF past it.
#include <cstddef>
#include <vector>

#include "features/projection.hpp"

namespace parallax {

struct KnnParams {
  int neighbors = 20;                       // k, not counting the document itself
  float min_similarity = 0.05f;             // edges below this cosine are dropped
  std::size_t exact_search_limit = 50000;   // above this many documents, use an IVF index
  int ivf_probe = 16;                       // IVF lists probed per query
};

struct SimilarityEdge {
  std::size_t a;
  std::size_t b;  // a < b
  float similarity;
};

// Undirected edges, each once, a < b. `threads` caps FAISS's OpenMP threads.
std::vector<SimilarityEdge> knn_graph(const DenseMatrix& vectors, const KnnParams& params, int threads);

}  // namespace parallax
