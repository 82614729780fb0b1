#pragma once
// Event clusters: average-linkage agglomeration restricted to the kNN graph. Two clusters may merge
// only when a kNN edge joins them, and only while the average cosine over ALL pairs of their
// members (computed exactly from the clusters' vector sums) stays above the threshold. A single
// bridge document therefore cannot chain two stories together, unlike single linkage.
//
// Language-aware: coverage of one event in two languages shares fewer terms than coverage in one
// language (the concept layer loses words in translation: on xling-events, same-event pairs
// average cosine 0.34 inside a language but 0.10 across languages, different events 0.08 and
// 0.03). So each pair of members is held to its own threshold (event threshold inside a language,
// cross-language threshold across two), and a merge is allowed while the pairs it adds stand on
// average above their thresholds. On a corpus in one language this is exactly the plain average
// linkage.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/projection.hpp"
#include "group/knn_graph.hpp"

namespace parallax {

struct EventClusteringParams {
  double threshold = 0.20;    // minimum average cosine over same-language pairs of a merged cluster
  int date_window_days = 7;   // clusters whose date ranges lie further apart never merge; 0: off
  double cross_language_threshold = 0.04;  // the same over pairs of members in different languages
};

// dates[i]: days since 1970-01-01, or nullopt when the document has no usable date (such a
// document is compatible with any date). languages[i]: a small number naming document i's
// language (empty: all documents in one language). Returns clusters (document indices
// ascending), the largest first; every document is in exactly one cluster.
std::vector<std::vector<std::size_t>> cluster_events(const DenseMatrix& vectors,
                                                     std::vector<SimilarityEdge> edges,
                                                     const std::vector<std::optional<int>>& dates,
                                                     const EventClusteringParams& params,
                                                     const std::vector<std::uint16_t>& languages = {});

// Events from supplied vectors: the kNN graph inside date windows (knn_graph_in_date_windows, with
// params.date_window_days), then cluster_events. What the corpus engine's build runs after
// projecting, and what the C ABI's parallax_engine_events_from_vectors runs on a caller's vectors
// (a Dask worker's date window). on_edges, when set, sees the graph before clustering consumes it.
std::vector<std::vector<std::size_t>> find_events(
    const DenseMatrix& vectors, const std::vector<std::optional<int>>& dates, const std::vector<std::uint16_t>& languages,
    const KnnParams& knn, const EventClusteringParams& params, int threads,
    const std::function<void(const std::vector<SimilarityEdge>&)>& on_edges = {});

// The numbers cluster_events takes for languages: equal codes get equal numbers, in order of first
// appearance (up to 65535 languages; later ones share the last number).
std::vector<std::uint16_t> number_languages(const std::vector<std::string>& codes);

// The member whose vector has the largest dot product with the members' vector sum (the first
// such member on a tie): an event's representative.
std::size_t nearest_to_centroid(const DenseMatrix& vectors, const std::vector<std::size_t>& members);

}  // namespace parallax
