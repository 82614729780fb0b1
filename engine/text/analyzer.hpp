#pragma once
// The whole text pipeline for one document: normalize, segment into words, choose a stemmer per
// word by its script (Arabic -> ar, Cyrillic -> ru, Latin -> the document language when it is a
// Latin-script language, else en), drop stop words, stem. Given a concept table, content words
// become cross-lingual terms instead (English concept keys and name keys: lexicon/concept_terms).
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/concept_table.hpp"
#include "text/stem.hpp"

namespace parallax {

struct AnalyzedText {
  std::string lang;                  // the document language used (given or detected)
  std::vector<std::string> terms;    // stems of content words, in text order (stop words removed)
  std::vector<std::string> term_displays;  // per term: the word a reader is shown for it
  std::vector<bool> term_display_is_gloss;  // per term: its display is an English gloss, not a word of the text
  std::vector<std::string> tokens;   // all normalized word stems in text order (for shingles)
};

// Not thread-safe (owns stemmers): use one analyzer per thread.
class TextAnalyzer {
 public:
  // concepts: null for monolingual terms (stems), else the table that maps words to concepts; it
  // must outlive the analyzer.
  explicit TextAnalyzer(const ConceptTable* concepts = nullptr) : concepts_(concepts) {}

  // lang may be empty: then it is detected.
  AnalyzedText analyze(std::string_view text, std::string_view lang);

 private:
  Stemmer& stemmer_for(const std::string& lang);
  const ConceptTable* concepts_;
  std::map<std::string, Stemmer> stemmers_;
};

}  // namespace parallax
