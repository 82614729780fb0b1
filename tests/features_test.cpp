#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <cmath>
#include <random>
#include <set>
#include <string>

#include "features/half_matrix.hpp"
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

TEST_CASE("features: a text's signature equals the signature of its distinct shingle keys") {
  // signature() signs the shingles as they come (for two-word shingles and a power-of-two
  // signature with AVX-512 where the processor has it); signature_of_hashes takes the keys one
  // by one through the general path. Repeats and order change no bin's minimum.
  std::mt19937_64 rng(7);
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) words.push_back("w" + std::to_string(rng() % 150));
  for (const int hashes : {2, 64, 100, 128, 256}) {
    for (const int shingle : {1, 2, 3}) {
      for (const std::size_t length : {std::size_t{1}, std::size_t{2}, std::size_t{9}, std::size_t{17}, words.size()}) {
        CAPTURE(hashes);
        CAPTURE(shingle);
        CAPTURE(length);
        const MinHasher hasher({shingle, hashes, 0x5eed});
        const std::vector<std::string> text(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(length));
        CHECK(hasher.signature(text) == hasher.signature_of_hashes(shingle_hashes(text, shingle)));
      }
    }
  }
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

TEST_CASE("features: half-precision vectors round to nearest even, the same with and without F16C") {
  // Every half value, both neighbours of it and the midpoints between neighbours (ties), the
  // extremes: the processor's conversions and Eigen's portable ones must give the same bits.
  std::vector<float> values;
  for (std::uint32_t bits = 0; bits < 0x10000; ++bits) {
    const float h = static_cast<float>(std::bit_cast<Eigen::half>(static_cast<std::uint16_t>(bits)));
    if (std::isnan(h)) continue;
    values.push_back(h);
    values.push_back(std::nextafter(h, 1e9f));
    values.push_back(std::nextafter(h, -1e9f));
    const float next = static_cast<float>(std::bit_cast<Eigen::half>(static_cast<std::uint16_t>(bits + 1)));
    if (std::isfinite(h) && std::isfinite(next)) values.push_back(h + (next - h) / 2);
  }
  values.insert(values.end(), {1e-9f, -1e-9f, 65520.0f, 1e6f, -1e6f, std::numeric_limits<float>::infinity()});
  std::vector<std::uint16_t> fast(values.size()), portable(values.size());
  narrow_to_half(values.data(), values.size(), fast.data());
  narrow_to_half_portable(values.data(), values.size(), portable.data());
  CHECK(fast == portable);
  std::vector<float> widened_fast(values.size()), widened_portable(values.size());
  widen_from_half(fast.data(), fast.size(), widened_fast.data());
  widen_from_half_portable(portable.data(), portable.size(), widened_portable.data());
  CHECK(std::memcmp(widened_fast.data(), widened_portable.data(), values.size() * sizeof(float)) == 0);
  // Ties go to the even neighbour: 1 + 2^-11 lies halfway between 1 and 1 + 2^-10.
  const float tie = 1.0f + std::ldexp(1.0f, -11);
  std::uint16_t rounded = 0;
  narrow_to_half(&tie, 1, &rounded);
  CHECK(rounded == 0x3c00);
}

TEST_CASE("features: a half-precision matrix keeps unit vectors' cosines within 1e-3") {
  std::mt19937 rng(41);
  std::normal_distribution<float> normal;
  DenseMatrix values(50, 768);
  for (Eigen::Index r = 0; r < values.rows(); ++r) {
    for (Eigen::Index c = 0; c < values.cols(); ++c) values(r, c) = normal(rng);
    values.row(r).normalize();
  }
  values.row(1) = (values.row(0) + 0.5f * values.row(2)).normalized();  // a cosine near 0.9
  const HalfMatrix half(values);
  REQUIRE(half.rows() == 50);
  REQUIRE(half.cols() == 768);
  const DenseMatrix back = half.widened();
  const Eigen::MatrixXf exact = values * values.transpose(), rounded = back * back.transpose();
  CHECK((exact - rounded).cwiseAbs().maxCoeff() < 1e-3f);
  CHECK((back - values).cwiseAbs().maxCoeff() <= values.cwiseAbs().maxCoeff() * std::ldexp(1.0f, -11));
  // Rows read one at a time, in runs, and set from floats agree with the whole.
  CHECK(half.row(7).transpose() == back.row(7));
  DenseMatrix run(3, 768);
  half.widen_rows(10, 3, run.data());
  CHECK(run == back.middleRows(10, 3));
  HalfMatrix copy(50, 768);
  for (Eigen::Index r = 0; r < 50; ++r) copy.set_row(r, values.row(r).data());
  CHECK(copy == half);
  // Rounding in place gives exactly what the matrix holds (shards' vectors equal the engine's).
  DenseMatrix in_place = values;
  round_to_half(in_place.data(), static_cast<std::size_t>(in_place.size()));
  CHECK(in_place == back);
}
