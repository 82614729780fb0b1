#include "text/analyzer.hpp"

#include <array>
#include <cctype>
#include <stdexcept>

#include "lexicon/concept_terms.hpp"
#include "lexicon/date_terms.hpp"
#include "lexicon/stop_words.hpp"
#include "text/language.hpp"
#include "text/languages.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/term_hash.hpp"
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

const TextAnalyzer::WordTerms& TextAnalyzer::word_terms(std::string_view lang, std::string_view word, Stemmer* stemmer) {
  word_terms_probe_.assign(lang).push_back('\x1f');
  word_terms_probe_.append(word);
  if (const WordTerms* known = word_terms_.find(word_terms_probe_)) return *known;
  WordTerms w;
  w.stem = stemmer ? stemmer->stem(word) : std::string(word);
  if (!is_single_letter(word) && !is_stop_word(lang, word)) append_concept_terms(*concepts_, lang, word, w.stem, w.terms);
  for (const ConceptTerm& t : w.terms) w.hashes.push_back(term_hash(t.term));
  return word_terms_.insert(word_terms_probe_, std::move(w));
}

namespace {

// Whether the characters between two words end a sentence.
bool ends_sentence(std::string_view between) {
  for (std::size_t i = 0; i < between.size(); ++i) {
    const char c = between[i];
    if (c == '.' || c == '!' || c == '?' || c == '\n') return true;
    if (between.compare(i, 2, "\xd8\x9f") == 0 || between.compare(i, 3, "\xe2\x80\xa6") == 0) return true;  // ؟ …
  }
  return false;
}

}  // namespace

std::string TextAnalyzer::concept_terms(std::string_view text, std::string_view lang, std::vector<HashedTerm>& out,
                                        std::vector<std::string>* tokens, std::vector<std::size_t>* sentence_ends) {
  if (concepts_ == nullptr) throw std::logic_error("TextAnalyzer: concept terms need a concept table");
  // Forgetting happens between texts only: what `out` points to must live until the next call.
  constexpr std::size_t kMaxRememberedWords = 1 << 18;
  if (word_terms_.size() >= kMaxRememberedWords) word_terms_.clear();
  const std::string doc_lang = lang.empty() ? detect_language(text) : primary_subtag(lang);
  const ScriptLanguages per_script = script_languages(doc_lang);
  const std::string normalized = normalize_for_matching(text);
  DateMentions dates;
  date_terms_.clear();
  std::size_t previous_end = 0;
  for (const TextSpan& span : word_spans(normalized)) {
    if (sentence_ends && (sentence_ends->empty() ? 0 : sentence_ends->back()) < out.size() &&
        ends_sentence(std::string_view(normalized).substr(previous_end, span.begin - previous_end)))
      sentence_ends->push_back(out.size());
    previous_end = span.end;
    const std::string_view word(normalized.data() + span.begin, span.end - span.begin);
    const auto script = static_cast<std::size_t>(word_script(word));
    const WordTerms& w = word_terms(per_script.languages[script], word, per_script.stemmers[script]);
    for (std::size_t t = 0; t < w.terms.size(); ++t) out.push_back({w.hashes[t], &w.terms[t]});
    dates.next(word, date_terms_);
    if (tokens) tokens->push_back(w.stem);
  }
  if (sentence_ends && (sentence_ends->empty() ? 0 : sentence_ends->back()) < out.size()) sentence_ends->push_back(out.size());
  for (const ConceptTerm& t : date_terms_) out.push_back({term_hash(t.term), &t});
  return doc_lang;
}

std::string TextAnalyzer::analyze_terms(std::string_view text, std::string_view lang, std::vector<HashedTerm>& out,
                                        std::vector<std::size_t>* sentence_ends) {
  return concept_terms(text, lang, out, nullptr, sentence_ends);
}

TextAnalyzer::ScriptLanguages TextAnalyzer::script_languages(const std::string& doc_lang) {
  ScriptLanguages out;
  for (std::size_t s = 0; s < kScriptCount; ++s) {
    out.languages[s] = word_language(static_cast<Script>(s), doc_lang);
    if (!out.languages[s].empty()) out.stemmers[s] = &stemmer_for(std::string(out.languages[s]));
  }
  return out;
}

AnalyzedText TextAnalyzer::analyze(std::string_view text, std::string_view lang) {
  AnalyzedText result;
  if (concepts_ != nullptr) {
    std::vector<HashedTerm> terms;
    result.lang = concept_terms(text, lang, terms, &result.tokens);
    for (const HashedTerm& t : terms) {
      result.terms.push_back(t.term->term);
      result.term_displays.push_back(t.term->display);
      result.term_display_is_gloss.push_back(t.term->display_is_gloss);
    }
    return result;
  }
  result.lang = lang.empty() ? detect_language(text) : primary_subtag(lang);
  // Languages and stemmers per script, chosen once per document rather than per word; words
  // without a language (numbers, scripts with no stemmer here) are kept as they are.
  const ScriptLanguages per_script = script_languages(result.lang);
  const std::string normalized = normalize_for_matching(text);
  for (const TextSpan& span : word_spans(normalized)) {
    const std::string_view word(normalized.data() + span.begin, span.end - span.begin);
    const auto script = static_cast<std::size_t>(word_script(word));
    Stemmer* stemmer = per_script.stemmers[script];
    std::string stem = stemmer ? stemmer->stem(word) : std::string(word);
    if (!is_single_letter(word) && !is_stop_word(per_script.languages[script], word)) {
      result.terms.push_back(stem);
      result.term_displays.emplace_back(word);
      result.term_display_is_gloss.push_back(false);
    }
    result.tokens.push_back(std::move(stem));
  }
  return result;
}

}  // namespace parallax
