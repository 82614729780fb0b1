#include "diff/opposite_predicates.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "lexicon/concept_terms.hpp"
#include "lexicon/stop_words.hpp"
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

std::string PredicateFinder::context_key(std::string_view raw) {
  const std::string word = normalize_for_matching(raw);
  if (is_stop_word_in_ar_en_ru(word)) return {};
  switch (word_script(word)) {
    case Script::Arabic:
      return arabic_.stem(word);
    case Script::Cyrillic:
      return russian_.stem(word);
    default:
      return english_.stem(word);
  }
}

Predicates PredicateFinder::predicates(const std::string& text) {
  constexpr std::size_t kReach = 3;
  const std::vector<TextSpan> spans = word_spans(text);
  const auto word = [&](std::size_t i) { return std::string_view(text).substr(spans[i].begin, spans[i].end - spans[i].begin); };
  // A clause ends at punctuation between two words ("maintain rare earth exports, and cooperate").
  const auto boundary_before = [&](std::size_t i) {
    return std::string_view(text).substr(spans[i - 1].end, spans[i].begin - spans[i - 1].end).find_first_of(",;:.!?") !=
               std::string_view::npos ||
           std::string_view(text).substr(spans[i - 1].end, spans[i].begin - spans[i - 1].end).find("،") != std::string_view::npos;
  };
  Predicates out;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    std::string key = key_of(word(i), i == 0);
    if (key.empty() || !antonyms_.opposites(key)) continue;
    std::set<std::string>& context = out[std::move(key)];
    for (std::size_t j = i; j > 0 && i - j < kReach && !boundary_before(j); --j)
      if (std::string k = context_key(word(j - 1)); !k.empty()) context.insert(std::move(k));
    for (std::size_t j = i + 1; j < spans.size() && j <= i + kReach && !boundary_before(j); ++j)
      if (std::string k = context_key(word(j)); !k.empty()) context.insert(std::move(k));
  }
  return out;
}

std::optional<std::pair<std::string, std::string>> opposite_predicates(const Predicates& a, const Predicates& b,
                                                                       const Antonyms& antonyms) {
  const auto said_of_the_same = [](const std::set<std::string>& x, const std::set<std::string>& y) {
    return std::any_of(x.begin(), x.end(), [&](const std::string& k) { return y.count(k) > 0; });
  };
  for (const auto& [x, x_context] : a) {
    if (b.count(x)) continue;
    for (const std::string& y : *antonyms.opposites(x)) {
      const auto in_b = b.find(y);
      if (in_b != b.end() && !a.count(y) && said_of_the_same(x_context, in_b->second))
        return std::pair{antonyms.lemma(x), antonyms.lemma(y)};
    }
  }
  return std::nullopt;
}

}  // namespace parallax
