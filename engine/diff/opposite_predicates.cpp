#include "diff/opposite_predicates.hpp"

#include <cctype>
#include <vector>

#include "lexicon/concept_terms.hpp"
#include "text/language.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace parallax {
namespace {

// A capitalized English word inside a sentence, or one in capitals, is a name or part of one
// ("New START", "Rise Party"), not a predicate.
bool looks_like_a_name(std::string_view raw, bool first_word) {
  const auto upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
  if (raw.empty() || !upper(raw[0])) return false;
  if (!first_word) return true;
  return raw.size() >= 2 && upper(raw[1]);
}

}  // namespace

PredicateFinder::PredicateFinder(const Antonyms& antonyms, const ConceptTable* concepts)
    : antonyms_(antonyms), concepts_(concepts) {}

std::string PredicateFinder::key_of(std::string_view raw, bool first_word) {
  const std::string word = normalize_for_matching(raw);
  switch (word_script(word)) {
    case Script::Latin: {
      if (looks_like_a_name(raw, first_word)) return {};
      const std::string* lemma = antonyms_.lemma_of_form(word);
      return english_.stem(lemma ? *lemma : word);
    }
    case Script::Arabic:
    case Script::Cyrillic: {
      if (!concepts_) return {};
      const bool arabic = word_script(word) == Script::Arabic;
      Stemmer& stemmer = arabic ? arabic_ : russian_;
      glosses_.clear();
      append_concept_terms(*concepts_, arabic ? "ar" : "ru", word, stemmer.stem(word), glosses_);
      // The best gloss only: a word's further senses bring stray opposites (договор "treaty" is
      // also договорить "finish").
      if (glosses_.empty() || glosses_[0].term.rfind(kNameKeyPrefix, 0) == 0) return {};
      return glosses_[0].term;
    }
    default:
      return {};
  }
}

std::set<std::string> PredicateFinder::predicates(const std::string& text) {
  std::set<std::string> out;
  bool first_word = true;
  for (const TextSpan& span : word_spans(text)) {
    std::string key = key_of(std::string_view(text).substr(span.begin, span.end - span.begin), first_word);
    first_word = false;
    if (!key.empty() && antonyms_.opposites(key)) out.insert(std::move(key));
  }
  return out;
}

std::optional<std::pair<std::string, std::string>> opposite_predicates(const std::set<std::string>& a,
                                                                       const std::set<std::string>& b,
                                                                       const Antonyms& antonyms) {
  for (const std::string& x : a) {
    if (b.count(x)) continue;
    for (const std::string& y : *antonyms.opposites(x))
      if (b.count(y) && !a.count(y)) return std::pair{antonyms.lemma(x), antonyms.lemma(y)};
  }
  return std::nullopt;
}

}  // namespace parallax
