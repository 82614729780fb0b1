#include "store/sqlite_database.hpp"

#include <sqlite3.h>

#include <utility>

namespace parallax {

SqliteDatabase::SqliteDatabase(std::string path, Access access, int busy_timeout_ms) : path_(std::move(path)) {
  const int flags = access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  // NOMUTEX: one connection per thread; the library is thread-safe across connections.
  const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path_ + ": cannot open: " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close(db_); }

void SqliteDatabase::fail(const std::string& what) const {
  throw StoreError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

void SqliteDatabase::execute(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw StoreError(path_ + ": " + text);
  }
}

std::int64_t SqliteDatabase::changes() const { return sqlite3_changes64(db_); }

SqliteDatabase::Statement::Statement(SqliteDatabase& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db_.db_, sql, -1, &statement_, nullptr) != SQLITE_OK) db_.fail("cannot read the index");
}

SqliteDatabase::Statement::~Statement() { sqlite3_finalize(statement_); }

SqliteDatabase::Statement& SqliteDatabase::Statement::bind(int column, std::int64_t value) {
  if (sqlite3_bind_int64(statement_, column, value) != SQLITE_OK) db_.fail("bind");
  return *this;
}

SqliteDatabase::Statement& SqliteDatabase::Statement::bind(int column, std::string_view text) {
  if (sqlite3_bind_text64(statement_, column, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
    db_.fail("bind");
  return *this;
}

SqliteDatabase::Statement& SqliteDatabase::Statement::bind_blob(int column, const void* data, std::size_t bytes) {
  // A zero-length blob, not NULL, for an empty array.
  const int rc = bytes == 0 ? sqlite3_bind_zeroblob(statement_, column, 0)
                            : sqlite3_bind_blob64(statement_, column, data, bytes, SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail("bind");
  return *this;
}

bool SqliteDatabase::Statement::step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail("cannot read or write the index");
}

void SqliteDatabase::Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::int64_t SqliteDatabase::Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::string SqliteDatabase::Statement::text(int column) const {
  const auto* p = sqlite3_column_text(statement_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
           : std::string();
}

std::string_view SqliteDatabase::Statement::blob(int column) const {
  const void* p = sqlite3_column_blob(statement_, column);
  const auto bytes = static_cast<std::size_t>(sqlite3_column_bytes(statement_, column));
  return p ? std::string_view(static_cast<const char*>(p), bytes) : std::string_view();
}

bool SqliteDatabase::Statement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

Transaction::Transaction(SqliteDatabase& db, Kind kind) : db_(db) {
  db_.execute(kind == Kind::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.execute("ROLLBACK");
  } catch (...) {  // a failed transaction SQLite rolled back itself: nothing left to undo
  }
}

void Transaction::commit() {
  db_.execute("COMMIT");
  open_ = false;
}

}  // namespace parallax
