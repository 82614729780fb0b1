#include "diff/judge.hpp"

#include "diff/opposite_predicates.hpp"

#include <algorithm>
#include <cstdio>
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

std::string format_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

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
// of its terms or more): the negation bears on the aligned content, not on a clause beside it.
bool negation_bears_on_other(const ClaimProfile& a, const ClaimProfile& b) {
  const ClaimProfile& negated = a.negations > 0 ? a : b;
  const ClaimProfile& plain = a.negations > 0 ? b : a;
  const std::set<std::string> other(plain.terms.begin(), plain.terms.end());
  for (const auto& part : negated.negated_parts) {
    if (part.empty()) continue;
    std::size_t shared = 0;
    for (const auto& t : part) shared += other.count(t);
    if (2 * shared >= part.size()) return true;
  }
  return false;
}

// Values per unit, for units named on both sides.
void number_conflicts(const ClaimProfile& a, const ClaimProfile& b,
                      std::vector<std::string>& reasons) {
  // Per unit: the values, and the first mention of each as written.
  std::map<std::string, std::map<double, std::string>> by_unit_a, by_unit_b;
  for (const auto& n : a.quantities.numbers) by_unit_a[n.unit].emplace(n.value, n.text);
  for (const auto& n : b.quantities.numbers) by_unit_b[n.unit].emplace(n.value, n.text);
  for (const auto& [unit, values_a] : by_unit_a) {
    const auto it = by_unit_b.find(unit);
    if (unit.empty() || it == by_unit_b.end()) continue;
    const bool shared = std::any_of(values_a.begin(), values_a.end(),
                                    [&](const auto& v) { return it->second.count(v.first) > 0; });
    if (!shared) {
      const auto shown = [](const std::string& text, double value) { return text.empty() ? format_number(value) : text; };
      reasons.push_back("different numbers: " + shown(values_a.begin()->second, values_a.begin()->first) + " vs " +
                        shown(it->second.begin()->second, it->second.begin()->first) + " " + unit);
    }
  }
}

void date_conflicts(const ClaimProfile& a, const ClaimProfile& b,
                    std::vector<std::string>& reasons) {
  for (const auto& da : a.quantities.dates) {
    for (const auto& db : b.quantities.dates) {
      // Same month, both with a day, different days.
      if (da.size() == 5 && db.size() == 5 && da.substr(0, 2) == db.substr(0, 2) && da != db) {
        reasons.push_back("different dates: " + da + " vs " + db);
      }
    }
  }
}

template <typename Set>
bool shares_any(const Set& a, const Set& b) {
  return std::any_of(a.begin(), a.end(), [&](const auto& x) { return b.count(x) > 0; });
}

}  // namespace

Judgement judge_pair(const ClaimProfile& a, const ClaimProfile& b, double similarity,
                     const JudgeThresholds& thresholds, const Antonyms* antonyms) {
  Judgement j;
  number_conflicts(a, b, j.reasons);
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
  date_conflicts(a, b, j.reasons);
  if (a.denial != b.denial) j.reasons.push_back("denial on one side only");
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
  if (!j.reasons.empty()) {
    j.label = PairLabel::Conflict;
  } else {
    j.label = similarity >= thresholds.agree ? PairLabel::Agree : PairLabel::Related;
  }
  return j;
}

}  // namespace parallax
