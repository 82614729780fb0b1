// The feature stores (store/feature_store.hpp): one scenario (documents added one by one and in
// batches, removed before and after a build, built) run by an engine over the in-memory store and
// by one over the SQLite store gives the same groups, events, translations and partial copies,
// which are those of a batch run that never saw the removed documents (but for the words shown for
// terms a removed document named first); features put are read back unchanged; a store of another
// feature version is refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cluster_results.hpp"
#include "example_corpus.hpp"
#include "pipeline/corpus_engine.hpp"
#include "pipeline/feature_version.hpp"
#include "store/in_memory_feature_store.hpp"
#include "store/sqlite_feature_store.hpp"
#include "temporary_folder.hpp"

namespace parallax {
namespace {

EngineOptions scenario_options() {
  EngineOptions o;
  o.threads = 2;
  o.near_duplicates.containment = 0.8;  // stores keep shingle counts too
  return o;
}

// The example corpus, a copy of its first document (a near-duplicate) and an excerpt of its
// second (a partial copy).
std::vector<Document> scenario_documents() {
  std::vector<Document> docs = test::example_documents();
  Document copy = docs[0];
  copy.id = "copy-of-first";
  copy.text.insert(copy.text.size() / 2, " inserted ");
  Document excerpt = docs[1];
  excerpt.id = "excerpt-of-second";
  excerpt.text = excerpt.text.substr(0, excerpt.text.find(' ', excerpt.text.size() * 2 / 5));
  docs.push_back(std::move(copy));
  docs.push_back(std::move(excerpt));
  return docs;
}

// Documents of events that keep other members: the groups, partial copy and translations stay.
std::vector<std::string> removed_ids(const std::vector<Document>& docs) { return {docs[3].id, docs[7].id, docs[9].id}; }

bool is_removed(const std::vector<std::string>& removed, const std::string& id) {
  return std::find(removed.begin(), removed.end(), id) != removed.end();
}

// Adds the first half one by one, the rest as one batch; removes one document before the build,
// builds, removes the others, builds again.
nlohmann::json run_scenario(CorpusEngine& engine, const std::vector<Document>& docs) {
  const std::vector<std::string> removed = removed_ids(docs);
  const std::size_t half = docs.size() / 2;
  for (std::size_t i = 0; i < half; ++i) engine.add(Document(docs[i]));
  CHECK(engine.add_batch({docs.begin() + static_cast<std::ptrdiff_t>(half), docs.end()}) == docs.size() - half);
  CHECK(engine.remove(removed[0]));
  engine.build(BuildScope::Everything);
  CHECK(engine.remove_batch({removed[1], removed[2], "no-such-id"}) == 2);
  CHECK_FALSE(engine.current_scope());
  engine.build(BuildScope::Everything);
  for (std::size_t i = 1; i < engine.size(); ++i) CHECK(engine.key(i - 1) < engine.key(i));
  return test::results_of(engine);
}

// The results without events' top terms: a term first named by a removed document keeps that
// word (CorpusEngine::remove), where a run that never saw the document may show a gloss instead.
nlohmann::json without_top_terms(nlohmann::json results) {
  for (auto& event : results[0]) event.erase("top_terms");
  return results;
}

nlohmann::json batch_results(const std::vector<Document>& docs) {
  CorpusEngine engine(scenario_options());
  const std::vector<std::string> removed = removed_ids(docs);
  for (const Document& d : docs)
    if (!is_removed(removed, d.id)) engine.add(Document(d));
  engine.build(BuildScope::Everything);
  return test::results_of(engine);
}

// A new SQLite feature store in a file.
struct SqliteStoreFile {
  test::TemporaryFolder folder;
  std::string path = folder.file("features.db");
  SqliteDatabase db{path, SqliteDatabase::Access::ReadWrite, 1000};

  explicit SqliteStoreFile(const std::string& feature_version) {
    Transaction tx(db, Transaction::Kind::Write);
    SqliteFeatureStore::create_tables(db, feature_version);
    tx.commit();
  }
};

TEST_CASE("feature stores: the same scenario over memory and SQLite gives the batch run's results") {
  const EngineOptions options = scenario_options();
  const std::vector<Document> docs = scenario_documents();
  const nlohmann::json want = batch_results(docs);
  REQUIRE_FALSE(want[0].empty());  // events
  REQUIRE_FALSE(want[1].empty());  // near-duplicate groups
  REQUIRE_FALSE(want[2].empty());  // translations
  REQUIRE_FALSE(want[3].empty());  // partial copies

  InMemoryFeatureStore memory(feature_version(options), feature_layout(options));
  CorpusEngine over_memory(options, memory);
  const nlohmann::json got = run_scenario(over_memory, docs);
  CHECK(without_top_terms(got) == without_top_terms(want));
  CHECK(memory.size() == docs.size() - 3);

  SqliteStoreFile file(feature_version(options));
  SqliteFeatureStore sqlite(file.db);
  {
    CorpusEngine over_sqlite(options, sqlite);
    CHECK(run_scenario(over_sqlite, docs) == got);  // top terms included: both stores name alike
  }
  CHECK(sqlite.size() == docs.size() - 3);
  for (const std::string& id : removed_ids(docs)) {
    CHECK_FALSE(memory.find(id));
    CHECK_FALSE(sqlite.find(id));
  }

  // What was written through is all there is: a new connection's engine builds the same.
  SqliteDatabase reopened(file.path, SqliteDatabase::Access::ReadOnly, 1000);
  SqliteFeatureStore stored(reopened);
  CorpusEngine from_file(options, stored);
  CHECK(from_file.size() == docs.size() - 3);
  from_file.build(BuildScope::Everything);
  CHECK(test::results_of(from_file) == got);
}

TEST_CASE("feature stores: extra fields are read back from SQLite verbatim, a damaged column is a StoreError") {
  const EngineOptions options = scenario_options();
  InMemoryFeatureStore memory(feature_version(options), feature_layout(options));
  std::vector<Document> docs = test::example_documents();
  docs.resize(1);
  docs[0].extra_fields = {
      {"meta", R"({"z": 1, "a": [1.50, "\u0041"]})"}, {"tag", R"("quote \" é")"}, {"meta", "null"}};
  {
    CorpusEngine engine(options, memory);
    engine.add_batch(docs);
  }
  std::vector<DocumentFeatures> analyzed;
  memory.read_all({}, [&](DocumentKey, DocumentFeatures&& f) { analyzed.push_back(std::move(f)); });
  REQUIRE(analyzed.size() == 1);
  REQUIRE(analyzed[0].record.extra_fields == docs[0].extra_fields);

  SqliteStoreFile file(feature_version(options));
  SqliteFeatureStore sqlite(file.db);
  const std::vector<std::optional<DocumentKey>> keys = sqlite.put(analyzed);
  REQUIRE(keys.size() == 1);
  REQUIRE(keys[0]);
  const std::optional<DocumentFeatures> back = sqlite.get(*keys[0]);
  REQUIRE(back);
  CHECK(back->record.extra_fields == docs[0].extra_fields);
  for (const char* damaged : {"UPDATE documents SET extra = '[[\"k\"]]'", "UPDATE documents SET extra = '[[\"k\", 1]]'",
                              "UPDATE documents SET extra = '{}'", "UPDATE documents SET extra = '[[\"k\", \"v\"'"}) {
    CAPTURE(damaged);
    file.db.execute(damaged);
    CHECK_THROWS_AS(sqlite.get(*keys[0]), StoreError);
  }
}

TEST_CASE("feature stores: features put are read back unchanged, by key and in key order") {
  const EngineOptions options = scenario_options();
  InMemoryFeatureStore memory(feature_version(options), feature_layout(options));
  {
    CorpusEngine engine(options, memory);
    engine.add_batch(test::example_documents());
  }
  std::vector<DocumentFeatures> analyzed;
  memory.read_all({}, [&](DocumentKey, DocumentFeatures&& f) { analyzed.push_back(std::move(f)); });
  REQUIRE(analyzed.size() == test::example_documents().size());

  SqliteStoreFile file(feature_version(options));
  SqliteFeatureStore sqlite(file.db);
  const std::vector<std::optional<DocumentKey>> keys = sqlite.put(analyzed);
  REQUIRE(keys.size() == analyzed.size());
  CHECK(sqlite.put({analyzed[0]}) == std::vector<std::optional<DocumentKey>>{std::nullopt});  // its id is stored
  for (std::size_t i = 0; i < analyzed.size(); ++i) {
    REQUIRE(keys[i]);
    const std::optional<DocumentFeatures> back = sqlite.get(*keys[i]);
    REQUIRE(back);
    CHECK(back->record.id == analyzed[i].record.id);
    CHECK(back->record.title == analyzed[i].record.title);
    CHECK(back->record.lang == analyzed[i].record.lang);
    CHECK(back->record.extra_fields == analyzed[i].record.extra_fields);
    CHECK(back->signature == analyzed[i].signature);
    CHECK(back->term_counts.terms == analyzed[i].term_counts.terms);
    CHECK(back->term_counts.counts == analyzed[i].term_counts.counts);
    CHECK(back->shingle_count == analyzed[i].shingle_count);
    CHECK(back->sentence_terms == analyzed[i].sentence_terms);
    CHECK(back->sentence_ends == analyzed[i].sentence_ends);
    CHECK(!analyzed[i].sentence_ends.empty());
  }
  CHECK(sqlite.remove({*keys[1], *keys[1] + 1000}) == 1);
  CHECK_FALSE(sqlite.get(*keys[1]));
  std::vector<DocumentKey> order;
  sqlite.read_all({}, [&](DocumentKey key, DocumentFeatures&&) { order.push_back(key); });
  CHECK(order.size() == analyzed.size() - 1);
  CHECK(std::is_sorted(order.begin(), order.end()));
}

TEST_CASE("feature stores: a store of another feature version is refused by an engine") {
  const EngineOptions options = scenario_options();
  const std::string other = "features 0; minhash seed 42";
  REQUIRE(feature_version(options) != other);

  InMemoryFeatureStore memory(other, feature_layout(options));
  CHECK_THROWS_WITH_AS((CorpusEngine{options, memory}), doctest::Contains("cannot be mixed"), IncompatibleStoreError);

  SqliteStoreFile file(other);
  SqliteFeatureStore sqlite(file.db);
  CHECK(sqlite.feature_version() == other);
  CHECK_THROWS_WITH_AS((CorpusEngine{options, sqlite}), doctest::Contains("cannot be mixed"), IncompatibleStoreError);

  EngineOptions reseeded = options;  // the MinHash seed is part of the version
  reseeded.minhash.seed += 1;
  InMemoryFeatureStore current(feature_version(options), feature_layout(options));
  CHECK_THROWS_AS((CorpusEngine{reseeded, current}), IncompatibleStoreError);
  CHECK_NOTHROW((CorpusEngine{options, current}));
}

}  // namespace
}  // namespace parallax
