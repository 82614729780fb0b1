#include "text/analyzer.hpp"

#include <array>
#include <cctype>

#include "lexicon/concept_terms.hpp"
#include "lexicon/date_terms.hpp"
#include "text/language.hpp"
#include "text/languages.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "lexicon/stop_words.hpp"
#include "text/utf8.hpp"

namespace parallax {
namespace {

constexpr std::size_t kScriptCount = 5;  // Latin, Arabic, Cyrillic, Other, None

// "en-US" -> "en", "RU" -> "ru".
std::string primary_subtag(std::string_view bcp47) {
  std::string code(bcp47.substr(0, bcp47.find_first_of("-_")));
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return code;
}

// The language whose stemmer and stop words apply to a word written in `script`: the document's
// own when it is written in that script and has a stemmer, else the main language of the script
// in this engine's news (a Latin name in a Russian article is stemmed as English). Empty: none.
std::string_view word_language(Script script, std::string_view document_lang) {
  const StemmerLanguage* language = find_stemmer_language(document_lang);
  if (language != nullptr && language->writes_in(script)) return language->code;
  return main_language_of_script(script);
}

// Single letters carry no topic; single digits do ("5 years", "article 5").
bool is_single_letter(std::string_view word) {
  std::size_t i = 0;
  const UChar32 c = utf8::next(word, i);
  return i == word.size() && !u_isdigit(c);
}

}  // namespace

Stemmer& TextAnalyzer::stemmer_for(const std::string& lang) {
  return stemmers_.try_emplace(lang, std::string_view(lang)).first->second;
}

AnalyzedText TextAnalyzer::analyze(std::string_view text, std::string_view lang) {
  AnalyzedText result;
  result.lang = lang.empty() ? detect_language(text) : primary_subtag(lang);

  // Languages and stemmers per script, chosen once per document rather than per word; words
  // without a language (numbers, scripts with no stemmer here) are kept as they are.
  std::array<std::string_view, kScriptCount> languages;
  std::array<Stemmer*, kScriptCount> stemmers{};
  for (std::size_t s = 0; s < kScriptCount; ++s) {
    languages[s] = word_language(static_cast<Script>(s), result.lang);
    if (!languages[s].empty()) stemmers[s] = &stemmer_for(std::string(languages[s]));
  }

  const std::string normalized = normalize_for_matching(text);
  std::vector<ConceptTerm> concept_terms;
  DateMentions dates;
  for (const TextSpan& span : word_spans(normalized)) {
    const std::string_view word(normalized.data() + span.begin, span.end - span.begin);
    const auto script = static_cast<std::size_t>(word_script(word));
    std::string stem = stemmers[script] ? stemmers[script]->stem(word) : std::string(word);
    if (concepts_ != nullptr) dates.next(word, concept_terms);
    if (!is_single_letter(word) && !is_stop_word(languages[script], word)) {
      if (concepts_ != nullptr) {
        append_concept_terms(*concepts_, languages[script], word, stem, concept_terms);
      } else {
        result.terms.push_back(stem);
        result.term_displays.emplace_back(word);
        result.term_display_is_gloss.push_back(false);
      }
    }
    result.tokens.push_back(std::move(stem));
  }
  for (ConceptTerm& t : concept_terms) {
    result.terms.push_back(std::move(t.term));
    result.term_displays.push_back(std::move(t.display));
    result.term_display_is_gloss.push_back(t.display_is_gloss);
  }
  return result;
}

}  // namespace parallax
