#include "text/analyzer.hpp"

#include <xxhash.h>

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

// xxh3: std::hash of the words' bytes was most of the memo's cost.
std::size_t TextAnalyzer::WordHash::operator()(const std::string& s) const { return XXH3_64bits(s.data(), s.size()); }

const TextAnalyzer::WordTerms& TextAnalyzer::word_terms(std::string_view lang, std::string_view word, Stemmer* stemmer) {
  constexpr std::size_t kMaxRememberedWords = 1 << 18;
  word_terms_probe_.assign(lang).push_back('\x1f');
  word_terms_probe_.append(word);
  if (const auto it = word_terms_.find(word_terms_probe_); it != word_terms_.end()) return it->second;
  if (word_terms_.size() >= kMaxRememberedWords) word_terms_.clear();
  WordTerms w;
  w.stem = stemmer ? stemmer->stem(word) : std::string(word);
  w.is_content = !is_single_letter(word) && !is_stop_word(lang, word);
  if (w.is_content) append_concept_terms(*concepts_, lang, word, w.stem, w.terms);
  return word_terms_.emplace(word_terms_probe_, std::move(w)).first->second;
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
  DateMentions dates;
  std::vector<ConceptTerm> date_terms;
  for (const TextSpan& span : word_spans(normalized)) {
    const std::string_view word(normalized.data() + span.begin, span.end - span.begin);
    const auto script = static_cast<std::size_t>(word_script(word));
    if (concepts_ != nullptr) {
      const WordTerms& w = word_terms(languages[script], word, stemmers[script]);
      for (const ConceptTerm& t : w.terms) {
        result.terms.push_back(t.term);
        result.term_displays.push_back(t.display);
        result.term_display_is_gloss.push_back(t.display_is_gloss);
      }
      dates.next(word, date_terms);
      result.tokens.push_back(w.stem);
      continue;
    }
    std::string stem = stemmers[script] ? stemmers[script]->stem(word) : std::string(word);
    if (!is_single_letter(word) && !is_stop_word(languages[script], word)) {
      result.terms.push_back(stem);
      result.term_displays.emplace_back(word);
      result.term_display_is_gloss.push_back(false);
    }
    result.tokens.push_back(std::move(stem));
  }
  for (ConceptTerm& t : date_terms) {
    result.terms.push_back(std::move(t.term));
    result.term_displays.push_back(std::move(t.display));
    result.term_display_is_gloss.push_back(false);
  }
  return result;
}

}  // namespace parallax
