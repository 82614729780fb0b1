#pragma once
// The whole text pipeline for one document: normalize, segment into words, choose a stemmer per
// word by its script (Arabic -> ar, Cyrillic -> ru, Latin -> the document language when it is a
// Latin-script language, else en), drop stop words, stem. Given a concept table, content words
// become cross-lingual terms instead (English concept keys and name keys: lexicon/concept_terms).
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "lexicon/concept_table.hpp"
#include "lexicon/concept_terms.hpp"
#include "text/stem.hpp"
#include "text/word_memo.hpp"

namespace parallax {

struct AnalyzedText {
  std::string lang;                  // the document language used (given or detected)
  std::vector<std::string> terms;    // stems of content words, in text order (stop words removed)
  std::vector<std::string> term_displays;  // per term: the word a reader is shown for it
  std::vector<bool> term_display_is_gloss;  // per term: its display is an English gloss, not a word of the text
  std::vector<std::string> tokens;   // all normalized word stems in text order (for shingles)
};

// A term of a text through the concept table: its hash (term_hash of its text) and the analyzer's
// own record of it (term, display), valid until the analyzer's next call.
struct HashedTerm {
  std::uint64_t hash;
  const ConceptTerm* term;
};

// Not thread-safe (owns stemmers): use one analyzer per thread.
class TextAnalyzer {
 public:
  // concepts: null for monolingual terms (stems), else the table that maps words to concepts; it
  // must outlive the analyzer.
  explicit TextAnalyzer(const ConceptTable* concepts = nullptr) : concepts_(concepts) {}

  // lang may be empty: then it is detected.
  AnalyzedText analyze(std::string_view text, std::string_view lang);

  // The terms analyze() gives with a concept table, without copying a string (what the corpus
  // engine reads: at 100k documents the copies cost about a tenth of `cluster`). Appends to `out`;
  // returns the document language used. Throws std::logic_error without a concept table.
  // sentence_ends, if given, receives the size of `out` at the end of each sentence that added a
  // term (a cheap split at . ! ? ؟ … and line breaks between words, no abbreviation rules: what
  // the translations pass needs to line sentences up, at no second analysis). Date terms come
  // after the last end: they belong to the document, not a sentence.
  std::string analyze_terms(std::string_view text, std::string_view lang, std::vector<HashedTerm>& out,
                            std::vector<std::size_t>* sentence_ends = nullptr);

 private:
  // What one word of a language contributes to a document's cross-lingual terms.
  struct WordTerms {
    std::string stem;
    std::vector<ConceptTerm> terms;  // none for a stop word or a single letter
    std::vector<std::uint64_t> hashes;  // term_hash of each term
  };

  // The language and stemmer of each script (Latin, Arabic, Cyrillic, Other, None) in a document:
  // chosen once per document rather than per word.
  struct ScriptLanguages {
    std::array<std::string_view, 5> languages{};
    std::array<Stemmer*, 5> stemmers{};
  };

  Stemmer& stemmer_for(const std::string& lang);
  ScriptLanguages script_languages(const std::string& doc_lang);
  const WordTerms& word_terms(std::string_view lang, std::string_view word, Stemmer* stemmer);
  // The concept pass over a text: its terms into `out`, each word's stem into `tokens` if given.
  std::string concept_terms(std::string_view text, std::string_view lang, std::vector<HashedTerm>& out,
                            std::vector<std::string>* tokens, std::vector<std::size_t>* sentence_ends = nullptr);

  const ConceptTable* concepts_;
  std::map<std::string, Stemmer> stemmers_;
  // Each word's terms, computed once per analyzer (per thread): the stemming, table lookups and
  // name keys behind them cost a third of `cluster` at 100k documents when done for every word.
  WordMemo<WordTerms> word_terms_;
  std::string word_terms_probe_;
  std::vector<ConceptTerm> date_terms_;  // the last text's date terms (HashedTerm points here)
};

}  // namespace parallax
