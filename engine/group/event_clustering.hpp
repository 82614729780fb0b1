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
//
// A fixed cross-language threshold does not scale: the best of many unrelated candidates in another
// language passes it by chance (on the 100k scale corpus, whose events are all monolingual, most
// Arabic and Russian stories merged with an English one). The evidence rule (off by default,
// cross_language_evidence) holds such merges to each document's own background across languages;
// see pair_bars in the .cpp and docs/lexicon.md for what it costs on xling-events.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/half_matrix.hpp"
#include "group/knn_graph.hpp"

namespace parallax {

struct EventClusteringParams {
  double threshold = 0.20;    // minimum average cosine over same-language pairs of a merged cluster
  int date_window_days = 7;   // clusters whose date ranges lie further apart never merge; 0: off
  double cross_language_threshold = 0.04;  // the same over pairs of members in different languages
  // 0: off. Otherwise a merge across languages must also carry this many times the evidence
  // chance gives a document's best unrelated candidate in another language (pair_bars in the
  // .cpp): a bar that rises with the number and the similarity of the candidates.
  double cross_language_evidence = 0;
};

// dates[i]: days since 1970-01-01, or nullopt when the document has no usable date (such a
// document is compatible with any date). languages[i]: a small number naming document i's
// language (empty: all documents in one language). Returns clusters (document indices
// ascending), the largest first; every document is in exactly one cluster. cross_background: each
// document's background across languages (knn_graph), which the evidence rule needs; empty, only
// the fixed cross-language threshold applies.
std::vector<std::vector<std::size_t>> cluster_events(const HalfMatrix& vectors,
                                                     std::vector<SimilarityEdge> edges,
                                                     const std::vector<std::optional<int>>& dates,
                                                     const EventClusteringParams& params,
                                                     const std::vector<std::uint16_t>& languages = {},
                                                     const CrossLanguageBackground& cross_background = {});

// Events from supplied vectors: the kNN graph inside date windows (knn_graph_in_date_windows, with
// params.date_window_days), then cluster_events. What the corpus engine's build runs after
// projecting, and what the C ABI's parallax_engine_events_from_vectors runs on a caller's vectors
// (a Dask worker's date window). on_edges, when set, sees the graph before clustering consumes it.
std::vector<std::vector<std::size_t>> find_events(
    const HalfMatrix& vectors, const std::vector<std::optional<int>>& dates, const std::vector<std::uint16_t>& languages,
    const KnnParams& knn, const EventClusteringParams& params, int threads,
    const std::function<void(const std::vector<SimilarityEdge>&)>& on_edges = {});

// The numbers cluster_events takes for languages: equal codes get equal numbers, in order of first
// appearance (up to 65535 languages; later ones share the last number).
std::vector<std::uint16_t> number_languages(const std::vector<std::string>& codes);

// The member whose vector has the largest dot product with the members' vector sum (the first
// such member on a tie): an event's representative.
std::size_t nearest_to_centroid(const HalfMatrix& vectors, const std::vector<std::size_t>& members);

}  // namespace parallax
