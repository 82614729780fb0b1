#include "group/knn_graph.hpp"

#include <faiss/IndexFlat.h>
#include <faiss/IndexIVFFlat.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace parallax {
namespace {

using FaissId = faiss::Index::idx_t;

std::unique_ptr<faiss::Index> make_index(const DenseMatrix& vectors, const KnnParams& params,
                                         std::unique_ptr<faiss::IndexFlatIP>& quantizer) {
  const auto n = static_cast<std::size_t>(vectors.rows());
  const int dims = static_cast<int>(vectors.cols());
  if (n <= params.exact_search_limit) return std::make_unique<faiss::IndexFlatIP>(dims);
  // IVF: about 4 sqrt(n) lists, trained on the vectors themselves.
  const auto lists = static_cast<std::size_t>(4 * std::sqrt(static_cast<double>(n)));
  quantizer = std::make_unique<faiss::IndexFlatIP>(dims);
  auto ivf = std::make_unique<faiss::IndexIVFFlat>(quantizer.get(), dims, lists, faiss::METRIC_INNER_PRODUCT);
  ivf->train(static_cast<FaissId>(n), vectors.data());
  ivf->nprobe = params.ivf_probe;
  return ivf;
}

}  // namespace

std::vector<SimilarityEdge> knn_graph(const DenseMatrix& vectors, const KnnParams& params, int threads) {
  const auto n = static_cast<std::size_t>(vectors.rows());
  if (n < 2) return {};
  omp_set_num_threads(std::max(1, threads));
  std::unique_ptr<faiss::IndexFlatIP> quantizer;
  auto index = make_index(vectors, params, quantizer);
  index->add(static_cast<FaissId>(n), vectors.data());

  const int k = static_cast<int>(std::min<std::size_t>(params.neighbors + 1, n));
  std::vector<float> similarities(n * k);
  std::vector<FaissId> labels(n * k);
  index->search(static_cast<FaissId>(n), vectors.data(), k, similarities.data(), labels.data());

  std::vector<SimilarityEdge> edges;
  edges.reserve(n * (k - 1));
  for (std::size_t q = 0; q < n; ++q) {
    for (int j = 0; j < k; ++j) {
      const FaissId other = labels[q * k + j];
      const float sim = similarities[q * k + j];
      if (other < 0 || static_cast<std::size_t>(other) == q || sim < params.min_similarity) continue;
      const auto o = static_cast<std::size_t>(other);
      edges.push_back({std::min(q, o), std::max(q, o), sim});
    }
  }
  // Each pair may appear twice (found from both ends): keep one.
  std::sort(edges.begin(), edges.end(), [](const auto& x, const auto& y) {
    return x.a < y.a || (x.a == y.a && x.b < y.b);
  });
  edges.erase(std::unique(edges.begin(), edges.end(), [](const auto& x, const auto& y) {
                return x.a == y.a && x.b == y.b;
              }),
              edges.end());
  return edges;
}

}  // namespace parallax
