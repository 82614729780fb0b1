#pragma once
// Features of a (claim, evidence) pair for the stance judge: how close the claim is to the
// evidence and to its best-matching sentences, and the cues of disagreement (negation, denial and
// refuting words, different numbers, dates or characterizations) and of reporting without taking a
// side (hedges, attribution cues). Language-independent in form; the word lists
// (lexicon/stance_words.hpp) cover ar, en, ru.
// The same features serve FNC-1 (headline vs article body), ANS (sentence vs sentence) and
// `parallax compare` (claim vs claim), so a model trained on one can judge the others.
#include <string>
#include <unordered_map>
#include <vector>

#include "claims/aliases.hpp"
#include "diff/claim_profile.hpp"

namespace parallax {

// Feature names, in the order of StanceFeaturizer::features' values (the model file lists them).
const std::vector<std::string>& stance_feature_names();

// Not thread-safe (owns stemmers). Caches the sentence profiles of evidence texts it has seen, so
// many claims against one article body cost one analysis of the body.
class StanceFeaturizer {
 public:
  explicit StanceFeaturizer(const EntityAliases& aliases);
  std::vector<double> features(const std::string& claim, const std::string& evidence,
                               const std::string& lang);
  // The highest cosine between the claim and one evidence sentence (first feature, kept apart for
  // threshold calibration).
  double best_sentence_similarity(const std::string& claim, const std::string& evidence,
                                  const std::string& lang);

 private:
  struct Evidence {
    std::vector<ClaimProfile> sentences;
    std::vector<std::string> words;  // normalized words of the whole evidence, for cue counting
  };
  const Evidence& evidence_for(const std::string& text, const std::string& lang);

  ClaimProfiler profiler_;
  WordKeyer keyer_;
  std::unordered_map<std::string, Evidence> cache_;
};

}  // namespace parallax
