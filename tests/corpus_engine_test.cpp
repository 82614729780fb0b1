// Tests of the corpus pipeline: its near-duplicate-only mode (what `parallax dedup` runs: the same
// groups as the full analysis, languages from scripts, no event building), freed build inputs,
// and documents removed by id.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
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
    copy.id = "copy-of-" + copy.id;  // the corpus has its own "seed-003-copy"
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
    const std::size_t a = *dedup.find(original.id), b = *dedup.find("copy-of-" + original.id);
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
  CHECK(freed.vectors() == kept.vectors());
  CHECK_THROWS_AS(freed.signature(0), std::logic_error);
  CHECK_THROWS_AS(freed.build(BuildScope::Everything), std::logic_error);
  CHECK_NOTHROW(kept.build(BuildScope::Everything));  // an engine that keeps them builds again
}

namespace {

std::vector<std::vector<std::string>> event_ids(const CorpusEngine& engine) {
  std::vector<std::vector<std::string>> events;
  for (const auto& e : engine.event_clusters()) {
    events.emplace_back();
    for (std::size_t m : e.members) events.back().push_back(engine.document(m).id);
  }
  return events;
}

// Partial copies and translations as (id, id) pairs: indices differ between the engines.
std::vector<std::pair<std::string, std::string>> related_ids(const CorpusEngine& engine) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : engine.partial_copies())
    out.emplace_back(engine.document(p.contained).id, engine.document(p.container).id);
  for (const auto& t : engine.translations()) out.emplace_back(engine.document(t.first).id, engine.document(t.second).id);
  return out;
}

}  // namespace

TEST_CASE("corpus engine: removing documents by id gives the results of never adding them") {
  EngineOptions options;
  options.threads = 2;
  options.near_duplicates.containment = 0.8;  // partial copies keep per-document shingle counts too
  std::vector<Document> docs = documents_with_copies();
  const std::vector<std::string> removed = {docs.front().id, docs[docs.size() / 2].id, docs[3].id, docs.back().id};
  const std::string& whole = docs[1].text;  // 40% of it: a partial copy
  docs.push_back(make_document("excerpt", whole.substr(0, whole.find(' ', whole.size() * 2 / 5)), docs[1].lang));
  CorpusEngine reference(options), engine(options);
  for (const Document& d : docs) {
    if (std::find(removed.begin(), removed.end(), d.id) == removed.end()) reference.add(Document(d));
    engine.add(Document(d));
  }
  reference.build(BuildScope::Everything);
  CHECK(engine.remove(removed[0]));  // before any build
  engine.build(BuildScope::Everything);
  REQUIRE(engine.current_scope() == BuildScope::Everything);
  for (std::size_t r = 1; r < removed.size(); ++r) CHECK(engine.remove(removed[r]));
  CHECK(!engine.current_scope());
  CHECK(!engine.remove(removed[1]));
  engine.build(BuildScope::Everything);

  REQUIRE(engine.size() == reference.size());
  for (std::size_t i = 0; i < reference.size(); ++i) {  // the others keep their ids, in order
    const std::string& id = reference.document(i).id;
    CHECK(engine.document(i).id == id);
    CHECK(engine.find(id) == std::optional<std::size_t>(i));
  }
  for (const std::string& id : removed) CHECK(!engine.contains(id));
  CHECK(group_ids(engine) == group_ids(reference));
  CHECK(event_ids(engine) == event_ids(reference));
  CHECK(related_ids(engine) == related_ids(reference));
  CHECK(!reference.partial_copies().empty());
  CHECK(!reference.translations().empty());  // read from the sentence spill, where indices moved too
  CHECK(engine.vectors() == reference.vectors());
  CHECK(engine.document_frequencies().serialize() == reference.document_frequencies().serialize());
  for (std::size_t i = 0; i < reference.size(); ++i) {
    CHECK(engine.signature(i) == reference.signature(i));
    CHECK(engine.term_counts(i).terms == reference.term_counts(i).terms);
  }
}

TEST_CASE("corpus engine: ids are known from add, and removal needs the build inputs") {
  EngineOptions options;
  options.threads = 2;
  options.keep_build_inputs = false;
  CorpusEngine engine(options);
  engine.add(make_document("a", "The central bank raised interest rates on Tuesday."));
  engine.add(make_document("b", "Storms closed the port for a second day."));
  CHECK(engine.find("b") == std::optional<std::size_t>(1));  // queued, not analyzed yet
  CHECK(engine.contains("a"));
  CHECK(!engine.find("c"));
  CHECK(!engine.current_scope());
  engine.build(BuildScope::Everything);
  CHECK(engine.current_scope() == BuildScope::Everything);
  CHECK_THROWS_AS(engine.remove("a"), std::logic_error);
}
