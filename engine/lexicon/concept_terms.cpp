#include "lexicon/concept_terms.hpp"

#include <algorithm>

#include "lexicon/name_key.hpp"
#include "text/stem.hpp"
#include "text/utf8.hpp"

namespace parallax {
namespace {

// A gloss below this weight (relative to the best) is more often a different sense than another
// word for the same concept. NTREX sentence P@1 (ar / ru) with 1, 2 or 3 glosses per word:
// .627 / .753, .709 / .803, .755 / .814; five glosses raised retrieval further but lowered the
// event clustering.
constexpr float kSecondGlossWeight = 0.5f;
constexpr std::size_t kGlossesPerWord = 3;

// The key shows the name as a text wrote it. Written in another script than English, it gives
// way to an English spelling once one is seen (marked like a gloss): readers of the report read
// "navalny" more easily than "نافالني".
// name_key costs 1 to 1.5 microseconds per Arabic or Russian word (ICU transliteration): callers
// remember each word's terms (TextAnalyzer's memo), so it runs once per distinct word.
void append_name_key(std::string_view normalized_word, bool shown_in_english_later, std::vector<ConceptTerm>& out) {
  const std::string key = name_key(normalized_word);
  if (!key.empty())
    out.push_back({std::string(kNameKeyPrefix) + key, std::string(normalized_word), shown_in_english_later});
}

// An English word that no lexicon glosses as a common word is most likely a name: it gets a name
// key beside its stem. (The key in place of the stem was measured worse over four projection
// seeds: xling-events 0.909 -> 0.891, FNC-1 0.947 -> 0.937, ECB+ 0.875 -> 0.869.)
void append_english_name_key(const ConceptTable& table, std::string_view normalized_word, std::string_view stem,
                             std::vector<ConceptTerm>& out) {
  if (!table.is_common_english(stem)) append_name_key(normalized_word, false, out);
}

// Arabic attaches prepositions the light stemmer leaves on (لبوتين "to Putin", بموسكو "in
// Moscow", كرئيس "as president": stripping them always would break words that begin with these
// letters), and writes the accusative ending ا (هاتفيا "by phone", اتصالا "a call"). When a word
// is not found as it is, it is looked up without them. Measured on the Arabic articles of
// xling-events: these were the commonest unmapped forms.
ConceptGlosses arabic_glosses_without_clitics(const ConceptTable& table, std::string_view word) {
  thread_local Stemmer arabic("ar");  // the word is normalized already: only its stem is needed
  constexpr std::string_view kPrefixes[] = {"\u0644", "\u0628", "\u0643"};  // ل ب ك
  constexpr std::string_view kAccusative = "\u0627";                         // ا
  constexpr std::size_t kMinLetters = 3;
  auto letters = [](std::string_view w) { return utf8::count_code_points(w); };
  for (std::string_view prefix : kPrefixes) {
    if (word.substr(0, prefix.size()) != prefix || letters(word.substr(prefix.size())) < kMinLetters) continue;
    const ConceptGlosses found = table.glosses("ar", arabic.stem(word.substr(prefix.size())));
    if (!found.empty()) return found;
  }
  if (word.size() > kAccusative.size() && word.substr(word.size() - kAccusative.size()) == kAccusative &&
      letters(word) > kMinLetters)
    return table.glosses("ar", arabic.stem(word.substr(0, word.size() - kAccusative.size())));
  return {};
}

ConceptGlosses glosses_of(const ConceptTable& table, std::string_view lang, std::string_view word, std::string_view stem) {
  ConceptGlosses found = table.glosses(lang, stem);
  if (found.empty() && lang == "ar") found = arabic_glosses_without_clitics(table, word);
  return found;
}

}  // namespace

void append_concept_terms(const ConceptTable& table, std::string_view lang, std::string_view normalized_word,
                          std::string_view stem, std::vector<ConceptTerm>& out) {
  if (lang == "en") {
    out.push_back({std::string(stem), std::string(normalized_word)});
    append_english_name_key(table, normalized_word, stem, out);
    return;
  }
  const ConceptGlosses glosses = glosses_of(table, lang, normalized_word, stem);
  if (glosses.empty()) {
    out.push_back({std::string(stem), std::string(normalized_word)});
    append_name_key(normalized_word, true, out);
    return;
  }
  std::size_t kept = 0;
  for (const ConceptGloss& gloss : glosses) {
    if (kept == kGlossesPerWord || gloss.weight < kSecondGlossWeight) break;
    out.push_back({std::string(gloss.key), std::string(gloss.display), true});
    ++kept;
  }
  // A word some lexicon reads as a name gets its name key, even where a common gloss came first.
  if (std::any_of(glosses.begin(), glosses.end(), [](const ConceptGloss& g) { return g.is_name; }))
    append_name_key(normalized_word, true, out);
}

}  // namespace parallax
