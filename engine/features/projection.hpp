#pragma once
// Dense projections of sparse TF-IDF vectors, for FAISS inner-product search. Rows come out
// L2-normalized so inner product is cosine.
#include <Eigen/Dense>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "features/tfidf.hpp"

namespace parallax {

using DenseMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

enum class ProjectionKind {
  // Sparse random projection: each term adds its weight to a few signed coordinates chosen by its
  // hash (a sparse Johnson-Lindenstrauss map). One pass, no fitting, streams.
  Random,
  // Truncated SVD (latent semantic analysis) by a randomized range finder: fits the corpus, so
  // related terms share dimensions; needs all vectors at once.
  Svd,
};

ProjectionKind parse_projection_kind(std::string_view name);  // "random" | "svd"; throws otherwise
const char* projection_kind_name(ProjectionKind kind);

// Projects one vector with the sparse random map into out[0..dims). Thread-safe.
void project_random(const SparseVector& v, int dims, std::uint64_t seed, float* out);

// Projects all vectors with the random map (rows of the result are L2-normalized).
DenseMatrix project_random(const std::vector<SparseVector>& vectors, int dims, std::uint64_t seed);

// Truncated SVD to `dims` dimensions (fewer if the corpus is smaller); rows L2-normalized.
DenseMatrix project_svd(const std::vector<SparseVector>& vectors, int dims, std::uint64_t seed);

}  // namespace parallax
