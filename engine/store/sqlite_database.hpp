#pragma once
// A thin RAII layer over SQLite for the document index: one connection, prepared statements,
// transactions. Every failure is a StoreError whose message names the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/store_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace parallax {

class SqliteDatabase {
 public:
  enum class Access { ReadOnly, ReadWrite };

  // ReadWrite creates the file when it is missing. Waits up to busy_timeout_ms for another
  // connection's lock before a call fails with "database is locked".
  SqliteDatabase(std::string path, Access access, int busy_timeout_ms);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  class Statement {
   public:
    Statement(SqliteDatabase& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int column, std::int64_t value);
    Statement& bind(int column, std::string_view text);
    Statement& bind_blob(int column, const void* data, std::size_t bytes);
    // True while a row is available; false when done.
    bool step();
    void reset();  // ready to bind and step again
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    std::string_view blob(int column) const;  // valid until the next step
    bool is_null(int column) const;

   private:
    SqliteDatabase& db_;
    sqlite3_stmt* statement_ = nullptr;
  };

  // Runs SQL without results (may hold several statements).
  void execute(const char* sql);
  std::int64_t changes() const;
  const std::string& path() const { return path_; }
  // Throws StoreError "PATH: what: SQLite's message".
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE (a writer: takes the write lock at once, so no other writer can slip in between
// a read and the write it decides) or BEGIN (a reader: one consistent snapshot under WAL). Rolls
// back unless committed.
class Transaction {
 public:
  enum class Kind { Read, Write };
  Transaction(SqliteDatabase& db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  SqliteDatabase& db_;
  bool open_ = true;
};

}  // namespace parallax
