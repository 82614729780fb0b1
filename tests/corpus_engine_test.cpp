// Tests of the corpus pipeline's near-duplicate-only mode (what `parallax dedup` runs): the same
// groups as the full analysis, languages from scripts, and no event building.
#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "example_corpus.hpp"
#include "pipeline/corpus_engine.hpp"

namespace {

using namespace parallax;

// Every example document, and a copy of each with one word changed (a near-duplicate).
std::vector<Document> documents_with_copies() {
  std::vector<Document> docs = test::example_documents();
  const std::size_t originals = docs.size();
  for (std::size_t i = 0; i < originals; ++i) {
    Document copy = docs[i];
    copy.id += "-copy";
    copy.text.insert(copy.text.size() / 2, " inserted ");
    docs.push_back(std::move(copy));
  }
  return docs;
}

Document make_document(std::string id, std::string text, std::string lang = "") {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.lang = std::move(lang);
  return d;
}

// Feeds the same documents (every example and a copy of each) to two engines.
void add_documents_with_copies(CorpusEngine& first, CorpusEngine& second) {
  for (Document& d : documents_with_copies()) {
    Document copy = d;
    first.add(std::move(copy));
    second.add(std::move(d));
  }
}

std::vector<std::vector<std::string>> group_ids(const CorpusEngine& engine) {
  std::vector<std::vector<std::string>> groups;
  for (const auto& g : engine.near_duplicate_groups()) {
    groups.emplace_back();
    for (std::size_t m : g.members) groups.back().push_back(engine.document(m).id);
  }
  return groups;
}

}  // namespace

TEST_CASE("corpus engine: near-duplicates-only analysis finds the same groups as the full one") {
  EngineOptions full_options;
  full_options.threads = 2;
  EngineOptions dedup_options = full_options;
  dedup_options.near_duplicates_only = true;
  CorpusEngine full(full_options), dedup(dedup_options);
  add_documents_with_copies(full, dedup);
  full.build(BuildScope::Everything);
  dedup.build(BuildScope::NearDuplicatesOnly);
  const auto groups = group_ids(dedup);
  CHECK(groups == group_ids(full));
  // Every copy is grouped with its original.
  for (const Document& original : test::example_documents()) {
    const std::size_t a = *dedup.find(original.id), b = *dedup.find(original.id + "-copy");
    const bool together = std::any_of(dedup.near_duplicate_groups().begin(), dedup.near_duplicate_groups().end(),
                                      [&](const NearDuplicateGroup& g) {
                                        return std::count(g.members.begin(), g.members.end(), a) +
                                                   std::count(g.members.begin(), g.members.end(), b) == 2;
                                      });
    CHECK_MESSAGE(together, original.id);
  }
  for (std::size_t i = 0; i < dedup.size(); ++i) CHECK(dedup.signature(i) == full.signature(i));
  CHECK_THROWS_AS(dedup.build(BuildScope::Everything), std::logic_error);
}

TEST_CASE("corpus engine: near-duplicates-only analysis names a missing language by its script") {
  EngineOptions options;
  options.near_duplicates_only = true;
  CorpusEngine engine(options);
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"ar", "قال البيت الأبيض إن الرئيس تحدث مع فلاديمير بوتين"},
      {"ru", "Путин и Байден обсудили по телефону продление договора"},
      {"en", "Biden and Putin discussed the treaty by phone"},
      {"und", "2021 - 01 - 26"}};
  for (std::size_t i = 0; i < texts.size(); ++i) engine.add(make_document("d" + std::to_string(i), texts[i].second));
  engine.add(make_document("given", "Biden et Poutine", "fr"));
  engine.build(BuildScope::NearDuplicatesOnly);
  for (std::size_t i = 0; i < texts.size(); ++i) CHECK(engine.document(i).lang == texts[i].first);
  CHECK(engine.document(texts.size()).lang == "fr");
}

TEST_CASE("corpus engine: freeing build inputs changes no result and allows one build") {
  EngineOptions keeping;
  keeping.threads = 2;
  EngineOptions freeing = keeping;
  freeing.keep_build_inputs = false;
  CorpusEngine kept(keeping), freed(freeing);
  add_documents_with_copies(kept, freed);
  kept.build(BuildScope::Everything);
  freed.build(BuildScope::Everything);
  CHECK(group_ids(freed) == group_ids(kept));
  REQUIRE(freed.event_clusters().size() == kept.event_clusters().size());
  for (std::size_t e = 0; e < kept.event_clusters().size(); ++e) {
    CHECK(freed.event_clusters()[e].members == kept.event_clusters()[e].members);
    CHECK(freed.event_clusters()[e].top_terms == kept.event_clusters()[e].top_terms);
    CHECK(!kept.event_clusters()[e].top_terms.empty());
  }
  CHECK(freed.vectors().isApprox(kept.vectors()));
  CHECK_THROWS_AS(freed.signature(0), std::logic_error);
  CHECK_THROWS_AS(freed.build(BuildScope::Everything), std::logic_error);
  CHECK_NOTHROW(kept.build(BuildScope::Everything));  // an engine that keeps them builds again
}
