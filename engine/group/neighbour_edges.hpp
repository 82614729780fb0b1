#pragma once
// One query's neighbour list as graph edges, shared by the exact and the inverted-file searches.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "group/knn_graph.hpp"

namespace parallax {

// Keeps the edges of query q to labels[0..k) (a label < 0 is a missing neighbour): the query
// itself and edges below min_similarity are dropped; each edge is stored with a < b.
template <typename Label>
void add_query_edges(std::size_t q, const Label* labels, const float* similarities, int k, float min_similarity,
                     std::vector<SimilarityEdge>& edges) {
  for (int j = 0; j < k; ++j) {
    const Label other = labels[j];
    if (other < 0 || static_cast<std::size_t>(other) == q || similarities[j] < min_similarity) continue;
    const auto o = static_cast<std::size_t>(other);
    edges.push_back({static_cast<std::uint32_t>(std::min(q, o)), static_cast<std::uint32_t>(std::max(q, o)),
                     similarities[j]});
  }
}

}  // namespace parallax
