#pragma once
// Opposite predicates ("rose" / "fell", "confirmed" / "denied", "won" / "lost") for compare's
// judge: English antonym pairs from WordNet, extracted at build time into antonyms.tsv beside the
// concept table (tools/lexicon/extract_antonyms.py). Keys are the Snowball English stems of the
// lemmas, so regular forms meet by stemming and Arabic or Russian words by their English glosses
// (engine/lexicon concept terms); irregular English forms are mapped to their lemma first.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parallax {

class Antonyms {
 public:
  // Reads an antonyms.tsv. Throws LexiconError ("FILE:LINE: message", or the file that cannot be read).
  static Antonyms load(const std::string& path);

  // The keys opposite to `key` (an English stem), or null.
  const std::vector<std::string>* opposites(const std::string& key) const;
  // The lemma of an irregular English form ("rose" -> "rise"), or null.
  const std::string* lemma_of_form(const std::string& lowercase_word) const;
  // The word a reader is shown for a key: its lemma.
  const std::string& lemma(const std::string& key) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> opposites_;
  std::unordered_map<std::string, std::string> lemma_of_form_;
  std::unordered_map<std::string, std::string> lemma_of_key_;
};

// antonyms.tsv beside the built-in concept table (builtin_concept_table_path()). Throws
// LexiconError when the concept table is not found.
std::string builtin_antonyms_path();

}  // namespace parallax
