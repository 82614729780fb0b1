// The document index (store/document_index): batches, adds and deletes give what one batch build
// of the same documents gives; queries store nothing; stores of other options or feature versions,
// missing, damaged and locked stores are refused with the file's name.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <set>
#include <thread>

#include "cli_process.hpp"
#include "cluster_results.hpp"
#include "example_corpus.hpp"
#include "pipeline/corpus_engine.hpp"
#include "store/document_index.hpp"
#include "temporary_folder.hpp"

namespace parallax {
namespace {

namespace fs = std::filesystem;

using test::results_of;
using test::TemporaryFolder;

IndexOptions small_batches(std::size_t batch) {
  IndexOptions o;
  o.engine.threads = 2;
  o.batch_size = batch;
  return o;
}

nlohmann::json batch_results(std::vector<Document> documents) {
  EngineOptions o;
  o.threads = 2;
  CorpusEngine engine(o);
  for (auto& d : documents) engine.add(std::move(d));
  engine.build(BuildScope::Everything);
  return results_of(engine);
}

// Each event's and group's member ids, as sets: what deleting documents must leave equal.
std::set<std::set<std::string>> member_sets(const nlohmann::json& groups) {
  std::set<std::set<std::string>> out;
  for (const auto& g : groups) {
    std::set<std::string> ids;
    for (const auto& m : g["members"]) ids.insert(m["id"].get<std::string>());
    out.insert(ids);
  }
  return out;
}

std::string sql_value(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK);
  std::string value;
  if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
    value = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return value;
}

TEST_CASE("index: documents added in batches give the groups and events of one batch build") {
  TemporaryFolder tmp;
  const auto docs = test::example_documents();
  REQUIRE(docs.size() >= 10);
  {
    DocumentIndex index(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(4));
    for (auto d : docs) CHECK(index.add(std::move(d)));
    CHECK(index.commit() == docs.size());
  }
  DocumentIndex index(tmp.file("s.db"), DocumentIndex::Access::ReadOnly, small_batches(4));
  const nlohmann::json got = results_of(*index.built_engine());
  CHECK(got == batch_results(docs));
  CHECK_FALSE(got[0].empty());
  const IndexStats st = index.stats();
  CHECK(st.documents == docs.size());
  CHECK(st.batches == (docs.size() + 3) / 4);
  CHECK(st.assignments_current);
  CHECK(st.events == got[0].size());
  CHECK(st.near_duplicate_groups == got[1].size());
  CHECK(sql_value(tmp.file("s.db"), "PRAGMA journal_mode") == "wal");
}

TEST_CASE("index: two adds equal one, and ids already stored are skipped") {
  TemporaryFolder tmp;
  const auto docs = test::example_documents();
  const std::size_t half = docs.size() / 2;
  {
    DocumentIndex index(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(1000));
    for (std::size_t i = 0; i < half; ++i) index.add(Document(docs[i]));
    CHECK(index.commit() == half);
  }
  DocumentIndex index(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(1000));
  std::size_t skipped = 0;
  for (auto d : docs) skipped += index.add(std::move(d)) ? 0 : 1;  // the whole corpus again
  CHECK(skipped == half);
  CHECK(index.commit() == docs.size() - half);
  CHECK(results_of(*index.built_engine()) == batch_results(docs));
}

TEST_CASE("index: a handle whose copy of the store another handle overtook reads it again") {
  TemporaryFolder tmp;
  const auto docs = test::example_documents();
  REQUIRE(docs.size() >= 8);
  DocumentIndex first(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(2));
  DocumentIndex second(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(2));
  CHECK(first.add(Document(docs[0])));
  CHECK(first.add(Document(docs[1])));  // a whole batch: put through first's engine, which stays
  for (std::size_t i = 2; i < 6; ++i) CHECK(second.add(Document(docs[i])));
  CHECK(second.commit() == 4);
  CHECK(first.built_engine()->size() == 6);  // a read of first's must not pass its copy off as current
  for (std::size_t i = 6; i < docs.size(); ++i) CHECK(first.add(Document(docs[i])));
  CHECK(first.commit() == docs.size() - 4);  // its copy lacked second's documents: read again
  CHECK(results_of(*second.built_engine()) == batch_results(docs));
  CHECK(first.stats().assignments_current);
  CHECK(first.stats().events == results_of(*first.built_engine())[0].size());
  CHECK(first.stats().near_duplicate_groups == results_of(*first.built_engine())[1].size());

  CHECK(second.remove({docs[6].id}) == 1);  // second's copy lacks first's later documents
  auto rest = docs;
  rest.erase(rest.begin() + 6);
  const nlohmann::json got = results_of(*first.built_engine()), want = batch_results(rest);
  CHECK(member_sets(got[0]) == member_sets(want[0]));
  CHECK(member_sets(got[1]) == member_sets(want[1]));
  CHECK(first.stats().documents == rest.size());
}

TEST_CASE("index: a query finds its stored copy and event, and stores nothing") {
  TemporaryFolder tmp;
  const auto docs = test::example_documents();
  DocumentIndex index(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(1000));
  for (auto d : docs) index.add(std::move(d));
  index.commit();
  Document probe = docs[0];
  probe.id = "probe";
  Document unrelated;
  unrelated.id = "unrelated";
  unrelated.text = "The chess club meets on Tuesday evenings in the library basement, and new members are asked to bring "
      "their own boards and clocks.";
  const auto results = index.query({probe, unrelated});
  REQUIRE(results.size() == 2);
  CHECK(results[0].id == "probe");
  REQUIRE(results[0].near_duplicates.size() >= 1);
  CHECK(results[0].near_duplicates[0].id == docs[0].id);
  CHECK(results[0].near_duplicates[0].jaccard == doctest::Approx(1.0));
  CHECK(std::count(results[0].event_members.begin(), results[0].event_members.end(), docs[0].id) == 1);
  CHECK(results[1].near_duplicates.empty());
  CHECK(results[1].event_members.empty());
  CHECK(index.stats().documents == docs.size());
}

// Each stored document again under another id: a query of its exact copy.
std::vector<Document> probes_of(const std::vector<Document>& docs) {
  std::vector<Document> probes = docs;
  for (auto& p : probes) p.id = "probe-" + p.id;
  return probes;
}

std::vector<std::string> near_duplicate_ids(const IndexQueryResult& r) {
  std::vector<std::string> ids;
  for (const auto& m : r.near_duplicates) ids.push_back(m.id);
  return ids;
}

TEST_CASE("index: a lookup query finds the near-duplicates a rebuild finds, and a stored copy joins its event") {
  TemporaryFolder tmp;
  const auto docs = test::example_documents();
  DocumentIndex index(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(1000));
  for (auto d : docs) index.add(std::move(d));
  index.commit();
  const auto looked_up = index.query(probes_of(docs), QueryMethod::Lookup);
  const auto rebuilt = index.query(probes_of(docs), QueryMethod::Rebuild);
  REQUIRE(looked_up.size() == docs.size());
  REQUIRE(rebuilt.size() == docs.size());
  for (std::size_t q = 0; q < docs.size(); ++q) {
    CAPTURE(docs[q].id);
    CHECK(looked_up[q].id == rebuilt[q].id);
    CHECK(near_duplicate_ids(looked_up[q]) == near_duplicate_ids(rebuilt[q]));
    // Its own copy is its nearest stored neighbour: the copy joins the original's event.
    CHECK(std::count(looked_up[q].event_members.begin(), looked_up[q].event_members.end(), docs[q].id) == 1);
  }
}

TEST_CASE("index: a lookup query keeps the date rule, and undated queries are rebuilt") {
  TemporaryFolder tmp;
  const auto docs = test::example_documents();
  DocumentIndex index(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(1000));
  for (auto d : docs) index.add(std::move(d));
  index.commit();
  // Two years after its original: no stored event is within the date window, in either method.
  Document later = probes_of({docs[0]})[0];
  later.date = "2023-01-27";
  const auto looked_up = index.query({later}, QueryMethod::Lookup);
  REQUIRE(looked_up.size() == 1);
  CHECK(looked_up[0].event_members.empty());
  const auto later_rebuilt = index.query({later}, QueryMethod::Rebuild);
  CHECK(later_rebuilt[0].event_members.empty());
  // Copies are copies whatever their dates.
  CHECK(near_duplicate_ids(looked_up[0]) == near_duplicate_ids(later_rebuilt[0]));
  CHECK_FALSE(looked_up[0].near_duplicates.empty());
  // Undated: it may join an event of any date, which only a rebuild answers.
  Document undated = probes_of({docs[0]})[0];
  undated.date.clear();
  const auto undated_lookup = index.query({undated}, QueryMethod::Lookup);
  const auto undated_rebuild = index.query({undated}, QueryMethod::Rebuild);
  CHECK(undated_lookup[0].event_members == undated_rebuild[0].event_members);
  CHECK(undated_lookup[0].event_label == undated_rebuild[0].event_label);
  CHECK(undated_lookup[0].event_top_terms == undated_rebuild[0].event_top_terms);
}

TEST_CASE("index: a store whose snapshot is missing or stale is queried by a rebuild until it is recomputed") {
  TemporaryFolder tmp;
  const auto docs = test::example_documents();
  const std::string path = tmp.file("s.db");
  {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, small_batches(1000));
    for (std::size_t d = 0; d + 1 < docs.size(); ++d) index.add(Document(docs[d]));
    index.commit();
  }
  // What an earlier parallax leaves: no snapshot tables (schema 1 before them), or assignments
  // recomputed by a writer that did not write the snapshot (its descriptions marked, so that a
  // lookup reading them shows).
  for (const char* sql : {"DROP TABLE frequencies; DROP TABLE event_descriptions; DELETE FROM meta WHERE key = 'snapshot_generation'",
                          "UPDATE meta SET value = '-1' WHERE key = 'snapshot_generation'; UPDATE event_descriptions SET label = 'stale'"}) {
    CAPTURE(sql);
    DocumentIndex fresh(path, DocumentIndex::Access::ReadWrite, small_batches(1000));
    fresh.add(Document(docs.back()));
    fresh.commit();
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    DocumentIndex reader(path, DocumentIndex::Access::ReadOnly, small_batches(1000));
    const auto looked_up = reader.query(probes_of(docs), QueryMethod::Lookup);
    const auto rebuilt = reader.query(probes_of(docs), QueryMethod::Rebuild);
    for (std::size_t q = 0; q < docs.size(); ++q) {
      CHECK(looked_up[q].event_members == rebuilt[q].event_members);
      CHECK(looked_up[q].event_label == rebuilt[q].event_label);
    }
    // The next recomputation writes the snapshot again.
    DocumentIndex writer(path, DocumentIndex::Access::ReadWrite, small_batches(1000));
    CHECK(writer.remove({docs.back().id}) == 1);
    CHECK(sql_value(path, "SELECT value FROM meta WHERE key = 'snapshot_generation'") ==
          sql_value(path, "SELECT value FROM meta WHERE key = 'generation'"));
    CHECK(sql_value(path, "SELECT count(*) FROM event_descriptions") ==
          std::to_string(writer.built_engine()->event_clusters().size()));
  }
}

TEST_CASE("index: deleting documents leaves the groups and events of the others") {
  TemporaryFolder tmp;
  auto docs = test::example_documents();
  DocumentIndex index(tmp.file("s.db"), DocumentIndex::Access::ReadWrite, small_batches(5));
  for (auto d : docs) index.add(std::move(d));
  index.commit();
  const std::vector<std::string> gone = {docs[1].id, docs[4].id, "no-such-id"};
  CHECK(index.remove(gone) == 2);
  docs.erase(docs.begin() + 4);
  docs.erase(docs.begin() + 1);
  const nlohmann::json got = results_of(*index.built_engine()), want = batch_results(docs);
  CHECK(member_sets(got[0]) == member_sets(want[0]));
  CHECK(member_sets(got[1]) == member_sets(want[1]));
  CHECK(index.stats().documents == docs.size());
  CHECK(index.stats().assignments_current);
}

TEST_CASE("index: a store of other options or another feature version is refused, naming the file") {
  TemporaryFolder tmp;
  const std::string path = tmp.file("s.db");
  {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, small_batches(10));
    index.add(Document(test::example_documents()[0]));
    index.commit();
  }
  IndexOptions other = small_batches(10);
  other.engine.near_duplicates.jaccard_threshold = 0.6;
  other.given = {"dup-threshold"};
  try {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, other);
    FAIL("opened with another dup_threshold");
  } catch (const IncompatibleStoreError& e) {
    CHECK(std::string(e.what()).find(path) == 0);
    CHECK(std::string(e.what()).find("dup_threshold=0.45, not 0.6") != std::string::npos);
  }
  other.given.clear();  // not given: the store's own value applies
  CHECK(DocumentIndex(path, DocumentIndex::Access::ReadOnly, other).engine_options().near_duplicates.jaccard_threshold ==
        doctest::Approx(0.45));

  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE meta SET value = 'features 0' WHERE key = 'feature_version'", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(db);
  try {
    DocumentIndex index(path, DocumentIndex::Access::ReadOnly, small_batches(10));
    FAIL("opened a store of another feature version");
  } catch (const IncompatibleStoreError& e) {
    CHECK(std::string(e.what()).find(path) == 0);
    CHECK(std::string(e.what()).find("cannot be mixed") != std::string::npos);
  }
}

TEST_CASE("index: missing, foreign, damaged and locked stores fail with the file's name") {
  TemporaryFolder tmp;
  const std::string missing = tmp.file("missing.db");
  CHECK_THROWS_WITH_AS(DocumentIndex(missing, DocumentIndex::Access::ReadOnly, {}),
                       doctest::Contains((missing + ": no such index").c_str()), StoreError);
  CHECK_FALSE(fs::exists(missing));

  const std::string text = tmp.file("notes.db");
  std::ofstream(text) << "this is not a database, only some text that is long enough to be read as a header\n";
  CHECK_THROWS_WITH_AS(DocumentIndex(text, DocumentIndex::Access::ReadWrite, {}),
                       doctest::Contains((text + ": not a parallax index").c_str()), StoreError);

  const std::string foreign = tmp.file("foreign.db");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(foreign.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  CHECK_THROWS_WITH_AS(DocumentIndex(foreign, DocumentIndex::Access::ReadWrite, {}),
                       doctest::Contains((foreign + ": not a parallax index").c_str()), StoreError);

  const std::string path = tmp.file("s.db");
  IndexOptions quick = small_batches(10);
  quick.busy_timeout_ms = 50;
  DocumentIndex index(path, DocumentIndex::Access::ReadWrite, quick);
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  index.add(Document(test::example_documents()[0]));
  CHECK_THROWS_WITH_AS(index.commit(), doctest::Contains((path + ": ").c_str()), StoreError);
  CHECK_THROWS_WITH_AS(index.commit(), doctest::Contains("locked"), StoreError);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
}

// The store's assignments as sets of member ids: its events, or its near-duplicate groups (no -1).
std::set<std::set<std::string>> assigned_sets(const std::string& path, const char* column) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  const std::string sql = std::string("SELECT d.id, a.") + column + " FROM documents AS d JOIN assignments AS a USING(doc)";
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
  std::map<std::int64_t, std::set<std::string>> by_label;
  while (sqlite3_step(s) == SQLITE_ROW)
    if (const std::int64_t label = sqlite3_column_int64(s, 1); label >= 0)
      by_label[label].insert(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(db);
  std::set<std::set<std::string>> out;
  for (auto& [label, ids] : by_label) out.insert(std::move(ids));
  return out;
}

IndexOptions incremental_up_to(double share) {
  IndexOptions o = small_batches(1000);
  o.incremental.recompute_share = share;
  return o;
}

TEST_CASE("index: an incremental add keeps the batch's near-duplicate groups, and a copy joins its original's event") {
  TemporaryFolder tmp;
  const std::string path = tmp.file("s.db");
  auto docs = test::example_documents();
  {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(1.0));
    for (std::size_t d = 0; d + 1 < docs.size(); ++d) index.add(Document(docs[d]));
    index.commit();  // a new store: recomputed
    CHECK(index.stats().incremental_documents == 0);
  }
  Document copy = docs[0];
  copy.id = "copy-of-" + docs[0].id;
  DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(1.0));
  index.add(Document(copy));
  index.add(Document(docs.back()));
  CHECK(index.commit() == 2);
  const IndexStats stats = index.stats();
  CHECK(stats.incremental_documents == 2);
  CHECK(stats.assignments_current);
  docs.push_back(copy);
  const nlohmann::json batch = batch_results(docs);
  CHECK(assigned_sets(path, "near_duplicate_group") == member_sets(batch[1]));
  const auto events = assigned_sets(path, "event");
  CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.count(copy.id) && e.count(docs[0].id); }));
  std::size_t assigned = 0;
  for (const auto& e : events) assigned += e.size();
  CHECK(assigned == docs.size());
  // Queries look the placed documents up like any other.
  const auto found = index.query(probes_of({copy}), QueryMethod::Lookup);
  CHECK(std::count(found[0].event_members.begin(), found[0].event_members.end(), copy.id) == 1);
}

// Words first .. last - 1 of a made-up vocabulary: two spans overlap by their shared words.
std::string span_text(int first, int last) {
  std::string text;
  for (int w = first; w < last; ++w) text += "term" + std::to_string(w) + (w % 12 == 11 ? ". " : " ");
  return text;
}

Document dated(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.date = "2024-03-01";
  return d;
}

TEST_CASE("index: a new document that copies two stored groups merges them, as the batch run does") {
  TemporaryFolder tmp;
  const std::string path = tmp.file("s.db");
  // a and b share 60 of 140 words (not copies); the bridge shares 80 of 120 with each.
  std::vector<Document> docs = {dated("a", span_text(0, 100)), dated("a-copy", span_text(0, 98)),
                                dated("b", span_text(40, 140)), dated("b-copy", span_text(42, 140))};
  {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(1.0));
    for (const auto& d : docs) index.add(Document(d));
    index.commit();
  }
  REQUIRE(assigned_sets(path, "near_duplicate_group") ==
          std::set<std::set<std::string>>{{"a", "a-copy"}, {"b", "b-copy"}});
  DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(1.0));
  index.add(dated("bridge", span_text(20, 120)));
  index.commit();
  CHECK(index.stats().incremental_documents == 1);
  docs.push_back(dated("bridge", span_text(20, 120)));
  CHECK(assigned_sets(path, "near_duplicate_group") == member_sets(batch_results(docs)[1]));
  CHECK(assigned_sets(path, "near_duplicate_group") ==
        std::set<std::set<std::string>>{{"a", "a-copy", "b", "b-copy", "bridge"}});
}

TEST_CASE("index: past the share, with --recompute, an undated document or another writer in between, an add recomputes") {
  TemporaryFolder tmp;
  const auto docs = test::example_documents();
  auto batch_events = [&](std::size_t count) {
    return member_sets(batch_results(std::vector<Document>(docs.begin(), docs.begin() + static_cast<std::ptrdiff_t>(count)))[0]);
  };
  const std::string path = tmp.file("s.db");
  const std::size_t base = docs.size() - 4;
  {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(1.0));
    for (std::size_t d = 0; d < base; ++d) index.add(Document(docs[d]));
    index.commit();
  }
  SUBCASE("a share the add passes") {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(1.0 / static_cast<double>(base + 1)));
    index.add(Document(docs[base]));
    index.add(Document(docs[base + 1]));
    index.commit();
    CHECK(index.stats().incremental_documents == 0);
    CHECK(assigned_sets(path, "event") == batch_events(base + 2));
  }
  SUBCASE("recompute_share 0, what --recompute sets") {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(0));
    index.add(Document(docs[base]));
    index.commit();
    CHECK(index.stats().incremental_documents == 0);
    CHECK(assigned_sets(path, "event") == batch_events(base + 1));
  }
  SUBCASE("an undated document") {
    Document undated = docs[base];
    undated.date.clear();
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(1.0));
    index.add(std::move(undated));
    index.commit();
    CHECK(index.stats().incremental_documents == 0);
  }
  SUBCASE("another writer's batch between this handle's batches") {
    IndexOptions one_per_batch = incremental_up_to(1.0);
    one_per_batch.batch_size = 1;
    DocumentIndex first(path, DocumentIndex::Access::ReadWrite, one_per_batch);
    first.add(Document(docs[base]));  // stored at once (batches of one)
    {
      DocumentIndex second(path, DocumentIndex::Access::ReadWrite, one_per_batch);
      second.add(Document(docs[base + 1]));
      second.commit();  // the store held the first handle's unplaced document: recomputed
      CHECK(second.stats().incremental_documents == 0);
    }
    first.add(Document(docs[base + 2]));
    first.commit();  // its first document was stored before the other writer's: recomputed
    CHECK(first.stats().incremental_documents == 0);
    CHECK(first.stats().assignments_current);
    CHECK(assigned_sets(path, "event") == batch_events(base + 3));
  }
}

TEST_CASE("index: an add dated among the stored documents (a backfill) recomputes once its windows hold more than the share") {
  TemporaryFolder tmp;
  const std::string path = tmp.file("s.db");
  auto on = [](std::string id, int first_word, const char* date) {
    Document d = dated(std::move(id), span_text(first_word, first_word + 60));
    d.date = date;
    return d;
  };
  // Four stories in March, four in June.
  std::vector<Document> docs;
  for (int s = 0; s < 4; ++s) docs.push_back(on("march-" + std::to_string(s), 1000 * s, "2024-03-01"));
  for (int s = 4; s < 8; ++s) docs.push_back(on("june-" + std::to_string(s), 1000 * s, "2024-06-01"));
  {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(0.4));
    for (const auto& d : docs) index.add(Document(d));
    index.commit();
  }
  SUBCASE("a document of the stored March: half the store lies in its window") {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(0.4));
    index.add(on("late-march", 1000, "2024-03-05"));
    index.commit();
    CHECK(index.stats().incremental_documents == 0);
    docs.push_back(on("late-march", 1000, "2024-03-05"));
    CHECK(assigned_sets(path, "event") == member_sets(batch_results(docs)[0]));
  }
  SUBCASE("the same share, but a document after the store: placed") {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, incremental_up_to(0.4));
    index.add(on("september", 1000, "2024-09-01"));
    index.commit();
    CHECK(index.stats().incremental_documents == 1);
  }
}

TEST_CASE("index: readers query while a writer adds") {
  TemporaryFolder tmp;
  const std::string path = tmp.file("s.db");
  const auto docs = test::example_documents();
  { DocumentIndex create(path, DocumentIndex::Access::ReadWrite, small_batches(1)); }
  std::atomic<bool> done{false};
  std::thread writer([&] {
    DocumentIndex index(path, DocumentIndex::Access::ReadWrite, small_batches(1));  // one commit per document
    for (auto d : docs) index.add(std::move(d));
    index.commit();
    done = true;
  });
  std::size_t reads = 0, last = 0;
  bool monotonic = true;
  std::string failure;
  try {
    while (!done || reads == 0) {
      DocumentIndex reader(path, DocumentIndex::Access::ReadOnly, small_batches(1));
      const std::size_t n = reader.stats().documents;
      monotonic = monotonic && n >= last;
      last = n;
      CHECK(reader.built_engine()->size() >= n);
      ++reads;
    }
  } catch (const std::exception& e) {
    failure = e.what();
  }
  writer.join();
  CHECK(failure == "");
  CHECK(monotonic);
  CHECK(reads > 0);
  CHECK(DocumentIndex(path, DocumentIndex::Access::ReadOnly, {}).stats().documents == docs.size());
}

// The CLI: index events prints what cluster prints; failures exit non-zero naming the store.
TEST_CASE("index CLI: events equal cluster's report, and bad stores and a full disk exit non-zero with a message") {
  TemporaryFolder tmp;
  const std::string cli = PARALLAX_CLI, corpus = PARALLAX_SOURCE_DIR "/examples/corpus.jsonl", store = tmp.file("s.db");
  const auto add = test::run_shell(cli + " index add --quiet --batch 3 " + store + " " + corpus + " 2>&1");
  CHECK(add.exit_code == 0);
  const auto events = test::run_shell(cli + " index events --format json " + store);
  const auto cluster = test::run_shell(cli + " cluster --quiet --format json " + corpus);
  REQUIRE(events.exit_code == 0);
  const auto got = nlohmann::json::parse(events.out), want = nlohmann::json::parse(cluster.out);
  for (const char* key : {"events", "near_duplicate_groups", "translations", "partial_copies", "parameters"})
    CHECK_MESSAGE(got[key] == want[key], key);
  CHECK(test::run_shell(cli + " index add --quiet " + store + " " + corpus + " 2>&1").out.find("13 already stored") !=
        std::string::npos);

  const auto other = test::run_shell(cli + " index add --dup-threshold 0.7 " + store + " " + corpus + " 2>&1");
  CHECK(other.exit_code == 2);
  CHECK(other.out.find(store + ": the index was created with dup_threshold=0.45, not 0.7") != std::string::npos);
  const auto missing = test::run_shell(cli + " index stats " + tmp.file("none.db") + " 2>&1");
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.find(tmp.file("none.db") + ": no such index") != std::string::npos);
  const auto stats = test::run_shell(cli + " index stats --format json " + store);
  CHECK(nlohmann::json::parse(stats.out)["documents"] == 13);
  CHECK(nlohmann::json::parse(stats.out)["incremental_documents"] == 0);
  // One more document, under a tenth of the store and dated outside the stored documents' date
  // windows (as news arrives): placed incrementally, unless --recompute.
  const std::string one = tmp.file("one.jsonl");
  std::ofstream(one) << R"({"id": "late", "date": "2021-02-10", "title": "Biden and Putin spoke again", )"
                     << R"("text": "The White House said Biden and Putin spoke by phone about arms control."})" << "\n";
  CHECK(test::run_shell(cli + " index add --quiet " + store + " " + one).exit_code == 0);
  CHECK(nlohmann::json::parse(test::run_shell(cli + " index stats --format json " + store).out)["incremental_documents"] == 1);
  const auto text_stats = test::run_shell(cli + " index stats " + store);
  CHECK(text_stats.out.find("1 documents placed incrementally since the last recomputation") != std::string::npos);
  CHECK(test::run_shell(cli + " index delete --quiet " + store + " late").exit_code == 0);
  CHECK(test::run_shell(cli + " index add --quiet --recompute " + store + " " + one).exit_code == 0);
  CHECK(nlohmann::json::parse(test::run_shell(cli + " index stats --format json " + store).out)["incremental_documents"] == 0);
  CHECK(test::run_shell(cli + " index delete --quiet " + store + " late").exit_code == 0);
  const auto deleted = test::run_shell(cli + " index delete " + store + " volcano-ru nope 2>&1");
  CHECK(deleted.exit_code == 3);
  CHECK(deleted.out.find("1 of 2 documents removed") != std::string::npos);

  // A full disk: files may not grow past 64 KiB (SIGXFSZ ignored, so writes fail with EFBIG).
  const std::string big = tmp.file("big.jsonl"), full = tmp.file("full.db");
  {
    std::ofstream out(big);
    for (int i = 0; i < 400; ++i)
      out << "{\"id\": \"n" << i << "\", \"text\": \"Story " << i << " about the harbour, the bridge and the market "
          << i * 7 << " of the old town, told at length with many words " << i * 13 << ".\"}\n";
  }
  const auto disk = test::run_shell("sh -c \"trap '' XFSZ; ulimit -f 64; " + cli + " index add --quiet --batch 50 " +
                                    full + " " + big + "\" 2>&1");
  CHECK(disk.exit_code == 1);
  CHECK(disk.out.find(full + ": ") != std::string::npos);
  CHECK(sql_value(full, "PRAGMA integrity_check") == "ok");
}

}  // namespace
}  // namespace parallax
