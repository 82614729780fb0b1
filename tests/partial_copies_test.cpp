// Partial copies (--containment): a truncated copy of a real article is reported as contained in
// it, as its own relation beside near-duplicate groups; related and unrelated articles are not.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "example_corpus.hpp"
#include "features/minhash.hpp"
#include "group/near_duplicates.hpp"
#include "pipeline/corpus_engine.hpp"
#include "seed_paths.hpp"

using namespace parallax;

namespace {

Document make_document(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

// The first `share` of a text, cut at a space: an excerpt as a wire service might run it.
std::string truncated(const std::string& text, double share) {
  const std::size_t cut = text.find(' ', static_cast<std::size_t>(text.size() * share));
  return text.substr(0, cut);
}

// seed-003, its first 40%, seed-000 (the same event in other words) and the example corpus's
// documents on other events.
std::vector<Document> corpus_with_an_excerpt() {
  const std::string article = test::read_file(test::seed_path(test::kSeed003));
  std::vector<Document> docs = {make_document("seed-003", article),
                                make_document("seed-003-excerpt", truncated(article, 0.4)),
                                make_document("seed-000", test::read_file(test::seed_path(test::kSeed000)))};
  for (Document& d : test::example_documents())
    if (d.id.rfind("seed-", 0) != 0) docs.push_back(std::move(d));
  return docs;
}

std::vector<std::pair<std::string, std::string>> partial_copy_ids(const CorpusEngine& engine) {
  std::vector<std::pair<std::string, std::string>> ids;
  for (const PartialCopy& p : engine.partial_copies())
    ids.emplace_back(engine.document(p.contained).id, engine.document(p.container).id);
  return ids;
}

}  // namespace

TEST_CASE("partial copies: a 40% excerpt of an article is contained in it, other articles are not") {
  for (const bool near_duplicates_only : {true, false}) {
    CAPTURE(near_duplicates_only);
    EngineOptions options;
    options.threads = 2;
    options.near_duplicates_only = near_duplicates_only;
    options.near_duplicates.containment = 0.8;
    CorpusEngine engine(options);
    for (Document& d : corpus_with_an_excerpt()) engine.add(std::move(d));
    engine.build(near_duplicates_only ? BuildScope::NearDuplicatesOnly : BuildScope::Everything);
    CHECK(engine.near_duplicate_groups().empty());  // the excerpt's Jaccard with the article is low
    REQUIRE(partial_copy_ids(engine) == std::vector<std::pair<std::string, std::string>>{{"seed-003-excerpt", "seed-003"}});
    const PartialCopy& copy = engine.partial_copies()[0];
    CHECK(copy.containment >= 0.8);
    CHECK(copy.jaccard < 0.6);
  }
}

TEST_CASE("partial copies: not looked for by default, and a near-duplicate pair is not also a partial copy") {
  const std::string article = test::read_file(test::seed_path(test::kSeed003));
  {
    CorpusEngine engine(EngineOptions{});
    for (Document& d : corpus_with_an_excerpt()) engine.add(std::move(d));
    engine.build(BuildScope::NearDuplicatesOnly);
    CHECK(engine.partial_copies().empty());
  }
  EngineOptions options;
  options.near_duplicates.containment = 0.8;
  CorpusEngine engine(options);
  engine.add(make_document("seed-003", article));
  engine.add(make_document("seed-003-most", truncated(article, 0.95)));
  engine.build(BuildScope::NearDuplicatesOnly);
  CHECK(engine.near_duplicate_groups().size() == 1);
  CHECK(engine.partial_copies().empty());
}

TEST_CASE("partial copies: containment is estimated from signatures and exact shingle counts") {
  std::vector<std::uint64_t> words(1000);
  for (std::size_t i = 0; i < words.size(); ++i) words[i] = 0x9e3779b97f4a7c15ull * (i + 1);
  const std::vector<std::uint64_t> excerpt(words.begin(), words.begin() + 400);
  CHECK(distinct_shingle_count(words, 2) == 999);
  CHECK(distinct_shingle_count(excerpt, 2) == 399);
  const MinHasher hasher({2, 128, 7});
  NearDuplicateParams params;
  params.containment = 0.9;
  const auto copies = find_partial_copies({hasher.signature_of_words(words), hasher.signature_of_words(excerpt)},
                                          {999, 399}, {}, params, 1);
  REQUIRE(copies.size() == 1);
  CHECK(copies[0].contained == 1);
  CHECK(copies[0].container == 0);
  CHECK(copies[0].containment == doctest::Approx(1.0).epsilon(0.1));
  CHECK(copies[0].jaccard == doctest::Approx(399.0 / 999).epsilon(0.25));
  // A smaller document under a quarter of the larger one is not judged: too noisy from 128 positions.
  const std::vector<std::uint64_t> snippet(words.begin(), words.begin() + 200);
  CHECK(find_partial_copies({hasher.signature_of_words(words), hasher.signature_of_words(snippet)}, {999, 199}, {},
                            params, 1)
            .empty());
  CHECK_THROWS_AS(find_partial_copies({hasher.signature_of_words(words)}, {}, {}, params, 1), std::invalid_argument);
}
