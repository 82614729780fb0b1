#include "store/document_index.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "pipeline/engine_option_table.hpp"
#include "pipeline/feature_version.hpp"
#include "store/appending_store.hpp"
#include "store/incremental_assignment.hpp"
#include "store/index_lookup.hpp"
#include "store/index_snapshot.hpp"
#include "store/sqlite_feature_store.hpp"
#include "store/stored_assignments.hpp"

namespace parallax {
namespace {

constexpr const char* kFormatName = "parallax-index";
constexpr int kSchemaVersion = 1;

// The index's own table, beside the feature store's meta, documents and terms
// (store/sqlite_feature_store): each document's near-duplicate group and event (-1: none) as of
// meta.assignments_generation.
constexpr const char* kAssignmentsSchema =
    "CREATE TABLE assignments(doc INTEGER PRIMARY KEY, near_duplicate_group INTEGER NOT NULL, event INTEGER NOT NULL)";

using Statement = SqliteDatabase::Statement;

// Every engine row but threads (a property of the run, not of the store).
bool is_stored_option(const EngineOptionSpec& spec) { return std::strcmp(spec.name, "threads") != 0; }

void set_stored_option(EngineOptions& o, const EngineOptionSpec& spec, const std::string& value) {
  if (std::strcmp(spec.name, "lexicon") != 0) {
    spec.set(o, value);
    return;
  }
  o.lexicons.clear();
  std::size_t begin = 0;
  while (begin < value.size()) {
    const std::size_t end = std::min(value.find(':', begin), value.size());
    o.lexicons.push_back(value.substr(begin, end - begin));
    begin = end + 1;
  }
}

SqliteDatabase::Access database_access(DocumentIndex::Access a) {
  return a == DocumentIndex::Access::ReadOnly ? SqliteDatabase::Access::ReadOnly : SqliteDatabase::Access::ReadWrite;
}

const std::string& existing_path(const std::string& path, DocumentIndex::Access access) {
  if (access == DocumentIndex::Access::ReadOnly && !std::filesystem::exists(path))
    throw StoreError(path + ": no such index (`parallax index add " + path + " CORPUS` creates one)");
  if (std::filesystem::is_directory(path)) throw StoreError(path + ": is a folder, not an index file");
  return path;
}

}  // namespace

struct DocumentIndex::State {
  State(const std::string& path, Access a, IndexOptions o)
      : access(a),
        options(std::move(o)),
        existed(std::filesystem::exists(existing_path(path, a))),
        db(path, database_access(a), options.busy_timeout_ms) {}

  Access access;
  IndexOptions options;
  bool existed;  // the file was there before this open (else a failed creation removes it)
  SqliteDatabase db;
  // Two views of the connection's feature store, once open: `store` is the writing engine's, whose
  // generation_seen() says whether that engine's copy is current; reports and queries read through
  // `reading_store`, so that a read of theirs never passes the writing engine's copy off as current.
  std::unique_ptr<SqliteFeatureStore> store, reading_store;
  // Over the store, read once and kept in step with it while this handle adds and removes; dropped
  // after each recomputation (whose build frees its inputs) and reloaded when next needed.
  std::unique_ptr<CorpusEngine> engine;
  // What this handle adds until its next commit: analyzed by an engine over an AppendingStore (it
  // reads nothing stored) and put into the store batch by batch through a store object of its own,
  // whose generation_seen() tells whether another writer came in between.
  std::unique_ptr<SqliteFeatureStore> appending_target;
  std::unique_ptr<AppendingStore> appender;
  std::unique_ptr<CorpusEngine> appending;
  bool current_before_adding = false;  // the assignments covered the store before the first put
  std::vector<Document> queued;
  std::unordered_set<std::string> queued_ids;
  std::size_t added_since_commit = 0;

  const std::string& path() const { return db.path(); }

  void open() {
    std::string format;
    bool empty = false;
    try {
      empty = is_empty_file();
      if (empty && access == Access::ReadWrite) create();
      if (!empty || access == Access::ReadWrite) format = read_meta(db, "format");
    } catch (const StoreError& e) {
      remove_if_created();
      if (!existed || dynamic_cast<const IncompatibleStoreError*>(&e)) throw;
      throw StoreError(path() + ": not a parallax index, or damaged (" + e.what() + ")");
    } catch (...) {
      remove_if_created();
      throw;
    }
    if (empty && access == Access::ReadOnly)
      throw StoreError(path() + ": an empty file, not an index yet (was its creation interrupted?); "
                                "`parallax index add` creates the index in it");
    if (format != kFormatName) throw StoreError(path() + ": not a parallax index (its meta table has no format mark)");
    const std::string schema = read_meta(db, "schema");
    if (schema != std::to_string(kSchemaVersion))
      throw IncompatibleStoreError(path() + ": index schema " + schema + ", this parallax reads schema " +
                                   std::to_string(kSchemaVersion) + "; build a new index from the texts");
    take_stored_options();
    store = std::make_unique<SqliteFeatureStore>(db);
    reading_store = std::make_unique<SqliteFeatureStore>(db);
  }

  // A store this open created is removed again when its creation failed: no empty file is left.
  void remove_if_created() {
    if (existed) return;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path() + suffix);
  }

  bool is_empty_file() {
    Statement s(db, "SELECT count(*) FROM sqlite_master");
    return s.step() && s.integer(0) == 0;
  }

  void create() {
    const std::string version = feature_version(options.engine);  // fails before anything is written
    db.execute("PRAGMA journal_mode = WAL");
    Transaction tx(db, Transaction::Kind::Write);
    if (!is_empty_file()) return;  // another process created it first: its options apply
    SqliteFeatureStore::create_tables(db, version);
    db.execute(kAssignmentsSchema);
    create_snapshot_tables(db);
    write_meta(db, "format", kFormatName);
    write_meta(db, "schema", std::to_string(kSchemaVersion));
    write_meta(db, "created_by", std::string("parallax ") + PARALLAX_VERSION_STRING);
    write_meta(db, "assignments_generation", "0");
    for (const auto& spec : engine_option_table())
      if (is_stored_option(spec)) write_meta(db, std::string("option.") + spec.name, spec.get(options.engine));
    tx.commit();
  }

  // The store's options replace the caller's, except that an option the caller set must agree.
  void take_stored_options() {
    EngineOptions stored = options.engine;
    for (const auto& spec : engine_option_table()) {
      if (!is_stored_option(spec)) continue;
      const std::string value = read_meta(db, (std::string("option.") + spec.name).c_str());
      const bool given = std::any_of(options.given.begin(), options.given.end(), [&](const std::string& key) {
        const EngineOptionSpec* row = find_engine_option(key);
        return row && std::strcmp(row->name, spec.name) == 0;
      });
      if (given && spec.get(options.engine) != value)
        throw IncompatibleStoreError(path() + ": the index was created with " + spec.name + "=" + value + ", not " +
                                     spec.get(options.engine) +
                                     "; an index keeps the options it was created with (use a new index file for others)");
      set_stored_option(stored, spec, value);
    }
    const std::string stored_version = read_meta(db, "feature_version");
    const std::string current_version = feature_version(stored);
    if (stored_version != current_version)
      throw IncompatibleStoreError(path() + ": its features were computed by " + read_meta(db, "created_by") + " (" +
                                   stored_version + "), which differ from this parallax's (" + current_version +
                                   "): signatures and terms cannot be mixed; build a new index from the texts");
    options.engine = std::move(stored);
  }

  EngineOptions engine_options(bool keep_build_inputs) const {
    EngineOptions o = options.engine;
    o.keep_build_inputs = keep_build_inputs;
    return o;
  }

  // An engine over the stored documents; a build frees its inputs (one build).
  std::unique_ptr<CorpusEngine> load_engine(SqliteFeatureStore& from) const {
    try {
      return std::make_unique<CorpusEngine>(engine_options(false), from);
    } catch (const std::out_of_range&) {  // a term without a name: the terms table lost rows
      throw StoreError(path() + ": the terms table lacks a term of a stored document (the store is damaged)");
    }
  }

  // The engine that adds and removes: reloaded when another connection changed the store since
  // it was read (its copy would miss their documents).
  CorpusEngine& writing_engine() {
    if (engine && store->generation_seen() != store->generation()) engine.reset();
    if (!engine) engine = load_engine(*store);
    return *engine;
  }

  void commit_queued() {
    if (queued.empty()) return;
    std::vector<Document> batch = std::move(queued);
    queued.clear();
    queued_ids.clear();
    if (!appending) start_appending();
    added_since_commit += appending->add_batch(std::move(batch));
  }

  void start_appending() {
    appending_target = std::make_unique<SqliteFeatureStore>(db);
    {
      Transaction tx(db, Transaction::Kind::Read);
      current_before_adding = assignments_are_current(db);
      appending_target->assume_seen(appending_target->generation());
      tx.commit();
    }
    appender = std::make_unique<AppendingStore>(*appending_target);
    appending = std::make_unique<CorpusEngine>(engine_options(true), *appender);
  }

  // Places what this handle added since its last commit incrementally when the policy and the
  // store allow (store/incremental_assignment), else recomputes every assignment.
  void assign_added() {
    if (!appending) {  // nothing added: the assignments stand when they are current
      Transaction tx(db, Transaction::Kind::Read);
      const bool current = assignments_are_current(db);
      tx.commit();
      if (current) return;
    }
    bool placed = false;
    if (appending && current_before_adding && appending_target->generation_seen())
      placed = assign_incrementally(db, options.engine, *appending, options.incremental,
                                    *appending_target->generation_seen());
    appending.reset();
    appender.reset();
    appending_target.reset();
    if (!placed) write_assignments();
  }

  // Recomputes every assignment from the stored features; skipped when another writer committed
  // meanwhile (its own recomputation follows its commit).
  void write_assignments() {
    std::unique_ptr<CorpusEngine> built = std::move(engine);
    if (!built || store->generation_seen() != store->generation()) built = load_engine(*store);
    const std::optional<std::int64_t> generation = store->generation_seen();
    // The frequencies before the build, which frees the term counts they are read from.
    built->build(BuildScope::FeaturesOnly);
    const DocumentFrequencies frequencies =
        options.engine.near_duplicates_only ? DocumentFrequencies() : built->document_frequencies();
    built->build(options.engine.near_duplicates_only ? BuildScope::NearDuplicatesOnly : BuildScope::Everything);
    std::vector<std::int64_t> group_of(built->size(), -1), event_of(built->size(), -1);
    const auto& groups = built->near_duplicate_groups();
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (std::size_t m : groups[g].members) group_of[m] = static_cast<std::int64_t>(g);
    const auto& events = built->event_clusters();
    for (std::size_t e = 0; e < events.size(); ++e)
      for (std::size_t m : events[e].members) event_of[m] = static_cast<std::int64_t>(e);
    Transaction tx(db, Transaction::Kind::Write);
    if (store->generation() != generation) return;
    db.execute("DELETE FROM assignments");
    Statement insert(db, "INSERT INTO assignments(doc, near_duplicate_group, event) VALUES(?, ?, ?)");
    for (std::size_t d = 0; d < built->size(); ++d) {
      insert.bind(1, static_cast<std::int64_t>(built->key(d))).bind(2, group_of[d]).bind(3, event_of[d]);
      insert.step();
      insert.reset();
    }
    write_meta(db, "assignments_generation", std::to_string(*generation));
    create_snapshot_tables(db);  // a store of an earlier parallax gets them now
    write_snapshot(db, frequencies, descriptions_of(events));
    write_meta(db, "snapshot_generation", std::to_string(*generation));
    write_meta(db, "incremental_documents", "0");
    tx.commit();
  }

  void require_writable(const char* what) const {
    if (access == Access::ReadOnly) throw StoreError(path() + ": opened read-only: cannot " + what);
  }
};

DocumentIndex::DocumentIndex(const std::string& path, Access access, IndexOptions options)
    : state_(std::make_unique<State>(path, access, std::move(options))) {
  state_->open();
}

DocumentIndex::~DocumentIndex() = default;

const std::string& DocumentIndex::path() const { return state_->path(); }
const EngineOptions& DocumentIndex::engine_options() const { return state_->options.engine; }

bool DocumentIndex::add(Document&& document) {
  State& s = *state_;
  s.require_writable("add documents");
  if (s.queued_ids.count(document.id) || s.store->find(document.id)) return false;
  s.queued_ids.insert(document.id);
  s.queued.push_back(std::move(document));
  if (s.queued.size() >= std::max<std::size_t>(s.options.batch_size, 1)) s.commit_queued();
  return true;
}

std::size_t DocumentIndex::commit() {
  State& s = *state_;
  s.require_writable("add documents");
  s.commit_queued();
  s.assign_added();
  return std::exchange(s.added_since_commit, 0);
}

std::size_t DocumentIndex::remove(const std::vector<std::string>& ids) {
  State& s = *state_;
  s.require_writable("delete documents");
  const std::size_t removed = s.writing_engine().remove_batch(ids);
  if (removed > 0) s.write_assignments();
  return removed;
}

std::unique_ptr<CorpusEngine> DocumentIndex::built_engine() const {
  auto engine = state_->load_engine(*state_->reading_store);
  engine->build(state_->options.engine.near_duplicates_only ? BuildScope::NearDuplicatesOnly : BuildScope::Everything);
  return engine;
}

std::vector<IndexQueryResult> DocumentIndex::query(std::vector<Document> documents, QueryMethod method) const {
  State& s = *state_;
  const EngineOptions options = s.engine_options(true);
  if (method == QueryMethod::Lookup) {
    CorpusEngine queries(options);
    queries.add_batch(documents);  // a copy: a rebuild below needs the texts again
    queries.build(BuildScope::FeaturesOnly);
    if (can_look_up(s.options.engine, queries))
      if (auto results = look_up(s.db, s.options.engine, queries)) return std::move(*results);
  }
  // A copy in memory: the query documents are added to it, never to the store.
  InMemoryFeatureStore copy(s.reading_store->feature_version(), feature_layout(options));
  copy.copy_from(*s.reading_store);
  CorpusEngine engine(options, copy);
  const std::size_t stored = engine.size();
  engine.add_batch(std::move(documents));
  const bool events = !s.options.engine.near_duplicates_only;
  engine.build(events ? BuildScope::Everything : BuildScope::NearDuplicatesOnly);
  std::vector<IndexQueryResult> results(engine.size() - stored);
  for (std::size_t q = 0; q < results.size(); ++q) results[q].id = engine.document(stored + q).id;
  for (const auto& group : engine.near_duplicate_groups())
    for (std::size_t m : group.members) {
      if (m < stored) continue;
      for (std::size_t other : group.members)
        if (other < stored)
          results[m - stored].near_duplicates.push_back(
              {engine.document(other).id, estimate_jaccard(engine.signature(m), engine.signature(other))});
    }
  for (const EventCluster& e : engine.event_clusters())
    for (std::size_t m : e.members) {
      if (m < stored) continue;
      IndexQueryResult& r = results[m - stored];
      r.event_label = e.label;
      r.event_top_terms = e.top_terms;
      for (std::size_t other : e.members)
        if (other < stored) r.event_members.push_back(engine.document(other).id);
    }
  return results;
}

IndexStats DocumentIndex::stats() const {
  SqliteDatabase& db = state_->db;
  IndexStats st;
  Transaction tx(db, Transaction::Kind::Read);
  auto count = [&](const char* sql) {
    Statement s(db, sql);
    return s.step() ? static_cast<std::size_t>(s.integer(0)) : std::size_t{0};
  };
  st.documents = count("SELECT count(*) FROM documents");
  st.batches = count("SELECT count(DISTINCT batch) FROM documents");
  st.terms = count("SELECT count(*) FROM terms");
  // Joined with documents: rows of documents deleted by a writer that died before recomputing
  // count for nothing.
  st.near_duplicate_groups = count(
      "SELECT count(DISTINCT near_duplicate_group) FROM assignments JOIN documents USING(doc) WHERE near_duplicate_group >= 0");
  st.events = count("SELECT count(DISTINCT event) FROM assignments JOIN documents USING(doc) WHERE event >= 0");
  st.generation = state_->store->generation();
  st.assignments_current = read_meta(db, "assignments_generation") == std::to_string(st.generation);
  const std::string incremental = read_meta(db, "incremental_documents");
  st.incremental_documents = incremental.empty() ? 0 : static_cast<std::size_t>(std::stoull(incremental));
  st.feature_version = read_meta(db, "feature_version");
  st.created_by = read_meta(db, "created_by");
  for (const auto& spec : engine_option_table())
    if (is_stored_option(spec)) st.options.emplace_back(spec.name, read_meta(db, (std::string("option.") + spec.name).c_str()));
  tx.commit();
  return st;
}

}  // namespace parallax
