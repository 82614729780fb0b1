#pragma once
// Where the corpus engine's per-document features live: one interface, two implementations.
// InMemoryFeatureStore (store/in_memory_feature_store) is what `cluster`, the C ABI and Python
// build from; SqliteFeatureStore (store/sqlite_feature_store) is the documents and terms tables
// of `parallax index`. A CorpusEngine works over either (pipeline/corpus_engine.hpp): documents
// added to it are put into its store, removed ones removed from it, and a build reads it.
//
// Stored features carry a feature version: signatures and term hashes of two versions are not
// comparable, so an engine refuses a store whose version is not its own (IncompatibleStoreError)
// and the store is rebuilt from the texts, never mixed.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/document_features.hpp"
#include "store/store_error.hpp"

namespace parallax {

// A document's stable number in its store: ascending in the order documents were put, never reused
// after a removal. Groups and events are those of a batch run over the documents in key order.
using DocumentKey = std::uint64_t;

class FeatureStore {
 public:
  virtual ~FeatureStore() = default;

  // "features F; minhash seed S[; concepts H1; lexicons H2]" (pipeline/feature_version): what
  // computed the features held.
  virtual std::string feature_version() const = 0;
  virtual std::size_t size() const = 0;
  virtual std::optional<DocumentKey> find(const std::string& id) const = 0;
  // Stores the documents in order, each under a new key, and their new_term_names by the naming
  // rule; a batch is stored whole or not at all. An entry is empty where the store already holds
  // that id (another writer of a shared store stored it first): that document is not stored.
  virtual std::vector<std::optional<DocumentKey>> put(const std::vector<DocumentFeatures>& batch) = 0;
  // Removes the documents with these keys (unknown keys are ignored), all or none; returns how many
  // were held. A term only they held keeps its name.
  virtual std::size_t remove(const std::vector<DocumentKey>& keys) = 0;
  // A document's features as they were put (new_term_names empty).
  virtual std::optional<DocumentFeatures> get(DocumentKey key) const = 0;
  // Every term's name (in no particular order), then every document in key order as get() gives
  // it, from one consistent snapshot. Either visitor may be empty.
  using NameVisitor = std::function<void(const TermName&)>;
  using DocumentVisitor = std::function<void(DocumentKey, DocumentFeatures&&)>;
  virtual void read_all(const NameVisitor& on_name, const DocumentVisitor& on_document) const = 0;
};

}  // namespace parallax
