#pragma once
// Event clusters: average-linkage agglomeration restricted to the kNN graph. Two clusters may merge
// only when a kNN edge joins them, and only while the average cosine over ALL pairs of their
// members (computed exactly from the clusters' vector sums) stays above the threshold. A single
// bridge document therefore cannot chain two stories together, unlike single linkage.
#include <cstddef>
#include <optional>
#include <vector>

#include "features/projection.hpp"
#include "group/knn_graph.hpp"

namespace parallax {

struct EventClusteringParams {
  double threshold = 0.20;    // minimum average pairwise cosine inside a merged cluster
  int date_window_days = 7;   // clusters whose date ranges lie further apart never merge; 0: off
};

// dates[i]: days since 1970-01-01, or nullopt when the document has no usable date (such a
// document is compatible with any date). Returns clusters (document indices ascending), the
// largest first; every document is in exactly one cluster.
std::vector<std::vector<std::size_t>> cluster_events(const DenseMatrix& vectors,
                                                     std::vector<SimilarityEdge> edges,
                                                     const std::vector<std::optional<int>>& dates,
                                                     const EventClusteringParams& params);

}  // namespace parallax
