#pragma once
// What features an engine's options produce: the feature version, which must be equal for two
// engines' signatures and term hashes to be comparable, and which per-document features are kept. A feature store records it (store/feature_store.hpp) and an engine
// refuses a store of another.
#include <string>

#include "pipeline/corpus_engine.hpp"
#include "store/in_memory_feature_store.hpp"

namespace parallax {

// Raised whenever analysis changes which features a text gets (word reading, shingling, hashing,
// term analysis).
inline constexpr int kFeatureFormat = 1;

// "features F; minhash seed S" and, when terms are cross-lingual, "; concepts H1; lexicons H2":
// xxh3 hashes of the built-in concept table's and the user lexicons' contents. Throws StoreError
// when one of those files cannot be read.
std::string feature_version(const EngineOptions& options);

// What an in-memory store keeps for an engine of these options besides records, signatures and
// term counts: sentences (on disk) only for the stage that reads them, cross-language copies, and
// distinct shingle counts only when partial copies are looked for.
InMemoryFeatureStore::Layout feature_layout(const EngineOptions& options);

}  // namespace parallax
