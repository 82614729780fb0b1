#include "diff/judge.hpp"

#include "diff/opposite_predicates.hpp"
#include "text/language.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace parallax {

const char* to_string(PairLabel label) {
  switch (label) {
    case PairLabel::Agree:
      return "agree";
    case PairLabel::Conflict:
      return "conflict";
    case PairLabel::Related:
      return "related";
  }
  return "related";
}

namespace {

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// "A beat B" against "B beat A": the same predicate between the same two names, roles swapped.
std::optional<std::pair<std::string, std::string>> swapped_roles(const ClaimProfile& a, const ClaimProfile& b) {
  for (const auto& x : a.roles)
    for (const auto& y : b.roles)
      if (x.predicate == y.predicate && x.subject == y.object && x.object == y.subject && x.subject != x.object)
        return std::pair{x.subject_text, x.object_text};
  return std::nullopt;
}

// The negated part of the claim that has a negation says much of what the other claim says (half
// of its terms or more), and the other claim says what is negated: the negation bears on the
// aligned content, not on a clause beside it ("..., but they did not have any suspects") or on
// something the other account does not assert ("left without reaching a deal" beside "met for
// talks on ending the war").
bool negation_bears_on_other(const ClaimProfile& a, const ClaimProfile& b) {
  const ClaimProfile& negated = a.negations > 0 ? a : b;
  const ClaimProfile& plain = a.negations > 0 ? b : a;
  const std::set<std::string> other(plain.terms.begin(), plain.terms.end());
  for (std::size_t k = 0; k < negated.negated_parts.size(); ++k) {
    const auto& part = negated.negated_parts[k];
    if (part.empty()) continue;
    const std::string& what = negated.negated_words[k];
    if (!what.empty() && !other.count(what)) continue;
    std::size_t shared = 0;
    for (const auto& t : part) shared += other.count(t);
    if (2 * shared >= part.size()) return true;
  }
  return false;
}

template <typename Set>
bool shares_any(const Set& a, const Set& b) {
  return std::any_of(a.begin(), a.end(), [&](const auto& x) { return b.count(x) > 0; });
}

// Two values of a measure within rounding of each other are one value: "33 km (20 miles)" and
// "33 kilometers" (20 miles is 32.2 km).
constexpr double kMeasureRounding = 0.05;

bool is_measure(const std::string& unit) { return unit.rfind("length:", 0) == 0 || unit.rfind("mass:", 0) == 0; }

bool same_value(double x, double y, const std::string& unit) {
  if (!is_measure(unit)) return x == y;
  return std::abs(x - y) <= kMeasureRounding * std::max(std::abs(x), std::abs(y));
}

Script context_script(const NumberMention& n) {
  for (const auto& k : n.context)
    if (const Script s = word_script(k); s != Script::None && s != Script::Other) return s;
  return Script::None;
}

// The two mentions measure the same thing as far as their words can tell: their surrounding words
// share a key. Words in two languages cannot meet (a plain count's unit is a word, so only ages,
// currencies and measures get here): they are taken as one quantity when the claims otherwise
// say the same thing (`close`: at the agree threshold), as for dates; a distance "33 km from
// Gaziantep" is no depth "на глубине 24,1 км". A number with no content word around it ("...,
// more than 330 kilometers") says too little to be compared.
// How closely two mentions of one unit must be shown to measure the same thing.
enum class Comparability { ByContext, AnyMention };

bool same_quantity(const NumberMention& x, const NumberMention& y, bool close, Comparability mode) {
  if (mode == Comparability::AnyMention) return true;
  const Script sx = context_script(x), sy = context_script(y);
  if (sx == Script::None || sy == Script::None) return false;
  if (sx != sy) return close;
  return std::any_of(x.context.begin(), x.context.end(), [&](const std::string& k) {
    return std::find(y.context.begin(), y.context.end(), k) != y.context.end();
  });
}

// Values of `unit` in `mine` that measure the same thing as one of `theirs`.
std::vector<std::pair<double, std::string>> comparable_values(const std::vector<NumberMention>& mine,
                                                              const std::vector<NumberMention>& theirs,
                                                              const std::string& unit, bool close,
                                                              Comparability mode) {
  std::vector<std::pair<double, std::string>> out;
  for (const auto& m : mine) {
    if (m.unit != unit) continue;
    if (std::any_of(theirs.begin(), theirs.end(),
                    [&](const auto& t) { return t.unit == unit && same_quantity(m, t, close, mode); }))
      out.emplace_back(m.value, m.text);
  }
  return out;
}

// Different values of one quantity, for units named on both sides.
void number_conflicts(const ClaimProfile& a, const ClaimProfile& b, bool close, Comparability mode,
                      std::vector<std::string>& reasons) {
  std::set<std::string> units;
  for (const auto& n : a.quantities.numbers)
    if (!n.unit.empty()) units.insert(n.unit);
  for (const auto& unit : units) {
    const auto values_a = comparable_values(a.quantities.numbers, b.quantities.numbers, unit, close, mode);
    const auto values_b = comparable_values(b.quantities.numbers, a.quantities.numbers, unit, close, mode);
    if (values_a.empty() || values_b.empty()) continue;
    const bool shared = std::any_of(values_a.begin(), values_a.end(), [&](const auto& x) {
      return std::any_of(values_b.begin(), values_b.end(), [&](const auto& y) { return same_value(x.first, y.first, unit); });
    });
    if (!shared) reasons.push_back("different numbers: " + values_a.front().second + " vs " + values_b.front().second);
  }
}

// Two amounts of money for the same thing in different currencies, when no amount of one currency
// is given for it on both sides: "$40 billion" vs "£13 billion" cannot be checked against each
// other (no exchange rate of the day), so they are neither one value nor a conflict. Empty when
// there are none.
std::string amounts_in_other_currencies(const ClaimProfile& a, const ClaimProfile& b, bool close) {
  const auto is_money = [](const NumberMention& n) { return n.unit.rfind("currency:", 0) == 0; };
  std::string found;
  for (const NumberMention& x : a.quantities.numbers) {
    if (!is_money(x)) continue;
    for (const NumberMention& y : b.quantities.numbers) {
      if (!is_money(y) || !same_quantity(x, y, close, Comparability::ByContext)) continue;
      if (x.unit == y.unit) return {};
      if (found.empty()) found = x.text + " vs " + y.text;
    }
  }
  return found;
}

// Days of one month that the two accounts give, when they share none ("23-24 August" shares the
// 23rd with "August 23"). ByContext: only when a date of each is the date of the same thing, as far
// as the words around them tell (ClaimProfile::date_contexts share a term: "meet in Geneva on 16
// June" / "meet in Geneva on 17 June"); two steps of one event are dated with other words around
// them, or with none but time words ("on the afternoon of 20 March local time, met" / "on the
// afternoon of 21 March local time, held talks").
void date_conflicts(const ClaimProfile& a, const ClaimProfile& b, Comparability mode,
                    std::vector<std::string>& reasons) {
  const auto days_by_month = [](const ClaimProfile& p) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& d : p.quantities.dates)
      if (d.size() == 5) out[d.substr(0, 2)].insert(d);
    return out;
  };
  const auto said_of_the_same = [&](const std::string& month) {
    if (mode == Comparability::AnyMention) return true;
    for (std::size_t i = 0; i < a.quantities.dates.size() && i < a.date_contexts.size(); ++i)
      for (std::size_t j = 0; j < b.quantities.dates.size() && j < b.date_contexts.size(); ++j)
        if (a.quantities.dates[i].rfind(month, 0) == 0 && b.quantities.dates[j].rfind(month, 0) == 0 &&
            shares_any(a.date_contexts[i], b.date_contexts[j]))
          return true;
    return false;
  };
  const auto days_a = days_by_month(a), days_b = days_by_month(b);
  for (const auto& [month, in_a] : days_a) {
    const auto it = days_b.find(month);
    if (it == days_b.end() || shares_any(in_a, it->second) || !said_of_the_same(month)) continue;
    reasons.push_back("different dates: " + *in_a.begin() + " vs " + *it->second.begin());
  }
}

}  // namespace

Judgement judge_pair(const ClaimProfile& a, const ClaimProfile& b, double similarity,
                     const JudgeThresholds& thresholds, const Antonyms* antonyms) {
  Judgement j;
  number_conflicts(a, b, similarity >= thresholds.agree, Comparability::ByContext, j.reasons);
  // As for negation: opposite predicates oppose two claims only when the rest of what they say
  // is the same (at the agree threshold); "rejected X" against "agreed on Y" is not a conflict.
  if (similarity >= thresholds.agree)
    if (const auto swapped = swapped_roles(a, b))
      j.reasons.push_back("swapped roles: " + swapped->first + " ... " + swapped->second + " vs " + swapped->second +
                          " ... " + swapped->first);
  if (antonyms && similarity >= thresholds.agree)
    if (const auto opposite = opposite_predicates(a.predicates, b.predicates, *antonyms))
      j.reasons.push_back("opposite predicates: " + opposite->first + " / " + opposite->second);
  // An agreement one account calls reached and the other only proposed, for claims that otherwise
  // say the same thing (at the agree threshold).
  if (similarity >= thresholds.agree) {
    if (!a.settled_word.empty() && !b.tentative_word.empty())
      j.reasons.push_back("different status: " + a.settled_word + " vs " + b.tentative_word);
    else if (!a.tentative_word.empty() && !b.settled_word.empty())
      j.reasons.push_back("different status: " + a.tentative_word + " vs " + b.settled_word);
  }
  // Two dates of one month conflict only in claims that otherwise say the same thing: accounts
  // date different steps of one event (the separation on 17 August, the landing on the 23rd).
  if (similarity >= thresholds.agree) date_conflicts(a, b, Comparability::ByContext, j.reasons);
  // A denial, like a negation, opposes only a claim that otherwise says the same thing: "the US and
  // its allies rejected the plan" is no conflict with "the two leaders signed two statements".
  if (similarity >= thresholds.agree && a.denial != b.denial) j.reasons.push_back("denial on one side only");
  if (similarity >= thresholds.agree && (a.negations > 0) != (b.negations > 0) && negation_bears_on_other(a, b)) {
    j.reasons.push_back("negation on one side only");
  }
  // Two accounts characterize the same thing differently only when they share no characterization
  // ("frank" against "frank and business-like" is a partial account, not a conflict). Unlike
  // opposite predicates it needs no agree-level similarity: the words of a characterization are
  // few, so two readouts' "business-like" and "frank" stay weakly similar (the seeds).
  if (!a.characterizations.empty() && !b.characterizations.empty() &&
      !shares_any(a.characterizations, b.characterizations)) {
    j.reasons.push_back("different characterization: " + join(a.characterizations) + " vs " +
                        join(b.characterizations));
  }
  // The converse of a different characterization: two accounts that characterize the talk with a
  // word in common agree on it, however many other words they hold ("the talks were 'frank and
  // substantive'" / "the talks were frank and useful", in any two languages: the names are the
  // alias table's canonical ones).
  const bool same_characterization = shares_any(a.characterizations, b.characterizations);
  if (!j.reasons.empty()) {
    j.label = PairLabel::Conflict;
  } else {
    j.label = similarity >= thresholds.agree || same_characterization ? PairLabel::Agree : PairLabel::Related;
  }
  // Not an agreement either when what the two say of the same thing is amounts a reader cannot
  // compare: the pair stays related, with the reason.
  if (j.label == PairLabel::Agree && !same_characterization)
    if (const std::string amounts = amounts_in_other_currencies(a, b, similarity >= thresholds.agree); !amounts.empty()) {
      j.label = PairLabel::Related;
      j.reasons.push_back("amounts in different currencies: " + amounts);
    }
  return j;
}

bool numbers_or_dates_differ(const ClaimProfile& a, const ClaimProfile& b) {
  std::vector<std::string> reasons;
  number_conflicts(a, b, true, Comparability::AnyMention, reasons);
  date_conflicts(a, b, Comparability::AnyMention, reasons);
  return !reasons.empty();
}

}  // namespace parallax
