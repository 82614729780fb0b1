#pragma once
// What the engine keeps of one analyzed document (never its text): the unit a feature store holds
// (store/feature_store.hpp) and the corpus engine builds from.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "features/minhash.hpp"
#include "features/tfidf.hpp"

namespace parallax {

// A document's metadata after analysis.
struct DocumentRecord {
  std::string id, title, source, lang, date, url;
  std::vector<std::pair<std::string, std::string>> extra_fields;
  std::optional<int> date_days;  // parsed `date`, days since 1970-01-01
  std::size_t text_bytes = 0;
};

// The word shown for a term: a surface form of a text, or an English gloss of one.
struct TermName {
  std::uint64_t hash;
  std::string display;
  bool is_gloss;
};

// Everything kept of one analyzed document: an engine given these builds exactly what it would
// have built from the text. Only valid in an engine whose feature version (shingles, hashes,
// terms, concept table) is that of the engine that analyzed it.
struct DocumentFeatures {
  DocumentRecord record;
  TermCounts term_counts;      // sorted by term hash
  MinHashSignature signature;  // empty when the text has no word at all
  std::uint32_t shingle_count = 0;  // distinct shingles, counted only when partial copies are looked for
  // The names of terms the analyzing engine's vocabulary lacked (or knew only by a gloss) when the
  // document was analyzed; a store keeps one name per term, with the same rule (a word of a text
  // replaces a gloss, nothing else replaces a name). Empty in features read back from a store:
  // a store's names are read as a whole (FeatureStore::for_each_term_name).
  std::vector<TermName> new_term_names;
  // When sentences are kept (translations): the terms of the sentences in text order, and where
  // each sentence ends in that list.
  std::vector<std::uint64_t> sentence_terms;
  std::vector<std::size_t> sentence_ends;
};

}  // namespace parallax
