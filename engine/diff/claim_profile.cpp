#include "diff/claim_profile.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "lexicon/concept_terms.hpp"
#include "lexicon/number_words.hpp"
#include "lexicon/stance_words.hpp"
#include "lexicon/stop_words.hpp"
#include "text/language.hpp"

namespace parallax {

namespace {

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

// A characterization counts when it is said of a talk: a talk word in its clause ("the talks were
// “frank”", "Разговор носил деловой и откровенный характер", "بعد محادثات في جنيف ... وصفها بأنها
// صريحة"). "We considered this a useful idea", "[relations], which span 75 years, have been tempered
// in difficult conditions", "accept these results constructively" characterize other things, and
// set against a readout's "frank" they are no conflict about the talk. Quotation marks do not end
// the clause; commas, colons and full stops do.
bool said_of_a_talk(const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end) {
  const auto ends_clause = [&](std::size_t i) {
    const std::string& g = tokens[i].gap_before;
    return g.find_first_of(",;:.!?") != std::string::npos || g.find("،") != std::string::npos ||
           g.find("؛") != std::string::npos;
  };
  for (std::size_t i = begin; i > 0 && !ends_clause(i); --i)
    if (is_talk_word(tokens[i - 1].normalized)) return true;
  for (std::size_t i = end; i < tokens.size() && !ends_clause(i); ++i)
    if (is_talk_word(tokens[i].normalized)) return true;
  return false;
}

// Runs of capitalized words ("Manchester City") as [first, last] token indices.
std::vector<std::pair<std::size_t, std::size_t>> name_runs(const std::vector<MatchToken>& tokens) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].capitalized) continue;
    // A sentence's first word is capitalized whatever it is: there only a word that is not a
    // function word counts ("Chelsea beat ...", not "The ...").
    if (i == 0 && (is_stop_word("en", tokens[0].normalized) || is_stop_word("ru", tokens[0].normalized))) continue;
    const std::size_t first = i;
    while (i + 1 < tokens.size() && tokens[i + 1].capitalized && tokens[i + 1].gap_before.empty()) ++i;
    runs.emplace_back(first, i);
  }
  return runs;
}

std::vector<ClaimProfile::RoleTriple> role_triples(const std::string& text, const std::vector<MatchToken>& tokens) {
  constexpr std::size_t kMaxPredicateWords = 2;
  const auto runs = name_runs(tokens);
  const auto joined_keys = [&](std::size_t first, std::size_t last) {
    std::string key;
    for (std::size_t i = first; i <= last; ++i) key += (key.empty() ? "" : " ") + tokens[i].key;
    return key;
  };
  const auto span_text = [&](std::size_t first, std::size_t last) {
    return text.substr(tokens[first].span.begin, tokens[last].span.end - tokens[first].span.begin);
  };
  std::vector<ClaimProfile::RoleTriple> triples;
  for (std::size_t k = 0; k + 1 < runs.size(); ++k) {
    const std::size_t between_first = runs[k].second + 1, between_last = runs[k + 1].first - 1;
    const std::size_t words = runs[k + 1].first - between_first;
    if (words == 0 || words > kMaxPredicateWords) continue;
    // A stop word of any of the languages between the names ("and", "и") joins them: no predicate.
    bool predicate = true;
    for (std::size_t i = between_first; i <= between_last; ++i)
      predicate = predicate && !tokens[i].gap_before.size() && !is_stop_word_in_ar_en_ru(tokens[i].normalized);
    if (!predicate || !tokens[runs[k + 1].first].gap_before.empty()) continue;
    triples.push_back({joined_keys(runs[k].first, runs[k].second), joined_keys(between_first, between_last),
                       joined_keys(runs[k + 1].first, runs[k + 1].second), span_text(runs[k].first, runs[k].second),
                       span_text(runs[k + 1].first, runs[k + 1].second)});
  }
  return triples;
}

std::string number_term(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "#%g", value);
  return buffer;
}

}  // namespace

ClaimProfiler::ClaimProfiler(const EntityAliases& aliases, const ConceptTable* concepts)
    : aliases_(aliases), analyzer_(concepts) {}

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

namespace {

bool ends_part(const MatchToken& t) {
  const std::string& g = t.gap_before;
  return g.find(',') != std::string::npos || g.find("،") != std::string::npos || g.find(';') != std::string::npos ||
         g.find("؛") != std::string::npos;
}

}  // namespace

std::set<std::string> ClaimProfiler::part_terms(const std::string& text, const std::vector<MatchToken>& tokens,
                                                std::size_t at, const std::string& lang) {
  std::size_t first = at, last = at;
  while (first > 0 && !ends_part(tokens[first])) --first;
  while (last + 1 < tokens.size() && !ends_part(tokens[last + 1])) ++last;
  const auto terms = content_terms(
      std::string_view(text).substr(tokens[first].span.begin, tokens[last].span.end - tokens[first].span.begin), lang);
  return {terms.begin(), terms.end()};
}

std::string ClaimProfiler::negated_word(const std::string& text, const std::vector<MatchToken>& tokens,
                                        std::size_t at, const std::string& lang) {
  for (std::size_t i = at + 1; i < tokens.size() && !ends_part(tokens[i]); ++i) {
    const auto terms = content_terms(std::string_view(text).substr(tokens[i].span.begin, tokens[i].span.end - tokens[i].span.begin), lang);
    if (!terms.empty()) return terms.front();
  }
  return {};
}

namespace {

// A term that only dates or counts: digits, a number word, a month ("april", or the English stem of
// one: "januari", "juli"). Two datelines ("Published April 07, 2023" / "6 апреля 2023 г.") share
// such terms and nothing they say.
bool dates_or_counts(const std::string& term) {
  if (!term.empty() && std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  if (number_word_value(term) || month_number(term)) return true;
  return term.size() > 1 && term.back() == 'i' && month_number(term.substr(0, term.size() - 1) + "y").has_value();
}

}  // namespace

std::set<std::string> ClaimProfiler::date_context(const std::string& text, const std::vector<MatchToken>& tokens,
                                                  std::size_t month, const std::string& lang) {
  constexpr std::size_t kReach = 3;
  std::set<std::string> out;
  const auto take = [&](std::size_t i) {
    const std::string& w = tokens[i].normalized;
    if (is_time_word(w) || month_number(w)) return;
    const auto span = std::string_view(text).substr(tokens[i].span.begin, tokens[i].span.end - tokens[i].span.begin);
    for (const std::string& term : content_terms(span, lang))
      if (!dates_or_counts(term)) out.insert(term);
  };
  for (std::size_t i = month; i > 0 && month - i < kReach && !gap_is_boundary(tokens[i].gap_before); --i) take(i - 1);
  for (std::size_t i = month + 1; i < tokens.size() && i <= month + kReach && !gap_is_boundary(tokens[i].gap_before); ++i)
    take(i);
  return out;
}

ClaimProfile ClaimProfiler::profile(const std::string& text, const std::string& lang) {
  ClaimProfile p;
  p.terms = content_terms(text, lang);
  for (std::size_t i = 0; i < p.terms.size(); ++i) {
    const bool name_key = p.terms[i].rfind(kNameKeyPrefix, 0) == 0;
    const bool named = i + 1 < p.terms.size() && p.terms[i + 1].rfind(kNameKeyPrefix, 0) == 0;
    if (!name_key && !named && !dates_or_counts(p.terms[i])) p.meaning_terms.insert(p.terms[i]);
  }
  const std::vector<MatchToken> tokens = keyer_.tokenize(text);
  add_segments(p, text, tokens, lang);
  // The words of a known entity or speaker name it, as a name key does ("New START", "Путин").
  const auto drop_from_meaning = [&](const AliasMatch& m) {
    const std::size_t begin = tokens[m.begin].span.begin, end = tokens[m.end - 1].span.end;
    for (const std::string& term : content_terms(std::string_view(text).substr(begin, end - begin), lang))
      p.meaning_terms.erase(term);
  };
  for (const AliasMatch& m : aliases_.find_all(AliasSection::Entities, tokens)) {
    p.entities.insert(m.canonical);
    p.terms.push_back("@entity:" + m.canonical);
    drop_from_meaning(m);
  }
  for (const AliasMatch& m : aliases_.find_all(AliasSection::Speakers, tokens)) drop_from_meaning(m);
  for (const AliasMatch& m : aliases_.find_all(AliasSection::Places, tokens)) drop_from_meaning(m);
  for (const AliasMatch& m : aliases_.find_all(AliasSection::Characterizations, tokens))
    if (said_of_a_talk(tokens, m.begin, m.end)) p.characterizations.insert(m.canonical);
  if (!p.characterizations.empty()) p.terms.push_back("@characterization");
  p.roles = role_triples(text, tokens);
  p.quantities = find_quantities(tokens, text);
  for (const NumberMention& n : p.quantities.numbers) p.terms.push_back(number_term(n.value));
  for (const std::string& d : p.quantities.dates) p.terms.push_back("@date:" + d);
  for (const std::size_t month : p.quantities.date_tokens) p.date_contexts.push_back(date_context(text, tokens, month, lang));
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const MatchToken& t = tokens[i];
    // "لا سيما" / "ولا سيما" means "especially", not a negation.
    if (i + 1 < tokens.size() && tokens[i + 1].normalized == "سيما") continue;
    // "not only ... but also", "не только ..., но и" add, they do not negate.
    if (i + 1 < tokens.size() && (tokens[i + 1].normalized == "only" || tokens[i + 1].normalized == "только")) continue;
    if (is_negation_word(t.normalized)) {
      ++p.negations;
      p.negated_parts.push_back(part_terms(text, tokens, i, lang));
      p.negated_words.push_back(negated_word(text, tokens, i, lang));
    }
    if (is_denial_word(t.normalized)) p.denial = true;
    const bool negated_confirmation =
        is_confirming_word(t.normalized) &&
        ((i >= 1 && is_negation_word(tokens[i - 1].normalized)) || (i >= 2 && is_negation_word(tokens[i - 2].normalized)));
    if (negated_confirmation && p.tentative_word.empty()) p.tentative_word = "not " + t.normalized;
    switch (agreement_status(t.normalized)) {
      case AgreementStatus::Settled:
        if (p.settled_word.empty()) p.settled_word = t.normalized;
        break;
      case AgreementStatus::Tentative:
        if (p.tentative_word.empty()) p.tentative_word = t.normalized;
        break;
      case AgreementStatus::None: break;
    }
  }
  // An account that both settles and leaves open ("signed the proposed treaty") says neither.
  if (!p.settled_word.empty() && !p.tentative_word.empty()) p.settled_word.clear(), p.tentative_word.clear();
  return p;
}

}  // namespace parallax
