#pragma once
// Opposite predicates between two claims ("profits rose" / "profits fell", "Moscow confirmed" /
// "Moscow denied", "تراجع" / "rose"): the words of each claim that have an antonym
// (lexicon/antonyms), as English keys, and the first pair that opposes the two claims.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <utility>

#include "lexicon/antonyms.hpp"
#include "lexicon/concept_table.hpp"
#include "lexicon/concept_terms.hpp"
#include "text/stem.hpp"

namespace parallax {

// Predicate key -> the keys of the words it is said with.
using Predicates = std::map<std::string, std::set<std::string>>;

// Not thread-safe (owns stemmers): one per thread.
class PredicateFinder {
 public:
  // concepts: maps Arabic and Russian words to English keys (their best gloss); null: English
  // words only. Neither is owned.
  PredicateFinder(const Antonyms& antonyms, const ConceptTable* concepts);
  // The keys of the text's words that have an opposite, each with the keys of the content words
  // around it (three either side, inside its clause): what it is said of.
  Predicates predicates(const std::string& text);

 private:
  // A word's English key: the stem of its lemma (English), of its best gloss (Arabic, Russian);
  // empty for a name or a word with none.
  std::string key_of(std::string_view raw, bool first_word);
  // A context word's key (its stem); empty for a stop word.
  std::string context_key(std::string_view raw);

  const Antonyms& antonyms_;
  const ConceptTable* concepts_;
  Stemmer english_{"en"}, arabic_{"ar"}, russian_{"ru"};
  std::vector<ConceptTerm> glosses_;
};

// (lemma in a, lemma in b) of a predicate of `a` whose opposite `b` has, said of something in
// common (their context words share a key: "profits rose" / "profits fell", not "rare earth
// exports" / "soybean imports"), when neither claim has both (a sentence that says "rose, then
// fell" opposes nothing).
std::optional<std::pair<std::string, std::string>> opposite_predicates(const Predicates& a, const Predicates& b,
                                                                       const Antonyms& antonyms);

}  // namespace parallax
