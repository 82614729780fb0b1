#pragma once
// The cross-lingual terms of a content word, for event features: an English word stays its stem
// (English is the concept language); a word of another language becomes the English concept keys
// its lexicon gives (at most three, each at least half as likely as the best: three measured
// better than one or two on NTREX retrieval and on xling-events), or its own stem when no lexicon
// knows it. Names get a cross-script name key ("~" + name_key) so that a name no lexicon holds
// still meets its spelling in other scripts: an English word that no lexicon glosses as a common
// word, a word of another language that a lexicon glosses as a name, and a word that no lexicon
// knows get it beside their stem or glosses.
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/concept_table.hpp"

namespace parallax {

// A term and the word a reader is shown for it (surface form or English gloss).
struct ConceptTerm {
  std::string term;
  std::string display;
  bool display_is_gloss = false;  // an English gloss (or a non-English name), which an English word of a text replaces
};

// Appends the terms of one normalized content word of language `lang` whose stem (in that
// language) is `stem`.
void append_concept_terms(const ConceptTable& table, std::string_view lang, std::string_view normalized_word,
                          std::string_view stem, std::vector<ConceptTerm>& out);

// The prefix that marks a name key among terms.
inline constexpr std::string_view kNameKeyPrefix = "~";

}  // namespace parallax
