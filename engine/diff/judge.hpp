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

#include "lexicon/antonyms.hpp"
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
  // The same two for claims in different languages, compared through the concept layer (English
  // concept keys and name keys). Align: FNC-1's calibration done across languages on news (NTREX,
  // ar and ru): the similarity that best tells an English sentence's closest translated sentence of
  // the same article, not its own translation (related), from its closest one of another article
  // (unrelated), balanced accuracy 68.9%. The factor by which an exact translation's mean
  // similarity (0.27) falls short of an identical sentence's gave 0.043, which 56.6% of those
  // unrelated sentences reached. Agree: the similarity that best tells a news
  // sentence's translation from the closest other sentence of the same article (NTREX, balanced
  // accuracy 79.6%): an aligned pair above it is more likely the same statement than the nearest
  // different one on the same topic. The factor gave 0.108, above which 41.5% of those nearest
  // different sentences scored (bench/claims/sts_calibration.cpp, docs/claims.md).
  double cross_language_align = 0.064;
  double cross_language_agree = 0.16;

  // The thresholds that apply to a pair: these, or the cross-language ones as align and agree.
  JudgeThresholds for_pair(bool same_language) const {
    JudgeThresholds t = *this;
    if (!same_language) {
      t.align = cross_language_align;
      t.agree = cross_language_agree;
    }
    return t;
  }
};

struct Judgement {
  PairLabel label = PairLabel::Related;
  std::vector<std::string> reasons;
};

// antonyms: when given, opposite predicates of the two profiles are a conflict.
Judgement judge_pair(const ClaimProfile& a, const ClaimProfile& b, double similarity,
                     const JudgeThresholds& thresholds, const Antonyms* antonyms = nullptr);

// A broader signal than judge_pair's reasons, for the stance model's features: some unit with
// disjoint values, or some month with disjoint days, whatever the words around the numbers and
// however similar the rest. A reader is shown only judge_pair's narrower conflicts; a learned
// model weighs this one against everything else it sees (FNC-1: docs/claims.md).
bool numbers_or_dates_differ(const ClaimProfile& a, const ClaimProfile& b);

}  // namespace parallax
