#include "diff/judge.hpp"

#include "diff/opposite_predicates.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

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

// Values per unit, for units named on both sides.
void number_conflicts(const ClaimProfile& a, const ClaimProfile& b,
                      std::vector<std::string>& reasons) {
  std::map<std::string, std::set<double>> by_unit_a, by_unit_b;
  for (const auto& n : a.quantities.numbers) by_unit_a[n.unit].insert(n.value);
  for (const auto& n : b.quantities.numbers) by_unit_b[n.unit].insert(n.value);
  for (const auto& [unit, values_a] : by_unit_a) {
    const auto it = by_unit_b.find(unit);
    if (unit.empty() || it == by_unit_b.end()) continue;
    std::vector<double> common;
    std::set_intersection(values_a.begin(), values_a.end(), it->second.begin(), it->second.end(),
                          std::back_inserter(common));
    if (common.empty()) {
      reasons.push_back("different numbers: " + format_number(*values_a.begin()) + " vs " +
                        format_number(*it->second.begin()) + " " + unit);
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

}  // namespace

Judgement judge_pair(const ClaimProfile& a, const ClaimProfile& b, double similarity,
                     const JudgeThresholds& thresholds, const Antonyms* antonyms) {
  Judgement j;
  number_conflicts(a, b, j.reasons);
  // As for negation: opposite predicates oppose two claims only when the rest of what they say
  // is the same (at the agree threshold); "rejected X" against "agreed on Y" is not a conflict.
  if (antonyms && similarity >= thresholds.agree)
    if (const auto opposite = opposite_predicates(a.predicates, b.predicates, *antonyms))
      j.reasons.push_back("opposite predicates: " + opposite->first + " / " + opposite->second);
  date_conflicts(a, b, j.reasons);
  if (a.denial != b.denial) j.reasons.push_back("denial on one side only");
  if (similarity >= thresholds.agree && (a.negations > 0) != (b.negations > 0)) {
    j.reasons.push_back("negation on one side only");
  }
  if (!a.characterizations.empty() && !b.characterizations.empty() &&
      a.characterizations != b.characterizations) {
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
