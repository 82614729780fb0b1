#include "diff/stance_features.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "diff/claim_vectors.hpp"
#include "diff/judge.hpp"
#include "features/tfidf.hpp"
#include "lexicon/stance_words.hpp"
#include "text/segment.hpp"

namespace parallax {

namespace {

constexpr std::size_t kFeatureCount = 17;

double log1p_count(std::size_t n) { return std::log1p(static_cast<double>(n)); }

double overlap_share(const ClaimProfile& claim, const std::set<std::string>& evidence_terms) {
  if (claim.terms.empty()) return 0;
  std::size_t found = 0;
  for (const auto& t : claim.terms) found += evidence_terms.count(t);
  return static_cast<double>(found) / static_cast<double>(claim.terms.size());
}

}  // namespace

const std::vector<std::string>& stance_feature_names() {
  static const std::vector<std::string> names = {
      "best_sentence_cosine", "top3_sentence_cosine", "whole_cosine", "claim_term_overlap",
      "claim_negated", "best_sentence_negated", "negation_mismatch", "evidence_refuting_log",
      "claim_refuting", "evidence_hedging_log", "number_or_date_conflict", "denial_mismatch",
      "characterization_conflict", "evidence_sentences_log", "claim_terms_log",
      "lead_cosine", "refuting_polarity_mismatch"};
  return names;
}

StanceFeaturizer::StanceFeaturizer(const EntityAliases& aliases) : profiler_(aliases) {}

const StanceFeaturizer::Evidence& StanceFeaturizer::evidence_for(const std::string& text,
                                                                 const std::string& lang) {
  if (auto it = cache_.find(text); it != cache_.end()) return it->second;
  Evidence e;
  for (const TextSpan& s : sentence_spans(text)) {
    e.sentences.push_back(profiler_.profile(text.substr(s.begin, s.end - s.begin), lang));
  }
  for (auto& token : keyer_.tokenize(text)) e.words.push_back(std::move(token.normalized));
  if (cache_.size() > 20000) cache_.clear();  // bound memory on huge benchmark runs
  return cache_.emplace(text, std::move(e)).first->second;
}

double StanceFeaturizer::best_sentence_similarity(const std::string& claim,
                                                  const std::string& evidence,
                                                  const std::string& lang) {
  return features(claim, evidence, lang)[0];
}

std::vector<double> StanceFeaturizer::features(const std::string& claim_text,
                                               const std::string& evidence_text,
                                               const std::string& lang) {
  const ClaimProfile claim = profiler_.profile(claim_text, lang);
  const Evidence& evidence = evidence_for(evidence_text, lang);
  // IDF over the claim and the evidence sentences: the same "compared set" idea as compare, and
  // the same claim-to-claim similarity (claim_vectors.hpp).
  std::vector<ClaimProfile> profiles = {claim};
  profiles.insert(profiles.end(), evidence.sentences.begin(), evidence.sentences.end());
  const std::vector<ClaimVector> vectors = claim_vectors(profiles);
  std::vector<std::string> all_terms;
  std::set<std::string> evidence_terms;
  for (const ClaimProfile& s : evidence.sentences) {
    all_terms.insert(all_terms.end(), s.terms.begin(), s.terms.end());
    evidence_terms.insert(s.terms.begin(), s.terms.end());
  }
  std::vector<double> cosines;
  for (std::size_t i = 1; i < vectors.size(); ++i) {
    cosines.push_back(claim_similarity(vectors[0], vectors[i]));
  }
  const std::size_t best = cosines.empty()
                               ? 0
                               : static_cast<std::size_t>(std::max_element(cosines.begin(), cosines.end()) -
                                                          cosines.begin());
  std::vector<double> sorted = cosines;
  std::sort(sorted.rbegin(), sorted.rend());
  double top3 = 0;
  for (std::size_t i = 0; i < 3 && i < sorted.size(); ++i) top3 += sorted[i] / 3.0;

  std::vector<double> f(kFeatureCount, 0.0);
  f[0] = sorted.empty() ? 0 : sorted[0];
  f[1] = top3;
  DocumentFrequencies df;
  for (const ClaimProfile& p : profiles) df.add(count_terms(p.terms));
  f[2] = sparse_dot(tfidf_vector(count_terms(claim.terms), df),
                    tfidf_vector(count_terms(all_terms), df));
  f[3] = overlap_share(claim, evidence_terms);
  f[4] = claim.negations > 0;
  if (!evidence.sentences.empty()) {
    const ClaimProfile& s = evidence.sentences[best];
    f[5] = s.negations > 0;
    f[6] = (claim.negations > 0) != (s.negations > 0);
    const Judgement j = judge_pair(claim, s, 0.0, JudgeThresholds{});
    f[10] = numbers_or_dates_differ(claim, s);
    // A denial on one side, whatever the similarity: the judge shows a reader only those of close
    // pairs, the model weighs it against the rest (as numbers_or_dates_differ).
    f[11] = claim.denial != s.denial;
    for (const auto& reason : j.reasons)
      if (reason.rfind("different characterization", 0) == 0) f[12] = 1;
  }
  std::size_t refuting = 0, hedging = 0;
  for (const auto& w : evidence.words) {
    refuting += is_refuting_word(w);
    hedging += is_hedging_word(w);
  }
  f[7] = log1p_count(refuting);
  for (auto& token : keyer_.tokenize(claim_text)) f[8] += is_refuting_word(token.normalized);
  f[8] = std::min(f[8], 1.0);
  f[9] = log1p_count(hedging);
  f[13] = log1p_count(evidence.sentences.size());
  f[14] = log1p_count(claim.terms.size());
  // News puts its own position in the lead: the first two sentences.
  for (std::size_t i = 0; i < 2 && i < cosines.size(); ++i) f[15] = std::max(f[15], cosines[i]);
  f[16] = (f[8] > 0) != (refuting > 0);
  return f;
}

}  // namespace parallax
