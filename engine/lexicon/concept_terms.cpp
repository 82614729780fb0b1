#include "lexicon/concept_terms.hpp"

#include "lexicon/name_key.hpp"

namespace parallax {
namespace {

// A second gloss below this weight (relative to the best) is more often a different sense than
// another word for the same concept.
constexpr float kSecondGlossWeight = 0.5f;
constexpr std::size_t kGlossesPerWord = 2;

void append_name_key(std::string_view normalized_word, std::vector<ConceptTerm>& out) {
  const std::string key = name_key(normalized_word);
  if (!key.empty()) out.push_back({std::string(kNameKeyPrefix) + key, std::string(normalized_word)});
}

}  // namespace

void append_concept_terms(const ConceptTable& table, std::string_view lang, std::string_view normalized_word,
                          std::string_view stem, std::vector<ConceptTerm>& out) {
  if (lang == "en") {
    out.push_back({std::string(stem), std::string(normalized_word)});
    if (!table.is_common_english(stem)) append_name_key(normalized_word, out);
    return;
  }
  const ConceptGlosses glosses = table.glosses(lang, stem);
  if (glosses.empty()) {
    out.push_back({std::string(stem), std::string(normalized_word)});
    append_name_key(normalized_word, out);
    return;
  }
  bool is_name = false;
  std::size_t kept = 0;
  for (const ConceptGloss& gloss : glosses) {
    if (kept == kGlossesPerWord || gloss.weight < kSecondGlossWeight) break;
    out.push_back({std::string(gloss.key), std::string(gloss.display), true});
    is_name = is_name || gloss.is_name;
    ++kept;
  }
  if (is_name) append_name_key(normalized_word, out);
}

}  // namespace parallax
