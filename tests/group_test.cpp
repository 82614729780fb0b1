#include <doctest/doctest.h>

#include <omp.h>

#include <cmath>
#include <optional>
#include <random>

#include "features/minhash.hpp"
#include "group/event_clustering.hpp"
#include "group/knn_graph.hpp"
#include "group/near_duplicates.hpp"
#include "group/translations.hpp"

using namespace parallax;

namespace {

// A unit vector near `axis` (a few percent of noise), in `dims` dimensions.
Eigen::VectorXf noisy_unit(int dims, int axis, std::mt19937& rng, float noise = 0.05f) {
  std::normal_distribution<float> gauss(0.0f, noise);
  Eigen::VectorXf v(dims);
  for (int d = 0; d < dims; ++d) v[d] = gauss(rng);
  v[axis] += 1.0f;
  return v.normalized();
}

std::size_t cluster_of(const std::vector<std::vector<std::size_t>>& clusters, std::size_t doc) {
  for (std::size_t c = 0; c < clusters.size(); ++c)
    for (std::size_t m : clusters[c])
      if (m == doc) return c;
  FAIL("document " << doc << " is in no cluster");
  return 0;
}

}  // namespace

TEST_CASE("group: near-duplicate groups join edited copies and leave unrelated documents alone") {
  std::mt19937_64 rng(11);
  std::vector<std::string> original;
  for (int i = 0; i < 300; ++i) original.push_back("w" + std::to_string(rng() % 5000));
  std::vector<std::string> copy = original;
  for (int i = 0; i < 6; ++i) copy[rng() % copy.size()] = "edit" + std::to_string(i);  // 2% substitutions
  std::vector<std::string> unrelated;
  for (int i = 0; i < 300; ++i) unrelated.push_back("u" + std::to_string(rng() % 5000));

  MinHasher hasher({3, 128, 5});
  const std::vector<MinHashSignature> sigs = {hasher.signature(original), hasher.signature(unrelated),
                                              hasher.signature(copy), {} /* a text with no words */};
  const auto groups = find_near_duplicate_groups(sigs, NearDuplicateParams{}, 2);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].members == std::vector<std::size_t>{0, 2});
  CHECK(groups[0].jaccard_to_representative[0] == 1.0);
  CHECK(groups[0].jaccard_to_representative[1] > 0.7);
  CHECK_THROWS_AS(find_near_duplicate_groups(sigs, NearDuplicateParams{0.5, 30}, 1), std::invalid_argument);
}

TEST_CASE("group: near-duplicate groups and partial copies do not depend on how many workers find them") {
  // Enough documents that the candidate stage and the verification get several workers, with
  // planted copies in random signatures: each tenth document is followed by a near-duplicate that
  // keeps about 80% of its positions, and by an excerpt (half its size) that keeps about 40%.
  std::mt19937 rng(29);
  const std::size_t n = 20000;
  std::vector<MinHashSignature> sigs(n, MinHashSignature(128));
  std::vector<std::uint32_t> shingle_counts(n, 100);
  for (std::size_t d = 0; d < n; ++d) {
    for (auto& v : sigs[d]) v = static_cast<std::uint32_t>(rng() % 64);  // few values: many chance candidates
    const std::size_t kept_in_five = d % 10 == 1 ? 4 : d % 10 == 2 ? 2 : 0;
    for (std::size_t k = 0; k < 128; ++k)
      if (rng() % 5 < kept_in_five) sigs[d][k] = sigs[d - d % 10][k];
    if (d % 10 == 2) shingle_counts[d] = 50;
  }
  NearDuplicateParams params;
  params.jaccard_threshold = 0.5;
  params.containment = 0.8;
  const auto one = find_near_duplicate_groups(sigs, params, 1);
  CHECK(one.size() >= n / 20);
  const auto copies_one = find_partial_copies(sigs, shingle_counts, one, params, 1);
  CHECK(copies_one.size() >= n / 20);
  for (const int threads : {2, 3, 8}) {
    CAPTURE(threads);
    const auto many = find_near_duplicate_groups(sigs, params, threads);
    REQUIRE(many.size() == one.size());
    for (std::size_t g = 0; g < one.size(); ++g) {
      CHECK(many[g].members == one[g].members);
      CHECK(many[g].jaccard_to_representative == one[g].jaccard_to_representative);
    }
    const auto copies_many = find_partial_copies(sigs, shingle_counts, many, params, threads);
    REQUIRE(copies_many.size() == copies_one.size());
    for (std::size_t c = 0; c < copies_one.size(); ++c) {
      CHECK(copies_many[c].contained == copies_one[c].contained);
      CHECK(copies_many[c].container == copies_one[c].container);
    }
  }
}

TEST_CASE("group: a bridge document does not chain two stories into one event") {
  // Ten documents on story A, ten on story B (orthogonal), one document that mixes both equally.
  std::mt19937 rng(3);
  const int dims = 32;
  DenseMatrix values(21, dims);
  for (int i = 0; i < 10; ++i) values.row(i) = noisy_unit(dims, 0, rng).transpose();
  for (int i = 10; i < 20; ++i) values.row(i) = noisy_unit(dims, 1, rng).transpose();
  Eigen::VectorXf bridge = Eigen::VectorXf::Zero(dims);
  bridge[0] = bridge[1] = 1.0f;
  values.row(20) = bridge.normalized().transpose();
  const HalfMatrix vectors(values);

  const auto edges = knn_graph(vectors, KnnParams{}, 1);
  const std::vector<std::optional<int>> no_dates(21);
  const auto clusters = cluster_events(vectors, edges, no_dates, EventClusteringParams{0.3f, 7});
  for (int i = 1; i < 10; ++i) CHECK(cluster_of(clusters, i) == cluster_of(clusters, 0));
  for (int i = 11; i < 20; ++i) CHECK(cluster_of(clusters, i) == cluster_of(clusters, 10));
  CHECK(cluster_of(clusters, 0) != cluster_of(clusters, 10));
  // Single linkage at the same threshold would have joined them: the bridge is close to both.
  CHECK(vectors.row(20).dot(vectors.row(0)) > 0.6f);
  CHECK(vectors.row(20).dot(vectors.row(10)) > 0.6f);
}

TEST_CASE("group: documents far apart in time do not share an event") {
  std::mt19937 rng(5);
  DenseMatrix values(4, 16);
  for (int i = 0; i < 4; ++i) values.row(i) = noisy_unit(16, 2, rng).transpose();
  const HalfMatrix vectors(values);
  const std::vector<std::optional<int>> dates = {18000, 18001, 18060, std::nullopt};
  const auto edges = knn_graph(vectors, KnnParams{}, 1);
  const auto clusters = cluster_events(vectors, edges, dates, EventClusteringParams{0.3f, 7});
  CHECK(cluster_of(clusters, 0) == cluster_of(clusters, 1));
  CHECK(cluster_of(clusters, 0) != cluster_of(clusters, 2));
  // With the window off, dates are ignored.
  const auto undated = cluster_events(vectors, edges, dates, EventClusteringParams{0.3f, 0});
  CHECK(undated.size() == 1);
}

namespace {

// A random unit vector: two of them meet with a cosine of about N(0, 1/sqrt(dims)).
Eigen::VectorXf random_unit(int dims, std::mt19937& rng) {
  std::normal_distribution<float> gauss(0.0f, 1.0f);
  Eigen::VectorXf v(dims);
  for (int d = 0; d < dims; ++d) v[d] = gauss(rng);
  return v.normalized();
}

}  // namespace

TEST_CASE("group: across languages, the evidence rule keeps a true pair and rejects the best of many chance matches") {
  // Document 0 (language 0) and its account in language 1 (document 1, cosine about 0.7); document
  // 2 (language 0) has no account, and 80 unrelated documents in language 1 surround them. At 400
  // dimensions unrelated documents meet at cosines of about N(0, 0.05), so the best of 80 lies near
  // 0.12: far above the fixed cross-language threshold (0.04), as the best unrelated candidate of a
  // story is on a large corpus.
  std::mt19937 rng(17);
  const int dims = 400, unrelated = 80, n = 3 + unrelated;
  DenseMatrix values(n, dims);
  std::vector<std::uint16_t> languages(n, 1);
  languages[0] = languages[2] = 0;
  values.row(0) = random_unit(dims, rng).transpose();
  values.row(1) = (values.row(0).transpose() + random_unit(dims, rng)).normalized().transpose();
  for (int i = 2; i < n; ++i) values.row(i) = random_unit(dims, rng).transpose();
  const HalfMatrix vectors(values);

  EventClusteringParams fixed;
  fixed.threshold = 0.3;
  EventClusteringParams evidence = fixed;
  evidence.cross_language_evidence = 1;

  // Both searches that fill the background: the whole corpus (undated) and one date window.
  const std::vector<std::optional<int>> undated(n), one_day(n, 20000);
  for (const auto* dates : {&undated, &one_day}) {
    CrossLanguageBackground background;
    background.languages = &languages;
    const auto edges = knn_graph_in_date_windows(vectors, *dates, 7, KnnParams{}, 1, &background);
    REQUIRE(background.candidates.size() == static_cast<std::size_t>(n));
    CHECK(background.candidates[2] == unrelated + 1);  // every document in language 1
    CHECK(std::abs(background.median[2]) < 0.02f);
    CHECK(background.deviation[2] == doctest::Approx(0.05).epsilon(0.3));

    // The fixed threshold merges document 2 with its best chance match in language 1.
    const auto plain = cluster_events(vectors, edges, *dates, fixed, languages, background);
    CHECK(plain[cluster_of(plain, 2)].size() > 1);
    CHECK(cluster_of(plain, 0) == cluster_of(plain, 1));

    // The evidence rule keeps the true pair and leaves document 2 alone: its best match across
    // languages is no better than the best of 81 unrelated candidates is by chance.
    const auto held = cluster_events(vectors, edges, *dates, evidence, languages, background);
    CHECK(held[cluster_of(held, 2)].size() == 1);
    CHECK(cluster_of(held, 0) == cluster_of(held, 1));
    CHECK(held[cluster_of(held, 0)].size() == 2);

    // Without a background the rule has nothing to go on: the fixed threshold alone.
    CHECK(cluster_events(vectors, edges, *dates, evidence, languages) == plain);
  }
}

TEST_CASE("group: the approximate index finds the same neighbours on clustered data") {
  std::mt19937 rng(9);
  const int n = 2000, dims = 32;
  DenseMatrix values(n, dims);
  for (int i = 0; i < n; ++i) values.row(i) = noisy_unit(dims, i % dims, rng, 0.2f).transpose();
  const HalfMatrix vectors(values);
  KnnParams exact;
  exact.neighbors = 5;
  KnnParams approximate = exact;
  approximate.exact_search_limit = 100;
  const auto e1 = knn_graph(vectors, exact, 2);
  const auto e2 = knn_graph(vectors, approximate, 2);
  // The inverted file may miss a few neighbours, but most edges must agree.
  std::size_t shared = 0;
  std::size_t j = 0;
  for (const auto& e : e1) {
    while (j < e2.size() && (e2[j].a < e.a || (e2[j].a == e.a && e2[j].b < e.b))) ++j;
    if (j < e2.size() && e2[j].a == e.a && e2[j].b == e.b) ++shared;
  }
  CHECK(static_cast<double>(shared) / e1.size() > 0.9);
}

namespace {

// Share of the edges of `exact` that `approximate` also holds (both sorted by a, then b).
double edge_recall(const std::vector<SimilarityEdge>& exact, const std::vector<SimilarityEdge>& approximate) {
  std::size_t shared = 0, j = 0;
  for (const auto& e : exact) {
    while (j < approximate.size() && (approximate[j].a < e.a || (approximate[j].a == e.a && approximate[j].b < e.b))) ++j;
    if (j < approximate.size() && approximate[j].a == e.a && approximate[j].b == e.b) ++shared;
  }
  return exact.empty() ? 1.0 : static_cast<double>(shared) / static_cast<double>(exact.size());
}

}  // namespace

TEST_CASE("group: past the search limit, the inverted file keeps to the date windows") {
  // 3,000 documents on 60 topics over 40 days, a topic's documents spread over all the days, and
  // 50 undated ones: a window holds far more than the limit, so the inverted file searches it.
  std::mt19937 rng(17);
  const int n = 3050, dims = 64, days = 40, window = 3, topics = 60;
  DenseMatrix values(n, dims);
  std::vector<std::optional<int>> dates(n);
  for (int i = 0; i < n; ++i) {
    values.row(i) = noisy_unit(dims, i % topics, rng, 0.2f).transpose();
    if (i < 3000) dates[i] = 18000 + static_cast<int>(rng() % days);
  }
  const HalfMatrix vectors(values);
  KnnParams exact;
  exact.neighbors = 8;
  KnnParams approximate = exact;
  approximate.exact_search_limit = 100;
  const auto e_exact = knn_graph_in_date_windows(vectors, dates, window, exact, 2);
  const auto e_ivf = knn_graph_in_date_windows(vectors, dates, window, approximate, 2);
  // No edge between two dated documents further apart than the window.
  std::size_t outside = 0, with_undated = 0;
  for (const auto& e : e_ivf) {
    if (dates[e.a] && dates[e.b]) outside += std::abs(*dates[e.a] - *dates[e.b]) > window;
    else ++with_undated;
  }
  CHECK(outside == 0);
  CHECK(with_undated > 0);  // undated documents search, and are found, across all days

  // Probing every list, the inverted file is an exact search of the same windows (the products
  // are BLAS's instead of Eigen's: the same edges, similarities equal to rounding).
  KnnParams every_list = approximate;
  every_list.ivf_probe = n;
  const auto e_all_lists = knn_graph_in_date_windows(vectors, dates, window, every_list, 2);
  CHECK(edge_recall(e_exact, e_all_lists) > 0.999);
  CHECK(edge_recall(e_all_lists, e_exact) > 0.999);

  // With the default probes, the edges that join a topic (what clustering uses) are nearly all
  // found; the weak edges to other topics, near the similarity floor, are a matter of chance.
  std::vector<SimilarityEdge> exact_in_topic;
  for (const auto& e : e_exact)
    if (e.a % topics == e.b % topics) exact_in_topic.push_back(e);
  CHECK(exact_in_topic.size() > 5000);
  CHECK(edge_recall(exact_in_topic, e_ivf) > 0.95);

  // The answer does not depend on the thread count.
  const auto e_one_thread = knn_graph_in_date_windows(vectors, dates, window, approximate, 1);
  REQUIRE(e_one_thread.size() == e_ivf.size());
  for (std::size_t i = 0; i < e_ivf.size(); ++i) {
    CHECK(e_one_thread[i].a == e_ivf[i].a);
    CHECK(e_one_thread[i].b == e_ivf[i].b);
    CHECK(e_one_thread[i].similarity == e_ivf[i].similarity);
  }
}

namespace {

// Average linkage by brute force: while any two clusters joined by a kNN edge have an average
// cosine over all their member pairs at or above the threshold, merges the two that stand highest.
std::vector<std::vector<std::size_t>> naive_average_linkage(const DenseMatrix& vectors,
                                                            const std::vector<SimilarityEdge>& edges,
                                                            double threshold) {
  const auto n = static_cast<std::size_t>(vectors.rows());
  std::vector<std::size_t> cluster(n);
  for (std::size_t i = 0; i < n; ++i) cluster[i] = i;
  std::vector<Eigen::VectorXd> sums(n);
  std::vector<double> sizes(n, 1.0);
  for (std::size_t i = 0; i < n; ++i) sums[i] = vectors.row(static_cast<Eigen::Index>(i)).transpose().cast<double>();
  for (;;) {
    double best = -1;
    std::size_t x = 0, y = 0;
    for (const auto& e : edges) {
      const std::size_t a = cluster[e.a], b = cluster[e.b];
      if (a == b) continue;
      const double margin = sums[a].dot(sums[b]) / (sizes[a] * sizes[b]) - threshold;
      if (margin >= 0 && margin > best) {
        best = margin;
        x = a;
        y = b;
      }
    }
    if (best < 0) break;
    sums[x] += sums[y];
    sizes[x] += sizes[y];
    for (auto& c : cluster)
      if (c == y) c = x;
  }
  std::vector<std::vector<std::size_t>> out(n);
  for (std::size_t i = 0; i < n; ++i) out[cluster[i]].push_back(i);
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& c) { return c.empty(); }), out.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("group: event clustering is exact average linkage, large clusters included") {
  // 600 documents: 300 on one story (a cluster that grows by hundreds of merges, with many
  // neighbours it must not take), the rest on 30 smaller stories, all noisy. The linkage skips
  // recomputing a neighbour whose bound rules a merge out; the answer must be the brute force's.
  std::mt19937 rng(23);
  const int n = 600, dims = 24;
  DenseMatrix values(n, dims);
  for (int i = 0; i < n; ++i) values.row(i) = noisy_unit(dims, i < 300 ? 0 : 1 + i % 30 % (dims - 1), rng, 0.25f).transpose();
  const HalfMatrix vectors(values);
  KnnParams knn;
  knn.neighbors = 12;
  const auto edges = knn_graph(vectors, knn, 1);
  for (const double threshold : {0.15, 0.25, 0.35}) {
    CAPTURE(threshold);
    EventClusteringParams params;
    params.threshold = threshold;
    auto clusters = cluster_events(vectors, edges, std::vector<std::optional<int>>(n), params);
    std::sort(clusters.begin(), clusters.end());
    const auto expected = naive_average_linkage(vectors.widened(), edges, threshold);
    CHECK(clusters == expected);
    std::size_t largest = 0;
    for (const auto& c : expected) largest = std::max(largest, c.size());
    CHECK(largest >= 100);  // the case the bounds are for: one cluster grown by many steps
  }
}

// ---- cross-language copies (group/translations) ----

namespace {

// Sentence k of a story: its own content term (1000 + k) and the story's shared name (term 1).
SparseVector story_sentence(std::uint64_t k) { return {{1, 1000 + k}, {0.6f, 0.8f}}; }

SentenceIndex story(std::initializer_list<std::uint64_t> sentence_numbers) {
  SentenceVectors out;
  for (std::uint64_t k : sentence_numbers) out.push_back(story_sentence(k));
  return index_sentences(out);
}

}  // namespace

TEST_CASE("translations: sentences that pair up in order make a translation") {
  const TranslationParams params;
  const auto original = story({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(translation_score(original, original, params) == doctest::Approx(1.0));
  // A translation that merged two sentences into one still pairs the rest in order.
  CHECK(translation_score(original, story({0, 1, 2, 3, 4, 5, 6, 7, 9}), params) >= params.threshold);
}

TEST_CASE("translations: shared sentences out of order, or a few quotes, are not a translation") {
  const TranslationParams params;
  const auto original = story({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  // The same sentences in reverse: each has its partner, but far from its place.
  CHECK(translation_score(original, story({9, 8, 7, 6, 5, 4, 3, 2, 1, 0}), params) < params.threshold);
  // Another article on the story that quotes three of its sentences among seven of its own.
  CHECK(translation_score(original, story({0, 21, 22, 4, 23, 24, 25, 8, 26, 27}), params) < params.threshold);
  // A short excerpt cannot be a translation of the whole.
  CHECK(translation_score(original, story({0, 1, 2}), params) == 0.0);
  CHECK(translation_score(original, SentenceIndex{}, params) == 0.0);
}

TEST_CASE("group: the approximate index takes any corpus size, and the caller's OpenMP setting is kept") {
  std::mt19937 rng(11);
  DenseMatrix values(6, 16);
  for (int i = 0; i < 6; ++i) values.row(i) = noisy_unit(16, i % 2, rng).transpose();
  const HalfMatrix vectors(values);
  KnnParams approximate;
  approximate.exact_search_limit = 1;  // an inverted file over 6 vectors
  const int before = omp_get_max_threads();
  omp_set_num_threads(3);
  std::vector<SimilarityEdge> edges;
  CHECK_NOTHROW(edges = knn_graph(vectors, approximate, 1));
  CHECK(!edges.empty());
  CHECK(omp_get_max_threads() == 3);  // a host program's OpenMP thread count is its own
  omp_set_num_threads(before);
}
