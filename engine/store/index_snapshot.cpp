#include "store/index_snapshot.hpp"

#include <stdexcept>
#include <string_view>

#include "pipeline/corpus_engine.hpp"
#include "store/store_error.hpp"

namespace parallax {
namespace {

// The frequencies as DocumentFrequencies::serialize writes them (one row); event descriptions by
// event number, top terms joined by the unit separator (no word holds a control character).
constexpr const char* kSnapshotSchema = R"(
CREATE TABLE IF NOT EXISTS frequencies(id INTEGER PRIMARY KEY CHECK(id = 0), data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS event_descriptions(event INTEGER PRIMARY KEY, label TEXT NOT NULL, top_terms TEXT NOT NULL);
)";

constexpr char kTermSeparator = '\x1f';

using Statement = SqliteDatabase::Statement;

std::string joined_terms(const std::vector<std::string>& terms) {
  std::string text;
  for (const std::string& t : terms) {
    if (!text.empty()) text += kTermSeparator;
    text += t;
  }
  return text;
}

std::vector<std::string> split_terms(std::string_view text) {
  std::vector<std::string> terms;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(kTermSeparator), text.size());
    terms.emplace_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return terms;
}

bool has_table(SqliteDatabase& db, const char* name) {
  Statement s(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  s.bind(1, name);
  return s.step();
}

}  // namespace

void create_snapshot_tables(SqliteDatabase& db) { db.execute(kSnapshotSchema); }

std::vector<StoredEventDescription> descriptions_of(const std::vector<EventCluster>& events) {
  std::vector<StoredEventDescription> out;
  out.reserve(events.size());
  for (const EventCluster& e : events) out.push_back({e.label, e.top_terms});
  return out;
}

void write_snapshot(SqliteDatabase& db, const DocumentFrequencies& frequencies,
                    const std::vector<StoredEventDescription>& events) {
  db.execute("DELETE FROM frequencies; DELETE FROM event_descriptions");
  const std::string bytes = frequencies.serialize();
  Statement put(db, "INSERT INTO frequencies(id, data) VALUES(0, ?)");
  put.bind_blob(1, bytes.data(), bytes.size());
  put.step();
  Statement describe(db, "INSERT INTO event_descriptions(event, label, top_terms) VALUES(?, ?, ?)");
  for (std::size_t e = 0; e < events.size(); ++e) {
    describe.bind(1, static_cast<std::int64_t>(e)).bind(2, events[e].label).bind(3, joined_terms(events[e].top_terms));
    describe.step();
    describe.reset();
  }
}

std::optional<IndexSnapshot> read_snapshot(SqliteDatabase& db) {
  if (!has_table(db, "frequencies")) return std::nullopt;
  IndexSnapshot snapshot;
  {
    Statement s(db, "SELECT data FROM frequencies WHERE id = 0");
    if (!s.step()) return std::nullopt;
    try {
      snapshot.frequencies = DocumentFrequencies::deserialize(s.blob(0));
    } catch (const std::invalid_argument& e) {
      throw StoreError(db.path() + ": the stored document frequencies are damaged (" + e.what() + ")");
    }
  }
  Statement s(db, "SELECT event, label, top_terms FROM event_descriptions ORDER BY event");
  while (s.step()) {
    if (s.integer(0) != static_cast<std::int64_t>(snapshot.events.size()))
      throw StoreError(db.path() + ": the stored event descriptions are not numbered 0, 1, ... (the store is damaged)");
    snapshot.events.push_back({s.text(1), split_terms(s.text(2))});
  }
  return snapshot;
}

}  // namespace parallax
