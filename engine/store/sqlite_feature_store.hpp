#pragma once
// The feature store in SQLite: the documents and terms tables of `parallax index` (docs/index.md),
// over a connection the caller opened. Every put() and remove() is one transaction that also
// raises meta.generation, so other connections (readers, writers in other processes) see whole
// batches only and can tell that the store changed.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/feature_store.hpp"
#include "store/sqlite_database.hpp"

namespace parallax {

class SqliteFeatureStore final : public FeatureStore {
 public:
  // Creates the meta, documents and terms tables in an empty database and records the feature
  // version and generation 0; call inside the caller's write transaction.
  static void create_tables(SqliteDatabase& db, const std::string& feature_version);

  // Over a database create_tables() prepared (throws StoreError when it lacks them); db must
  // outlive the store.
  explicit SqliteFeatureStore(SqliteDatabase& db);

  std::string feature_version() const override { return feature_version_; }
  std::size_t size() const override;
  std::optional<DocumentKey> find(const std::string& id) const override;
  std::vector<std::optional<DocumentKey>> put(const std::vector<DocumentFeatures>& batch) override;
  std::size_t remove(const std::vector<DocumentKey>& keys) override;
  std::optional<DocumentFeatures> get(DocumentKey key) const override;
  void read_all(const NameVisitor& on_name, const DocumentVisitor& on_document) const override;

  // Raised by every committed put() or remove(), of any connection.
  std::int64_t generation() const;
  // The generation of this object's last read_all() snapshot, followed by this object's own writes:
  // what a copy made by read_all() and kept up to date with this object's puts and removes reflects.
  // Empty before a read_all() and once another writer came in between. Each object keeps its own
  // (two objects over one connection: a read through one leaves the other's mark alone).
  std::optional<std::int64_t> generation_seen() const { return generation_seen_; }
  // Takes the store as it stood at this generation as known, without reading it: generation_seen()
  // then says whether every write since was this object's (an appending engine's store).
  void assume_seen(std::int64_t generation) { generation_seen_ = generation; }

 private:
  // Inside a write transaction: the generation it commits, and what generation_seen() becomes once
  // it has committed (set only then: a change rolled back leaves it as it was).
  std::int64_t begin_change(std::optional<std::int64_t>& seen_after) const;

  SqliteDatabase& db_;
  std::string feature_version_;
  mutable std::optional<std::int64_t> generation_seen_;
};

// A row of the meta table (key, value), which create_tables() makes: the store keeps feature_version
// and generation there, its caller anything else (format, options, ...). Empty when missing.
std::string read_meta(SqliteDatabase& db, const char* key);
void write_meta(SqliteDatabase& db, const std::string& key, const std::string& value);

}  // namespace parallax
