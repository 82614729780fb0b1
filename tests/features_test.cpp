#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "features/minhash.hpp"
#include "features/projection.hpp"
#include "features/tfidf.hpp"

using namespace parallax;

namespace {

// Two random sets of 64-bit elements with a chosen overlap; returns their exact Jaccard.
double make_sets(std::mt19937_64& rng, std::size_t shared, std::size_t only_a, std::size_t only_b,
                 std::vector<std::uint64_t>& a, std::vector<std::uint64_t>& b) {
  a.clear();
  b.clear();
  for (std::size_t i = 0; i < shared; ++i) {
    const auto x = rng();
    a.push_back(x);
    b.push_back(x);
  }
  for (std::size_t i = 0; i < only_a; ++i) a.push_back(rng());
  for (std::size_t i = 0; i < only_b; ++i) b.push_back(rng());
  return static_cast<double>(shared) / static_cast<double>(shared + only_a + only_b);
}

}  // namespace

TEST_CASE("features: MinHash estimates Jaccard within its statistical error on generated sets") {
  // With 128 hashes the standard error is sqrt(J(1-J)/128) <= 0.045. Over 200 random pairs the mean
  // absolute error must stay under 0.045 and no single estimate may be off by more than 0.2 (4.5 sigma).
  MinHasher hasher({3, 128, 7});
  std::mt19937_64 rng(2024);
  std::uniform_int_distribution<std::size_t> size(20, 400);
  double total_error = 0, worst = 0;
  const int trials = 200;
  std::vector<std::uint64_t> a, b;
  for (int t = 0; t < trials; ++t) {
    const double exact = make_sets(rng, size(rng), size(rng) / 4, size(rng) / 4, a, b);
    const double estimate = estimate_jaccard(hasher.signature_of_hashes(a), hasher.signature_of_hashes(b));
    total_error += std::abs(estimate - exact);
    worst = std::max(worst, std::abs(estimate - exact));
  }
  CHECK(total_error / trials < 0.045);
  CHECK(worst < 0.2);
}

TEST_CASE("features: MinHash of identical and disjoint texts") {
  MinHasher hasher({3, 128, 1});
  const std::vector<std::string> text = {"the", "leaders", "agreed", "to", "extend", "the", "treaty"};
  CHECK(estimate_jaccard(hasher.signature(text), hasher.signature(text)) == 1.0);
  const std::vector<std::string> other = {"lava", "flowed", "from", "a", "fissure", "near", "town"};
  CHECK(estimate_jaccard(hasher.signature(text), hasher.signature(other)) < 0.1);
  // Fewer tokens than a shingle still give one shingle.
  CHECK(shingle_hashes({"a", "b"}, 3).size() == 1);
  // Word boundaries matter: "ab c" and "a bc" are different shingles.
  CHECK(shingle_hashes({"ab", "c"}, 2) != shingle_hashes({"a", "bc"}, 2));
}

TEST_CASE("features: TF-IDF is sublinear, smoothed and L2-normalized") {
  DocumentFrequencies df;
  const auto d1 = count_terms({"putin", "biden", "call", "call", "call"});
  const auto d2 = count_terms({"lava", "volcano", "call"});
  df.add(d1);
  df.add(d2);
  const SparseVector v = tfidf_vector(d1, df);
  double norm2 = 0;
  for (float w : v.weights) norm2 += w * w;
  CHECK(norm2 == doctest::Approx(1.0).epsilon(1e-5));
  // idf as scikit-learn's smooth_idf: ln((1+n)/(1+df)) + 1.
  CHECK(df.idf(term_hash("call")) == doctest::Approx(std::log(3.0 / 3.0) + 1.0));
  CHECK(df.idf(term_hash("putin")) == doctest::Approx(std::log(3.0 / 2.0) + 1.0));
  // Sublinear tf: "call" (tf 3, common) weighs (1+ln 3)*1, "putin" (tf 1, rarer) weighs 1*(ln 1.5 + 1).
  const auto weight = [&](const char* t) {
    const auto it = std::find(v.terms.begin(), v.terms.end(), term_hash(t));
    return v.weights[it - v.terms.begin()];
  };
  CHECK(weight("call") / weight("putin") == doctest::Approx((1 + std::log(3.0)) / (std::log(1.5) + 1)).epsilon(1e-4));
  CHECK(sparse_dot(v, v) == doctest::Approx(1.0).epsilon(1e-5));
  CHECK(tfidf_vector(count_terms({}), df).terms.empty());
}

TEST_CASE("features: both dense projections keep related documents closer than unrelated ones") {
  DocumentFrequencies df;
  std::vector<TermCounts> docs = {
      count_terms({"putin", "biden", "call", "treaty", "start", "kremlin"}),
      count_terms({"putin", "biden", "phone", "treaty", "start", "white", "house"}),
      count_terms({"lava", "volcano", "iceland", "eruption", "fissure"}),
      count_terms({"volcano", "iceland", "lava", "hikers", "gas"}),
  };
  for (const auto& d : docs) df.add(d);
  std::vector<SparseVector> sparse;
  for (const auto& d : docs) sparse.push_back(tfidf_vector(d, df));
  for (const auto kind : {ProjectionKind::Random, ProjectionKind::Svd}) {
    CAPTURE(projection_kind_name(kind));
    const DenseMatrix m = kind == ProjectionKind::Svd ? project_svd(sparse, 64, 3) : project_random(sparse, 256, 3);
    REQUIRE(m.rows() == 4);
    for (int r = 0; r < 4; ++r) CHECK(m.row(r).norm() == doctest::Approx(1.0f).epsilon(1e-4));
    CHECK(m.row(0).dot(m.row(1)) > m.row(0).dot(m.row(2)) + 0.2f);
    CHECK(m.row(2).dot(m.row(3)) > m.row(1).dot(m.row(3)) + 0.2f);
  }
  CHECK_THROWS_AS(parse_projection_kind("pca"), std::invalid_argument);
}
