#pragma once
// Labels an aligned pair of claims: agree, conflict or related.
//
// Conflict needs evidence a reader can check, and each label carries its reasons: different numbers
// for the same unit, different dates, a denial on one side only, a negation on one side only of an
// otherwise close pair, or different characterizations of the same thing ("frank" against
// "business-like"). Without such evidence, a pair at or above the agree threshold agrees and a
// weaker one is related (same topic, different content).
#include <string>
#include <vector>

#include "diff/claim_profile.hpp"

namespace parallax {

enum class PairLabel { Agree, Conflict, Related };

const char* to_string(PairLabel label);

struct JudgeThresholds {
  // Lowest similarity at which two claims are aligned at all (see docs/claims.md for how the
  // default was chosen on FNC-1's training split).
  double align = 0.16;
  // Lowest similarity at which an aligned pair without conflict evidence agrees (calibrated on
  // FNC-1 training pairs: agree against discuss and disagree).
  double agree = 0.40;
};

struct Judgement {
  PairLabel label = PairLabel::Related;
  std::vector<std::string> reasons;
};

Judgement judge_pair(const ClaimProfile& a, const ClaimProfile& b, double similarity,
                     const JudgeThresholds& thresholds);

}  // namespace parallax
