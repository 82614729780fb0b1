#include "store/document_index.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lexicon/concept_table.hpp"
#include "pipeline/engine_option_table.hpp"

namespace parallax {
namespace {

constexpr const char* kFormatName = "parallax-index";
constexpr int kSchemaVersion = 1;
// Raised whenever analysis changes which features a text gets (word reading, shingling, hashing,
// term analysis): signatures and terms of two feature versions are not comparable.
constexpr int kFeatureFormat = 1;

constexpr const char* kSchema = R"(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- doc: the document's stable number inside the store (AUTOINCREMENT: never reused after a delete),
-- also its order: groups and events are those of a batch run over the documents in doc order.
CREATE TABLE documents(
  doc INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL, source TEXT NOT NULL, lang TEXT NOT NULL, date TEXT NOT NULL, url TEXT NOT NULL,
  extra TEXT NOT NULL,          -- JSON [[key, raw JSON value], ...]: unknown input fields, verbatim
  text_bytes INTEGER NOT NULL,
  batch INTEGER NOT NULL,       -- the generation that committed it
  signature BLOB NOT NULL,      -- uint32 MinHash values, host byte order
  term_hashes BLOB NOT NULL,    -- uint64 term hashes, ascending
  term_counts BLOB NOT NULL,    -- uint32 counts, parallel to term_hashes
  shingle_count INTEGER NOT NULL,
  sentence_terms BLOB NOT NULL, -- uint64 term hashes of the sentences, text order (translations)
  sentence_ends BLOB NOT NULL   -- uint32 end of each sentence in sentence_terms
);
-- The word shown for each term: the first document's that named it; a word of a text replaces an
-- English gloss (the engine's own rule, applied in doc order).
CREATE TABLE terms(hash INTEGER PRIMARY KEY, display TEXT NOT NULL, is_gloss INTEGER NOT NULL);
-- Each document's near-duplicate group and event (-1: none) as of meta.assignments_generation.
CREATE TABLE assignments(doc INTEGER PRIMARY KEY, near_duplicate_group INTEGER NOT NULL, event INTEGER NOT NULL);
)";

using Statement = SqliteDatabase::Statement;

std::string hex(std::uint64_t h) {
  std::ostringstream out;
  out << std::hex << h;
  return out.str();
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StoreError(path + ": cannot read");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// What makes two documents' features comparable besides the options stored row by row: the
// feature format, the MinHash seed, the concept table's and the user lexicons' contents.
std::string feature_version(const EngineOptions& o) {
  std::string v = "features " + std::to_string(kFeatureFormat) + "; minhash seed " + std::to_string(o.minhash.seed);
  if (o.cross_lingual && !o.near_duplicates_only) {
    const std::string table = file_bytes(builtin_concept_table_path());
    v += "; concepts " + hex(XXH3_64bits(table.data(), table.size()));
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    for (const auto& path : o.lexicons) {
      const std::string bytes = file_bytes(path);
      XXH3_64bits_update(state, bytes.data(), bytes.size());
    }
    v += "; lexicons " + hex(XXH3_64bits_digest(state));
    XXH3_freeState(state);
  }
  return v;
}

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

template <typename T>
void bind_array(Statement& s, int column, const std::vector<T>& values) {
  s.bind_blob(column, values.data(), values.size() * sizeof(T));
}

template <typename T>
std::vector<T> read_array(std::string_view blob, const std::string& path) {
  if (blob.size() % sizeof(T) != 0) throw StoreError(path + ": a feature blob has a bad length (the store is damaged)");
  std::vector<T> values(blob.size() / sizeof(T));
  if (!values.empty()) std::memcpy(values.data(), blob.data(), blob.size());
  return values;
}

std::string extra_json(const std::vector<std::pair<std::string, std::string>>& fields) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& [key, raw] : fields) array.push_back({key, raw});
  return array.dump();
}

std::vector<std::pair<std::string, std::string>> extra_fields(const std::string& json) {
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& pair : nlohmann::json::parse(json)) fields.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
  return fields;
}

std::string read_meta(SqliteDatabase& db, const char* key) {
  Statement s(db, "SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

void write_meta(SqliteDatabase& db, const std::string& key, const std::string& value) {
  Statement s(db, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, key).bind(2, value);
  s.step();
}

std::int64_t read_generation(SqliteDatabase& db) {
  const std::string g = read_meta(db, "generation");
  return g.empty() ? 0 : std::stoll(g);
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
  std::unique_ptr<CorpusEngine> analyzer;  // knows the store's vocabulary; analyzes what is added
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
    db.execute(kSchema);
    write_meta(db, "format", kFormatName);
    write_meta(db, "schema", std::to_string(kSchemaVersion));
    write_meta(db, "feature_version", version);
    write_meta(db, "created_by", std::string("parallax ") + PARALLAX_VERSION_STRING);
    write_meta(db, "generation", "0");
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

  std::unique_ptr<CorpusEngine> new_engine(bool keep_build_inputs) const {
    EngineOptions o = options.engine;
    o.keep_build_inputs = keep_build_inputs;
    return std::make_unique<CorpusEngine>(o);
  }

  void load_terms(CorpusEngine& engine) {
    Statement s(db, "SELECT hash, display, is_gloss FROM terms");
    while (s.step()) engine.add_term_name({static_cast<std::uint64_t>(s.integer(0)), s.text(1), s.integer(2) != 0});
  }

  // Loads every stored document into `engine` in doc order, from one snapshot; returns their doc
  // numbers (parallel to the engine's indices) and sets `generation` to the snapshot's.
  std::vector<std::int64_t> load(CorpusEngine& engine, std::int64_t& generation) {
    Transaction tx(db, Transaction::Kind::Read);
    generation = read_generation(db);
    load_terms(engine);
    std::vector<std::int64_t> docs;
    Statement s(db,
                "SELECT doc, id, title, source, lang, date, url, extra, text_bytes, signature, term_hashes, term_counts, "
                "shingle_count, sentence_terms, sentence_ends FROM documents ORDER BY doc");
    while (s.step()) {
      DocumentFeatures f;
      f.record.id = s.text(1);
      f.record.title = s.text(2);
      f.record.source = s.text(3);
      f.record.lang = s.text(4);
      f.record.date = s.text(5);
      f.record.url = s.text(6);
      f.record.extra_fields = extra_fields(s.text(7));
      f.record.text_bytes = static_cast<std::size_t>(s.integer(8));
      f.signature = read_array<std::uint32_t>(s.blob(9), path());
      f.term_counts.terms = read_array<std::uint64_t>(s.blob(10), path());
      f.term_counts.counts = read_array<std::uint32_t>(s.blob(11), path());
      f.shingle_count = static_cast<std::uint32_t>(s.integer(12));
      f.sentence_terms = read_array<std::uint64_t>(s.blob(13), path());
      for (std::uint32_t end : read_array<std::uint32_t>(s.blob(14), path())) f.sentence_ends.push_back(end);
      if (f.term_counts.terms.size() != f.term_counts.counts.size())
        throw StoreError(path() + ": document " + f.record.id + " has damaged term counts");
      docs.push_back(s.integer(0));
      try {
        engine.add_analyzed(std::move(f));
      } catch (const std::out_of_range&) {  // a term without a name: the terms table lost rows
        throw StoreError(path() + ": the terms table lacks a term of document " + s.text(1) + " (the store is damaged)");
      }
    }
    tx.commit();
    return docs;
  }

  CorpusEngine& analyzing_engine() {
    if (!analyzer) {
      analyzer = new_engine(false);
      Transaction tx(db, Transaction::Kind::Read);
      load_terms(*analyzer);
      tx.commit();
    }
    return *analyzer;
  }

  bool is_stored(const std::string& id) {
    Statement s(db, "SELECT 1 FROM documents WHERE id = ?");
    s.bind(1, id);
    return s.step();
  }

  void commit_queued() {
    if (queued.empty()) return;
    std::vector<DocumentFeatures> features = analyzing_engine().analyze(std::move(queued));
    queued.clear();
    queued_ids.clear();
    Transaction tx(db, Transaction::Kind::Write);
    const std::int64_t generation = read_generation(db) + 1;
    Statement insert(db,
                     "INSERT OR IGNORE INTO documents(id, title, source, lang, date, url, extra, text_bytes, batch, "
                     "signature, term_hashes, term_counts, shingle_count, sentence_terms, sentence_ends) "
                     "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Statement name(db,
                   "INSERT INTO terms(hash, display, is_gloss) VALUES(?, ?, ?) ON CONFLICT(hash) DO UPDATE SET "
                   "display = excluded.display, is_gloss = 0 WHERE terms.is_gloss = 1 AND excluded.is_gloss = 0");
    std::vector<TermName> names;
    for (DocumentFeatures& f : features) {
      const DocumentRecord& r = f.record;
      std::vector<std::uint32_t> ends(f.sentence_ends.begin(), f.sentence_ends.end());
      insert.bind(1, r.id).bind(2, r.title).bind(3, r.source).bind(4, r.lang).bind(5, r.date).bind(6, r.url);
      insert.bind(7, extra_json(r.extra_fields)).bind(8, static_cast<std::int64_t>(r.text_bytes)).bind(9, generation);
      bind_array(insert, 10, f.signature);
      bind_array(insert, 11, f.term_counts.terms);
      bind_array(insert, 12, f.term_counts.counts);
      insert.bind(13, static_cast<std::int64_t>(f.shingle_count));
      bind_array(insert, 14, f.sentence_terms);
      bind_array(insert, 15, ends);
      insert.step();
      insert.reset();
      if (db.changes() == 0) continue;  // another writer stored this id meanwhile
      ++added_since_commit;
      for (TermName& n : f.new_term_names) {
        name.bind(1, static_cast<std::int64_t>(n.hash)).bind(2, n.display).bind(3, std::int64_t{n.is_gloss});
        name.step();
        name.reset();
        names.push_back(std::move(n));
      }
    }
    write_meta(db, "generation", std::to_string(generation));
    tx.commit();
    for (TermName& n : names) analyzer->add_term_name(std::move(n));
  }

  // Recomputes every assignment from the stored features; skipped when another writer committed
  // meanwhile (its own recomputation follows its commit).
  void write_assignments() {
    auto engine = new_engine(false);
    std::int64_t generation = 0;
    const std::vector<std::int64_t> docs = load(*engine, generation);
    engine->build(options.engine.near_duplicates_only ? BuildScope::NearDuplicatesOnly : BuildScope::Everything);
    std::vector<std::int64_t> group_of(docs.size(), -1), event_of(docs.size(), -1);
    const auto& groups = engine->near_duplicate_groups();
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (std::size_t m : groups[g].members) group_of[m] = static_cast<std::int64_t>(g);
    const auto& events = engine->event_clusters();
    for (std::size_t e = 0; e < events.size(); ++e)
      for (std::size_t m : events[e].members) event_of[m] = static_cast<std::int64_t>(e);
    Transaction tx(db, Transaction::Kind::Write);
    if (read_generation(db) != generation) return;
    db.execute("DELETE FROM assignments");
    Statement insert(db, "INSERT INTO assignments(doc, near_duplicate_group, event) VALUES(?, ?, ?)");
    for (std::size_t d = 0; d < docs.size(); ++d) {
      insert.bind(1, docs[d]).bind(2, group_of[d]).bind(3, event_of[d]);
      insert.step();
      insert.reset();
    }
    write_meta(db, "assignments_generation", std::to_string(generation));
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
  if (s.queued_ids.count(document.id) || s.is_stored(document.id)) return false;
  s.queued_ids.insert(document.id);
  s.queued.push_back(std::move(document));
  if (s.queued.size() >= std::max<std::size_t>(s.options.batch_size, 1)) s.commit_queued();
  return true;
}

std::size_t DocumentIndex::commit() {
  State& s = *state_;
  s.require_writable("add documents");
  s.commit_queued();
  s.write_assignments();
  return std::exchange(s.added_since_commit, 0);
}

std::size_t DocumentIndex::remove(const std::vector<std::string>& ids) {
  State& s = *state_;
  s.require_writable("delete documents");
  std::size_t removed = 0;
  {
    Transaction tx(s.db, Transaction::Kind::Write);
    Statement doc_of(s.db, "DELETE FROM documents WHERE id = ? RETURNING doc");
    Statement unassign(s.db, "DELETE FROM assignments WHERE doc = ?");
    for (const auto& id : ids) {
      doc_of.bind(1, id);
      const bool found = doc_of.step();
      const std::int64_t doc = found ? doc_of.integer(0) : 0;
      while (doc_of.step()) {
      }
      doc_of.reset();
      if (!found) continue;
      unassign.bind(1, doc);
      unassign.step();
      unassign.reset();
      ++removed;
    }
    if (removed > 0) write_meta(s.db, "generation", std::to_string(read_generation(s.db) + 1));
    tx.commit();
  }
  if (removed > 0) s.write_assignments();
  return removed;
}

std::unique_ptr<CorpusEngine> DocumentIndex::built_engine() const {
  auto engine = state_->new_engine(false);
  std::int64_t generation = 0;
  state_->load(*engine, generation);
  engine->build(state_->options.engine.near_duplicates_only ? BuildScope::NearDuplicatesOnly : BuildScope::Everything);
  return engine;
}

std::vector<IndexQueryResult> DocumentIndex::query(std::vector<Document> documents) const {
  State& s = *state_;
  auto engine = s.new_engine(true);
  std::int64_t generation = 0;
  const std::size_t stored = s.load(*engine, generation).size();
  for (DocumentFeatures& f : engine->analyze(std::move(documents))) engine->add_analyzed(std::move(f));
  const bool events = !s.options.engine.near_duplicates_only;
  engine->build(events ? BuildScope::Everything : BuildScope::NearDuplicatesOnly);
  std::vector<IndexQueryResult> results(engine->size() - stored);
  for (std::size_t q = 0; q < results.size(); ++q) results[q].id = engine->document(stored + q).id;
  for (const auto& group : engine->near_duplicate_groups())
    for (std::size_t m : group.members) {
      if (m < stored) continue;
      for (std::size_t other : group.members)
        if (other < stored)
          results[m - stored].near_duplicates.push_back(
              {engine->document(other).id, estimate_jaccard(engine->signature(m), engine->signature(other))});
    }
  for (const EventCluster& e : engine->event_clusters())
    for (std::size_t m : e.members) {
      if (m < stored) continue;
      IndexQueryResult& r = results[m - stored];
      r.event_label = e.label;
      r.event_top_terms = e.top_terms;
      for (std::size_t other : e.members)
        if (other < stored) r.event_members.push_back(engine->document(other).id);
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
  st.near_duplicate_groups = count("SELECT count(DISTINCT near_duplicate_group) FROM assignments WHERE near_duplicate_group >= 0");
  st.events = count("SELECT count(DISTINCT event) FROM assignments WHERE event >= 0");
  st.generation = read_generation(db);
  st.assignments_current = read_meta(db, "assignments_generation") == std::to_string(st.generation);
  st.feature_version = read_meta(db, "feature_version");
  st.created_by = read_meta(db, "created_by");
  for (const auto& spec : engine_option_table())
    if (is_stored_option(spec)) st.options.emplace_back(spec.name, read_meta(db, (std::string("option.") + spec.name).c_str()));
  tx.commit();
  return st;
}

}  // namespace parallax
