#include "features/projection.hpp"

#include <Eigen/SparseCore>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace parallax {
namespace {

// Coordinates each term touches in the random map: enough for a good JL bound at 256 dims.
constexpr int kRandomProjectionFanout = 8;

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

void normalize_rows(DenseMatrix& m) {
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    const float n = m.row(r).norm();
    if (n > 0) m.row(r) /= n;
  }
}

}  // namespace

ProjectionKind parse_projection_kind(std::string_view name) {
  if (name == "random") return ProjectionKind::Random;
  if (name == "svd") return ProjectionKind::Svd;
  throw std::invalid_argument("unknown projection '" + std::string(name) + "' (expected random or svd)");
}

const char* projection_kind_name(ProjectionKind kind) {
  switch (kind) {
    case ProjectionKind::Svd: return "svd";
    case ProjectionKind::Random: break;
  }
  return "random";
}

void project_random(const SparseVector& v, int dims, std::uint64_t seed, float* out) {
  std::fill(out, out + dims, 0.0f);
  const float scale = 1.0f / std::sqrt(static_cast<float>(kRandomProjectionFanout));
  for (std::size_t i = 0; i < v.terms.size(); ++i) {
    std::uint64_t state = v.terms[i] ^ seed;
    for (int f = 0; f < kRandomProjectionFanout; ++f) {
      const std::uint64_t r = splitmix64(state);
      const int coord = static_cast<int>(r % static_cast<std::uint64_t>(dims));
      const float sign = (r >> 63) ? -scale : scale;
      out[coord] += sign * v.weights[i];
    }
  }
  float norm2 = 0.0f;
  for (int d = 0; d < dims; ++d) norm2 += out[d] * out[d];
  if (norm2 > 0) {
    const float inv = 1.0f / std::sqrt(norm2);
    for (int d = 0; d < dims; ++d) out[d] *= inv;
  }
}

DenseMatrix project_random(const std::vector<SparseVector>& vectors, int dims, std::uint64_t seed) {
  DenseMatrix m(static_cast<Eigen::Index>(vectors.size()), dims);
  for (std::size_t r = 0; r < vectors.size(); ++r) project_random(vectors[r], dims, seed, m.row(r).data());
  return m;
}

DenseMatrix project_svd(const std::vector<SparseVector>& vectors, int dims, std::uint64_t seed) {
  // Column index per distinct term, then the n x V sparse document-term matrix.
  std::unordered_map<std::uint64_t, int> column_of;
  std::vector<Eigen::Triplet<float>> triplets;
  for (std::size_t r = 0; r < vectors.size(); ++r) {
    for (std::size_t i = 0; i < vectors[r].terms.size(); ++i) {
      const auto [it, inserted] = column_of.try_emplace(vectors[r].terms[i], static_cast<int>(column_of.size()));
      triplets.emplace_back(static_cast<int>(r), it->second, vectors[r].weights[i]);
    }
  }
  const auto n = static_cast<Eigen::Index>(vectors.size());
  const auto v = static_cast<Eigen::Index>(column_of.size());
  const Eigen::Index rank = std::min<Eigen::Index>({dims, n, v});
  if (rank == 0) return DenseMatrix::Zero(n, std::max(dims, 1));
  Eigen::SparseMatrix<float, Eigen::RowMajor> a(n, v);
  a.setFromTriplets(triplets.begin(), triplets.end());

  // Randomized range finder (Halko, Martinsson, Tropp 2011) with oversampling and two power
  // iterations, which is what makes the leading singular vectors accurate for text matrices.
  const Eigen::Index width = std::min<Eigen::Index>(rank + 10, std::min(n, v));
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> gauss;
  Eigen::MatrixXf omega(v, width);
  for (Eigen::Index i = 0; i < omega.size(); ++i) omega.data()[i] = gauss(rng);
  Eigen::MatrixXf q = Eigen::HouseholderQR<Eigen::MatrixXf>(a * omega).householderQ() *
                      Eigen::MatrixXf::Identity(n, width);
  for (int iteration = 0; iteration < 2; ++iteration) {
    Eigen::MatrixXf z = Eigen::HouseholderQR<Eigen::MatrixXf>(a.transpose() * q).householderQ() *
                        Eigen::MatrixXf::Identity(v, width);
    q = Eigen::HouseholderQR<Eigen::MatrixXf>(a * z).householderQ() * Eigen::MatrixXf::Identity(n, width);
  }
  // B = Q^T A is small (width x V); its left singular vectors come from the eigenvectors of B B^T.
  const Eigen::MatrixXf b = (a.transpose() * q).transpose();
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXf> eigen(b * b.transpose());
  // Eigenvalues ascend: the last `rank` columns are the leading ones. Document coordinates are
  // Q U S, i.e. A V; S is sqrt(eigenvalue).
  const Eigen::MatrixXf u = eigen.eigenvectors().rightCols(rank);
  const Eigen::VectorXf s = eigen.eigenvalues().tail(rank).cwiseMax(0.0f).cwiseSqrt();
  DenseMatrix out = DenseMatrix::Zero(n, dims);
  out.leftCols(rank) = (q * u) * s.asDiagonal();
  normalize_rows(out);
  return out;
}

}  // namespace parallax
