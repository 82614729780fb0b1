#pragma once
// What `index query` looks documents up in without rebuilding the store (store/index_lookup): the
// document frequencies and each event's description as the last recomputation found them. Written
// in the transaction that writes the assignments, so the three always describe one generation.
#include <optional>
#include <string>
#include <vector>

#include "features/tfidf.hpp"
#include "store/sqlite_database.hpp"

namespace parallax {

struct EventCluster;

// What the report shows of a stored event a query document joins.
struct StoredEventDescription {
  std::string label;
  std::vector<std::string> top_terms;
};

struct IndexSnapshot {
  DocumentFrequencies frequencies;                 // over every stored document
  std::vector<StoredEventDescription> events;      // by the event number of the assignments table
};

// Creates the snapshot's tables when they are missing (a store of schema 1 gets them when a writer
// opens it; they stay empty until its next recomputation). Inside a write transaction.
void create_snapshot_tables(SqliteDatabase& db);

// What the snapshot keeps of a build's events.
std::vector<StoredEventDescription> descriptions_of(const std::vector<EventCluster>& events);

// Replaces the snapshot. Inside the caller's write transaction.
void write_snapshot(SqliteDatabase& db, const DocumentFrequencies& frequencies,
                    const std::vector<StoredEventDescription>& events);

// The snapshot, or nothing when the store has none yet (schema 1, or no recomputation since the
// tables were created). Throws StoreError when it is damaged.
std::optional<IndexSnapshot> read_snapshot(SqliteDatabase& db);

}  // namespace parallax
