#pragma once
// The cross-lingual concept table: a word of a non-English language -> English concept keys
// (English stems), weighted. Lookups are by the word's key in its language (word_key(): the same
// normalization and stemming the analyzer applies), so every inflected form that stems alike
// finds the entry. The built-in table is a compact binary file (concepts.plx) compiled at build
// time from licence-clean lexicons (docs/lexicon.md) and mapped into memory; users add their own
// lexicons as TSV files (word, language, English gloss[, weight]) on top of it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// A bad lexicon file: the message starts with "FILE:LINE: " when a line is at fault.
class LexiconError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One English concept a word maps to.
struct ConceptGloss {
  std::string_view key;      // English stem: the term an English document has for this concept
  std::string_view display;  // the English word itself, for labels
  float weight = 0;          // in (0, 1]; the best gloss of a word has weight 1
  bool is_name = false;      // the gloss is a proper name (written with a capital letter)
};

// The glosses of one word, best first: at most kMaxGlosses, held inline (a lookup per word of
// every non-English document must not allocate).
struct ConceptGlosses {
  static constexpr std::size_t kMaxGlosses = 3;
  std::array<ConceptGloss, kMaxGlosses> items{};
  std::size_t count = 0;

  const ConceptGloss* begin() const { return items.data(); }
  const ConceptGloss* end() const { return items.data() + count; }
  bool empty() const { return count == 0; }
};

// One entry of a lexicon before compilation.
struct LexiconEntry {
  std::string word;   // as written (any case, diacritics allowed)
  std::string lang;   // ISO 639-1
  std::string gloss;  // English word or short phrase
  float weight = 1.0f;
};

// Reads a lexicon TSV: one entry per line, `word<TAB>lang<TAB>gloss[<TAB>weight]`; blank lines and
// lines starting with '#' are skipped. Throws LexiconError "FILE:LINE: message" on a bad line
// (wrong field count, invalid UTF-8, empty field, weight not in (0, 1]) or an unreadable file.
std::vector<LexiconEntry> read_lexicon_tsv(const std::string& path);

// The key under which a word of `lang` is looked up: normalize_for_matching, then the analyzer's
// stemmer for that language (Arabic: the light stemmer). Empty for an empty word.
std::string word_key(std::string_view lang, std::string_view word);

class ConceptTable {
 public:
  ConceptTable();
  ~ConceptTable();
  ConceptTable(ConceptTable&&) noexcept;
  ConceptTable& operator=(ConceptTable&&) noexcept;

  // Maps a compiled table file (write_concept_table). Throws LexiconError when the file is
  // missing, truncated or of another format version.
  static ConceptTable open(const std::string& path);

  // Adds entries on top of what the table holds (a user's --lexicon); a word found in both keeps
  // the glosses of both, the user's first.
  void add(const std::vector<LexiconEntry>& entries);

  // The glosses of a word key of `lang`, best first; empty when the word is unknown. English
  // words are never looked up (English is the concept language). Thread-safe for concurrent reads.
  ConceptGlosses glosses(std::string_view lang, std::string_view key) const;

  // True when an English stem is a gloss of some common (not proper-name) entry: an English word
  // that no lexicon translates into is likely a name, and gets a name key too.
  bool is_common_english(std::string_view english_stem) const;

  // True when some entry of `lang` exists (a document in a language without one clusters by
  // names and numbers only).
  bool covers(std::string_view lang) const;
  std::size_t size() const;  // number of (language, key) entries

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Compiles entries into the binary format ConceptTable::open maps. Throws LexiconError when the
// file cannot be written.
void write_concept_table(const std::vector<LexiconEntry>& entries, const std::string& path);

// The built-in table: PARALLAX_CONCEPTS (a file path) when set, else concepts.plx in the data
// folders the library knows (beside the executable or library, ../share/parallax, the build tree).
// Throws LexiconError naming the places looked at when none is found.
std::string builtin_concept_table_path();

// The built-in table with the user's lexicon TSV files added. Throws LexiconError (a bad line:
// FILE:LINE: message; no built-in table found).
ConceptTable load_concept_table(const std::vector<std::string>& lexicons);

}  // namespace parallax
