// Calibrates compare's agree threshold on ECB+ cross-document event coreference: two sentences of
// different documents that report the same real-world action (their ACTION_OCCURRENCE mentions share
// a cross-document chain) say the same thing happened; two that do not (another action, or the same
// kind of action in the topic's other event: a different earthquake, a different arrest) do not.
// Each topic is one compared set, as an event is for `parallax compare`: its two events share their
// vocabulary, and the term weights are computed within it (claim_vectors + claim_similarity,
// exactly as compare aligns). Prints, per split, the F1 of "same action" at each threshold of
// interest and the threshold with the best F1 on train + dev, read on test. Never fails on scores.
//
// Usage: parallax_ecb_calibration SENTENCES_TSV   (from bench/claims/ecbplus_sentences.py)
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claims/aliases.hpp"
#include "claims/match_tokens.hpp"
#include "diff/claim_profile.hpp"
#include "diff/claim_vectors.hpp"
#include "diff/judge.hpp"

#include "text_lines.hpp"

using namespace parallax;

namespace {

struct Sentence {
  std::string topic, split, doc, text;
  std::set<std::string> actions;
};

struct ScoredPair {
  double similarity;
  bool same_action;
  std::string split;
};

std::vector<std::string> split_on(const std::string& line, char separator) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, separator);) out.push_back(field);
  return out;
}

std::map<std::string, std::vector<Sentence>> read_topics(const std::string& path) {
  std::map<std::string, std::vector<Sentence>> topics;
  for (const std::string& line : bench::read_lines(path)) {
    const auto fields = split_on(line, '\t');
    if (fields.size() != 7) throw std::runtime_error(path + ": a line without 7 tab-separated fields");
    Sentence s{fields[0], fields[2], fields[3], fields[6], {}};
    for (const auto& chain : split_on(fields[5], ','))
      if (!chain.empty()) s.actions.insert(chain);
    topics[s.topic].push_back(std::move(s));
  }
  return topics;
}

// Every pair of sentences of different documents of one topic, with the topic's term weights.
std::vector<ScoredPair> score_pairs(const std::map<std::string, std::vector<Sentence>>& topics, ClaimProfiler& profiler) {
  std::vector<ScoredPair> pairs;
  for (const auto& [topic, sentences] : topics) {
    std::vector<ClaimProfile> profiles;
    for (const Sentence& s : sentences) profiles.push_back(profiler.profile(s.text, "en"));
    const auto vectors = claim_vectors(profiles);
    for (std::size_t i = 0; i < sentences.size(); ++i)
      for (std::size_t j = i + 1; j < sentences.size(); ++j) {
        if (sentences[i].doc == sentences[j].doc) continue;
        const bool same = std::any_of(sentences[i].actions.begin(), sentences[i].actions.end(),
                                      [&](const std::string& c) { return sentences[j].actions.count(c) > 0; });
        pairs.push_back({claim_similarity(vectors[i], vectors[j]), same, sentences[i].split});
      }
  }
  return pairs;
}

struct Counts {
  double tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp > 0 ? tp / (tp + fp) : 0; }
  double recall() const { return tp + fn > 0 ? tp / (tp + fn) : 0; }
  double f1() const { return tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0; }
};

Counts counts_at(const std::vector<ScoredPair>& pairs, double threshold, const std::set<std::string>& splits) {
  Counts c;
  for (const ScoredPair& p : pairs) {
    if (!splits.count(p.split)) continue;
    const bool predicted = p.similarity >= threshold;
    c.tp += predicted && p.same_action;
    c.fp += predicted && !p.same_action;
    c.fn += !predicted && p.same_action;
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: parallax_ecb_calibration SENTENCES_TSV\n");
    return 2;
  }
  const auto topics = read_topics(argv[1]);
  WordKeyer keyer;
  const EntityAliases aliases = EntityAliases::defaults(keyer);
  ClaimProfiler profiler(aliases);
  const auto pairs = score_pairs(topics, profiler);
  const std::set<std::string> fit = {"train", "dev"}, test = {"test"};
  double best = 0, best_f1 = -1, precise = 1;
  for (int step = 99; step >= 1; --step) {
    const double t = step / 100.0;
    const Counts c = counts_at(pairs, t, fit);
    if (c.f1() >= best_f1) best = t, best_f1 = c.f1();
    if (c.precision() >= 0.8) precise = t;
  }
  std::size_t positives = 0, fit_pairs = 0;
  for (const ScoredPair& p : pairs) positives += p.same_action, fit_pairs += fit.count(p.split);
  std::printf("## Same action (ECB+ cross-document event coreference) by claim similarity\n\n");
  std::printf("%zu topics, %zu cross-document sentence pairs (%zu train + dev), %.1f%% of them report the same action.\n\n",
              topics.size(), pairs.size(), fit_pairs, 100.0 * static_cast<double>(positives) / static_cast<double>(pairs.size()));
  std::printf("| threshold | train + dev P / R / F1 | test P / R / F1 |\n|---|---|---|\n");
  const JudgeThresholds defaults;
  std::vector<std::pair<double, std::string>> rows = {{defaults.align, "align (default, FNC-1)"},
                                                      {defaults.agree, "agree (default, FNC-1)"},
                                                      {precise, "lowest with precision >= 80% on train + dev"},
                                                      {best, "best F1 on train + dev"}};
  for (const auto& [t, name] : rows) {
    const Counts a = counts_at(pairs, t, fit), b = counts_at(pairs, t, test);
    std::printf("| %.2f %s | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f |\n", t, name.c_str(), 100 * a.precision(),
                100 * a.recall(), 100 * a.f1(), 100 * b.precision(), 100 * b.recall(), 100 * b.f1());
  }
  std::printf("\nPrecision and recall by threshold (train + dev):\n\n| threshold | P | R | F1 |\n|---|---|---|---|\n");
  for (int step = 2; step <= 60; step += 2) {
    const Counts c = counts_at(pairs, step / 100.0, fit);
    std::printf("| %.2f | %.1f | %.1f | %.1f |\n", step / 100.0, 100 * c.precision(), 100 * c.recall(), 100 * c.f1());
  }
  std::printf("\n");
  return 0;
}
