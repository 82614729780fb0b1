#pragma once
// Approximate nearest neighbours past the exact search limit: an inverted file (IVF) whose lists
// keep their members in date order, so that a query scores only the members of its probed lists
// that lie inside its date window.
//
// Why not FAISS's IndexIVFFlat: it stores a second copy of the vectors (3 GB at 1M documents of 768
// dimensions), it cannot restrict a list to a date range without testing every member, and
// Debian's FAISS is built for the baseline x86-64, so its list scan runs a scalar inner product
// (55% of a 100k-document run at news density, measured with perf). Here the lists hold document
// numbers only, and each probed list's slice is scored against all the queries of one day that
// probe it with one BLAS product (OpenBLAS's kernels for this CPU). FAISS still trains the coarse
// centroids (spherical k-means on a sample).
#include <cstddef>
#include <optional>
#include <vector>

#include "features/half_matrix.hpp"
#include "group/knn_graph.hpp"

namespace parallax {

// Appends to `edges` the neighbours of `queries` (rows of `vectors`; at most params.neighbors + 1
// per query, the query itself included and dropped, below params.min_similarity dropped; a pair
// may appear twice). A dated query's candidates are the documents dated at most `window_days`
// from it plus undated ones; an undated query's are all documents, as are everyone's when `dates`
// is empty or window_days <= 0. About 2 sqrt(N) lists, params.ivf_probe of them probed per query.
// The result does not depend on `threads`.
void inverted_file_search(const HalfMatrix& vectors, const std::vector<std::optional<int>>& dates, int window_days,
                          const std::vector<std::size_t>& queries, const KnnParams& params, int threads,
                          std::vector<SimilarityEdge>& edges);

}  // namespace parallax
