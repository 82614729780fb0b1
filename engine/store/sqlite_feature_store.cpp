#include "store/sqlite_feature_store.hpp"

#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>

namespace parallax {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- doc: the document's key (AUTOINCREMENT: never reused after a delete), also its order: groups and
-- events are those of a batch run over the documents in doc order.
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
)";

constexpr const char* kColumns =
    "doc, id, title, source, lang, date, url, extra, text_bytes, signature, term_hashes, term_counts, shingle_count, "
    "sentence_terms, sentence_ends";

using Statement = SqliteDatabase::Statement;

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

// The extra column's JSON is written and read without a nlohmann::json tree: a tree's destructor
// allocates (it reserves a stack), and a std::bad_alloc escaping it would end the process instead
// of becoming a status (report/json_writer.hpp says more). Only scalars go through nlohmann.
std::string extra_json(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string text = "[";
  for (const auto& [key, raw] : fields) {
    text += text.size() > 1 ? ",[" : "[";
    text += nlohmann::json(key).dump() + "," + nlohmann::json(raw).dump() + "]";
  }
  return text + "]";
}

// Reads [[key, raw JSON value], ...] as nlohmann's SAX events; anything else stops the parse.
class ExtraFieldsReader {
 public:
  using json = nlohmann::json;
  explicit ExtraFieldsReader(std::vector<std::pair<std::string, std::string>>& fields) : fields_(fields) {}

  bool start_array(std::size_t) {
    if (depth_ == 1) strings_ = 0;
    return ++depth_ <= 2;
  }
  bool end_array() { return --depth_ != 1 || strings_ == 2; }
  bool string(std::string& value) {
    if (depth_ != 2 || strings_ == 2) return false;
    if (strings_++ == 0) {
      fields_.emplace_back(std::move(value), std::string());
    } else {
      fields_.back().second = std::move(value);
    }
    return true;
  }
  bool null() { return false; }
  bool boolean(bool) { return false; }
  bool number_integer(json::number_integer_t) { return false; }
  bool number_unsigned(json::number_unsigned_t) { return false; }
  bool number_float(json::number_float_t, const std::string&) { return false; }
  bool binary(json::binary_t&) { return false; }
  bool start_object(std::size_t) { return false; }
  bool key(std::string&) { return false; }
  bool end_object() { return false; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  std::vector<std::pair<std::string, std::string>>& fields_;
  int depth_ = 0;
  int strings_ = 0;  // in the current pair
};

std::vector<std::pair<std::string, std::string>> extra_fields(const std::string& json, const std::string& path) {
  std::vector<std::pair<std::string, std::string>> fields;
  ExtraFieldsReader reader(fields);
  if (!nlohmann::json::sax_parse(json, &reader))
    throw StoreError(path + ": a document's extra fields are not [[key, JSON text], ...] (the store is damaged)");
  return fields;
}

// A row selected with kColumns.
DocumentFeatures features_of_row(const Statement& s, const std::string& path) {
  DocumentFeatures f;
  f.record.id = s.text(1);
  f.record.title = s.text(2);
  f.record.source = s.text(3);
  f.record.lang = s.text(4);
  f.record.date = s.text(5);
  f.record.url = s.text(6);
  f.record.extra_fields = extra_fields(s.text(7), path);
  f.record.text_bytes = static_cast<std::size_t>(s.integer(8));
  f.signature = read_array<std::uint32_t>(s.blob(9), path);
  f.term_counts.terms = read_array<std::uint64_t>(s.blob(10), path);
  f.term_counts.counts = read_array<std::uint32_t>(s.blob(11), path);
  f.shingle_count = static_cast<std::uint32_t>(s.integer(12));
  f.sentence_terms = read_array<std::uint64_t>(s.blob(13), path);
  for (std::uint32_t end : read_array<std::uint32_t>(s.blob(14), path)) f.sentence_ends.push_back(end);
  if (f.term_counts.terms.size() != f.term_counts.counts.size())
    throw StoreError(path + ": document " + f.record.id + " has damaged term counts");
  return f;
}

void bind_features(Statement& insert, const DocumentFeatures& f, std::int64_t generation) {
  const DocumentRecord& r = f.record;
  const std::vector<std::uint32_t> ends(f.sentence_ends.begin(), f.sentence_ends.end());
  insert.bind(1, r.id).bind(2, r.title).bind(3, r.source).bind(4, r.lang).bind(5, r.date).bind(6, r.url);
  insert.bind(7, extra_json(r.extra_fields)).bind(8, static_cast<std::int64_t>(r.text_bytes)).bind(9, generation);
  bind_array(insert, 10, f.signature);
  bind_array(insert, 11, f.term_counts.terms);
  bind_array(insert, 12, f.term_counts.counts);
  insert.bind(13, static_cast<std::int64_t>(f.shingle_count));
  bind_array(insert, 14, f.sentence_terms);
  bind_array(insert, 15, ends);
}

std::int64_t read_generation(SqliteDatabase& db) {
  const std::string g = read_meta(db, "generation");
  return g.empty() ? 0 : std::stoll(g);
}

}  // namespace

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

void SqliteFeatureStore::create_tables(SqliteDatabase& db, const std::string& feature_version) {
  db.execute(kSchema);
  write_meta(db, "feature_version", feature_version);
  write_meta(db, "generation", "0");
}

SqliteFeatureStore::SqliteFeatureStore(SqliteDatabase& db) : db_(db), feature_version_(read_meta(db, "feature_version")) {
  if (feature_version_.empty()) throw StoreError(db.path() + ": not a feature store (its meta table has no feature version)");
}

std::size_t SqliteFeatureStore::size() const {
  Statement s(db_, "SELECT count(*) FROM documents");
  return s.step() ? static_cast<std::size_t>(s.integer(0)) : 0;
}

std::optional<DocumentKey> SqliteFeatureStore::find(const std::string& id) const {
  Statement s(db_, "SELECT doc FROM documents WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return static_cast<DocumentKey>(s.integer(0));
}

std::int64_t SqliteFeatureStore::generation() const { return read_generation(db_); }

std::int64_t SqliteFeatureStore::begin_change(std::optional<std::int64_t>& seen_after) const {
  const std::int64_t before = read_generation(db_);
  seen_after = generation_seen_ == before ? std::optional<std::int64_t>(before + 1) : std::nullopt;
  return before + 1;
}

std::vector<std::optional<DocumentKey>> SqliteFeatureStore::put(const std::vector<DocumentFeatures>& batch) {
  if (batch.empty()) return {};
  Transaction tx(db_, Transaction::Kind::Write);
  std::optional<std::int64_t> seen;
  const std::int64_t generation = begin_change(seen);
  Statement insert(db_, "INSERT OR IGNORE INTO documents(id, title, source, lang, date, url, extra, text_bytes, batch, "
                        "signature, term_hashes, term_counts, shingle_count, sentence_terms, sentence_ends) "
                        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING doc");
  Statement name(db_, "INSERT INTO terms(hash, display, is_gloss) VALUES(?, ?, ?) ON CONFLICT(hash) DO UPDATE SET "
                      "display = excluded.display, is_gloss = 0 WHERE terms.is_gloss = 1 AND excluded.is_gloss = 0");
  std::vector<std::optional<DocumentKey>> keys;
  keys.reserve(batch.size());
  for (const DocumentFeatures& f : batch) {
    bind_features(insert, f, generation);
    const bool stored = insert.step();  // no row: another writer stored this id first
    keys.push_back(stored ? std::optional<DocumentKey>(static_cast<DocumentKey>(insert.integer(0))) : std::nullopt);
    while (insert.step()) {
    }
    insert.reset();
    if (!stored) continue;
    for (const TermName& n : f.new_term_names) {
      name.bind(1, static_cast<std::int64_t>(n.hash)).bind(2, n.display).bind(3, std::int64_t{n.is_gloss});
      name.step();
      name.reset();
    }
  }
  write_meta(db_, "generation", std::to_string(generation));
  tx.commit();
  generation_seen_ = seen;
  return keys;
}

std::size_t SqliteFeatureStore::remove(const std::vector<DocumentKey>& keys) {
  Transaction tx(db_, Transaction::Kind::Write);
  Statement erase(db_, "DELETE FROM documents WHERE doc = ?");
  std::size_t removed = 0;
  for (DocumentKey key : keys) {
    erase.bind(1, static_cast<std::int64_t>(key));
    erase.step();
    erase.reset();
    removed += static_cast<std::size_t>(db_.changes());
  }
  if (removed == 0) return 0;
  std::optional<std::int64_t> seen;
  write_meta(db_, "generation", std::to_string(begin_change(seen)));
  tx.commit();
  generation_seen_ = seen;
  return removed;
}

std::optional<DocumentFeatures> SqliteFeatureStore::get(DocumentKey key) const {
  Statement s(db_, (std::string("SELECT ") + kColumns + " FROM documents WHERE doc = ?").c_str());
  s.bind(1, static_cast<std::int64_t>(key));
  if (!s.step()) return std::nullopt;
  return features_of_row(s, db_.path());
}

void SqliteFeatureStore::read_all(const NameVisitor& on_name, const DocumentVisitor& on_document) const {
  Transaction tx(db_, Transaction::Kind::Read);
  const std::int64_t generation = read_generation(db_);
  if (on_name) {
    Statement s(db_, "SELECT hash, display, is_gloss FROM terms");
    while (s.step()) on_name({static_cast<std::uint64_t>(s.integer(0)), s.text(1), s.integer(2) != 0});
  }
  if (on_document) {
    Statement s(db_, (std::string("SELECT ") + kColumns + " FROM documents ORDER BY doc").c_str());
    while (s.step()) on_document(static_cast<DocumentKey>(s.integer(0)), features_of_row(s, db_.path()));
  }
  tx.commit();
  generation_seen_ = generation;
}

}  // namespace parallax
