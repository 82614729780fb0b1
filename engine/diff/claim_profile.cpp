#include "diff/claim_profile.hpp"

#include <cstdio>
#include <string_view>

#include "text/language.hpp"

namespace parallax {

namespace {

using WordSet = std::set<std::string, std::less<>>;

// Normalized negation words. Arabic "غير" and "دون" also build compounds ("غير المشروط"), which is
// still a negation of the word they govern.
const WordSet kNegations = {"لا",  "لم",    "لن",    "ليس",  "ليست", "غير",  "عدم", "دون",
                            "بدون", "not",  "no",    "never", "none", "without", "nor",
                            "cannot", "не",  "нет",   "ни",   "никогда", "без"};
const WordSet kDenials = {"نفي",  "نفت",  "ينفي",  "تنفي",  "نفوا",  "ونفي", "ونفت", "deny",
                          "denied", "denies", "denying", "dismissed", "rejected", "refuted",
                          "опроверг", "опровергла", "опровергли", "отрицает", "отрицают",
                          "опроверг", "отверг", "отвергла"};

// The light stemmer leaves the feminine t of duals and plurals ("المذكرتين" -> "مذكرت",
// "مذكرات" -> "مذكر"): fold it so both forms meet. Only on longer stems, where a final ت is
// almost always this suffix.
std::string fold_arabic_feminine_t(std::string term) {
  constexpr std::string_view kTeh = "ت";
  constexpr std::size_t kMinLetters = 5;  // Arabic letters are two bytes each
  if (term.size() >= 2 * kMinLetters && word_script(term) == Script::Arabic &&
      std::string_view(term).substr(term.size() - kTeh.size()) == kTeh) {
    term.resize(term.size() - kTeh.size());
  }
  return term;
}

// "ولم", "فلا", "ولن": Arabic attaches "and" / "so" to the negation particle.
bool is_negation_with_conjunction(std::string_view word) {
  for (std::string_view conjunction : {"و", "ف"}) {
    if (word.size() > conjunction.size() && word.substr(0, conjunction.size()) == conjunction &&
        word_script(word) == Script::Arabic && kNegations.count(word.substr(conjunction.size()))) {
      return true;
    }
  }
  return false;
}

std::string number_term(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "#%g", value);
  return buffer;
}

}  // namespace

bool is_denial_word(std::string_view normalized_word) {
  return kDenials.count(normalized_word) > 0;
}

ClaimProfiler::ClaimProfiler(const EntityAliases& aliases) : aliases_(aliases) {}

std::vector<std::string> ClaimProfiler::content_terms(std::string_view text, const std::string& lang) {
  std::vector<std::string> terms;
  for (std::string& term : analyzer_.analyze(text, lang).terms) {
    terms.push_back(fold_arabic_feminine_t(std::move(term)));
  }
  return terms;
}

void ClaimProfiler::add_segments(ClaimProfile& p, const std::string& text,
                                 const std::vector<MatchToken>& tokens, const std::string& lang) {
  std::vector<std::size_t> cuts = {0};
  for (const MatchToken& t : tokens) {
    const std::string& g = t.gap_before;
    if (g.find("،") != std::string::npos || g.find(',') != std::string::npos ||
        g.find(';') != std::string::npos || g.find("؛") != std::string::npos) {
      cuts.push_back(t.span.begin);
    }
  }
  cuts.push_back(text.size());
  std::vector<std::vector<std::string>> segments;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    auto terms = content_terms(std::string_view(text).substr(cuts[i], cuts[i + 1] - cuts[i]), lang);
    if (terms.size() >= kMinSegmentTerms) segments.push_back(std::move(terms));
  }
  if (segments.size() >= 2) p.segments = std::move(segments);
}

ClaimProfile ClaimProfiler::profile(const std::string& text, const std::string& lang) {
  ClaimProfile p;
  p.terms = content_terms(text, lang);
  const std::vector<MatchToken> tokens = keyer_.tokenize(text);
  add_segments(p, text, tokens, lang);
  for (const AliasMatch& m : aliases_.find_all(AliasSection::Entities, tokens)) {
    p.entities.insert(m.canonical);
    p.terms.push_back("@entity:" + m.canonical);
  }
  for (const AliasMatch& m : aliases_.find_all(AliasSection::Characterizations, tokens)) {
    p.characterizations.insert(m.canonical);
  }
  if (!p.characterizations.empty()) p.terms.push_back("@characterization");
  p.quantities = find_quantities(tokens);
  for (const NumberMention& n : p.quantities.numbers) p.terms.push_back(number_term(n.value));
  for (const std::string& d : p.quantities.dates) p.terms.push_back("@date:" + d);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const MatchToken& t = tokens[i];
    // "لا سيما" / "ولا سيما" means "especially", not a negation.
    if (i + 1 < tokens.size() && tokens[i + 1].normalized == "سيما") continue;
    if (kNegations.count(t.normalized) || is_negation_with_conjunction(t.normalized)) ++p.negations;
    if (kDenials.count(t.normalized)) p.denial = true;
  }
  return p;
}

}  // namespace parallax
