// Calibrates compare's thresholds for claims in different languages on SemEval-2017 STS: how the
// claim similarity (claim_vectors + claim_similarity, exactly as `parallax compare` aligns) tracks
// human similarity scores on track 1 (ar-ar), 2 (ar-en) and 5 (en-en), with each language's stems
// (what same-language pairs use) and with concept terms (what cross-language pairs use). Prints
// Pearson / Spearman per track and, per track, the cosine threshold with the best F1 for two
// readings of the gold scale: "same statement" (gold >= 4: mostly equivalent -> agree) and "same
// topic" (gold >= 2: shares details -> aligned); then the factor that carries the same-language
// thresholds to pairs in two languages (NTREX translations). Never fails on scores.
//
// Usage: parallax_sts_calibration STS_DIR [NTREX_DIR]   (shared/data/xling/sts2017, .../ntrex)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "claims/aliases.hpp"
#include "claims/match_tokens.hpp"
#include "diff/claim_profile.hpp"
#include "diff/claim_vectors.hpp"
#include "diff/judge.hpp"
#include "lexicon/concept_table.hpp"

#include "text_lines.hpp"

using namespace parallax;
using bench::is_arabic_text;
using bench::read_lines;

namespace {

struct Pair {
  std::string first, second, first_lang, second_lang;
  double gold;
};

std::vector<Pair> read_track(const std::string& dir, const std::string& name) {
  const auto inputs = read_lines(dir + "/STS.input." + name + ".txt");
  const auto gold = read_lines(dir + "/STS.gs." + name + ".txt");
  if (inputs.size() != gold.size()) throw std::runtime_error(name + ": input and gold differ in size");
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::size_t tab = inputs[i].find('\t');
    if (tab == std::string::npos) throw std::runtime_error(name + ": a line without a tab");
    Pair p{inputs[i].substr(0, tab), inputs[i].substr(tab + 1), "", "", std::stod(gold[i])};
    p.first_lang = is_arabic_text(p.first) ? "ar" : "en";
    p.second_lang = is_arabic_text(p.second) ? "ar" : "en";
    pairs.push_back(std::move(p));
  }
  return pairs;
}

// The claim similarity of each pair, idf over the track's sentences (as over a compared set).
std::vector<double> similarities(const std::vector<Pair>& pairs, ClaimProfiler& profiler) {
  std::vector<ClaimProfile> profiles;
  for (const Pair& p : pairs) {
    profiles.push_back(profiler.profile(p.first, p.first_lang));
    profiles.push_back(profiler.profile(p.second, p.second_lang));
  }
  const auto vectors = claim_vectors(profiles);
  std::vector<double> out;
  for (std::size_t i = 0; i < pairs.size(); ++i) out.push_back(claim_similarity(vectors[2 * i], vectors[2 * i + 1]));
  return out;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && v[order[j]] == v[order[i]]) ++j;
    for (std::size_t k = i; k < j; ++k) r[order[k]] = (static_cast<double>(i + j - 1)) / 2.0;
    i = j;
  }
  return r;
}

// The threshold (on a 0.01 grid) with the best F1 for "gold >= level", and that F1.
std::pair<double, double> best_threshold(const std::vector<double>& sim, const std::vector<Pair>& pairs, double level) {
  std::pair<double, double> best{0, -1};
  for (int step = 1; step < 100; ++step) {
    const double t = step / 100.0;
    double tp = 0, fp = 0, fn = 0;
    for (std::size_t i = 0; i < sim.size(); ++i) {
      const bool predicted = sim[i] >= t, actual = pairs[i].gold >= level;
      tp += predicted && actual;
      fp += predicted && !actual;
      fn += !predicted && actual;
    }
    const double f1 = tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
    if (f1 > best.second) best = {t, f1};
  }
  return best;
}

// Mean similarity of the pairs whose gold score lies in [low, high).
double mean_in(const std::vector<double>& sim, const std::vector<Pair>& pairs, double low, double high) {
  double sum = 0;
  int n = 0;
  for (std::size_t i = 0; i < sim.size(); ++i)
    if (pairs[i].gold >= low && pairs[i].gold < high) {
      sum += sim[i];
      ++n;
    }
  return n ? sum / n : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: parallax_sts_calibration STS_DIR [NTREX_DIR]\n");
    return 2;
  }
  const std::string dir = argv[1];
  WordKeyer keyer;
  const EntityAliases aliases = EntityAliases::defaults(keyer);
  const ConceptTable concepts = load_concept_table({});
  std::printf("## Claim similarity against SemEval-2017 STS gold scores (250 pairs per track)\n\n");
  std::printf("| track | terms | Pearson | Spearman | best threshold for gold >= 4 (F1) | best threshold for gold >= 2 (F1) |\n");
  std::printf("|---|---|---|---|---|---|\n");
  std::vector<double> english_stems, cross_concepts;
  std::vector<Pair> english_pairs, cross_pairs;
  for (const char* track : {"track1.ar-ar", "track2.ar-en", "track5.en-en"}) {
    const auto pairs = read_track(dir, track);
    std::vector<double> gold;
    for (const Pair& p : pairs) gold.push_back(p.gold);
    for (const bool with_concepts : {false, true}) {
      ClaimProfiler profiler(aliases, with_concepts ? &concepts : nullptr);
      const auto sim = similarities(pairs, profiler);
      if (std::string(track) == "track5.en-en" && !with_concepts) english_stems = sim, english_pairs = pairs;
      if (std::string(track) == "track2.ar-en" && with_concepts) cross_concepts = sim, cross_pairs = pairs;
      const auto agree = best_threshold(sim, pairs, 4.0), align = best_threshold(sim, pairs, 2.0);
      std::printf("| %s | %s | %.3f | %.3f | %.2f (%.3f) | %.2f (%.3f) |\n", track,
                  with_concepts ? "concepts" : "stems", pearson(sim, gold), pearson(ranks(sim), ranks(gold)),
                  agree.first, agree.second, align.first, align.second);
    }
  }
  // compare's same-language thresholds were calibrated on FNC-1, where an identical sentence
  // scores 1. Across languages a sentence and its exact translation take that place: their mean
  // similarity through the concept layer on news (NTREX) is the factor that carries the
  // same-language thresholds over. STS ar-en's "mostly equivalent" pairs (gold >= 4) against
  // en-en's show the same drop on other text.
  std::printf("\nMean claim similarity: en-en with stems (what same-language pairs use), ar-en with "
              "concept terms (what cross-language pairs use):\n\n");
  std::printf("| pairs | en-en stems | cross-language concepts |\n|---|---|---|\n");
  for (const auto& [low, high] : {std::pair{0.0, 2.0}, std::pair{2.0, 4.0}, std::pair{4.0, 5.1}})
    std::printf("| STS gold %.0f-%.0f | %.3f | %.3f |\n", low, std::min(high, 5.0), mean_in(english_stems, english_pairs, low, high),
                mean_in(cross_concepts, cross_pairs, low, high));
  double factor = 0;
  int languages = 0;
  if (argc > 2) {  // news sentences and their translations (NTREX), the domain compare works in
    const std::string ntrex = argv[2];
    const auto en = read_lines(ntrex + "/newstest2019-src.eng.txt");
    for (const auto& [lang, file] : {std::pair{"ar", "newstest2019-ref.arb.txt"}, std::pair{"ru", "newstest2019-ref.rus.txt"}}) {
      const auto other = read_lines(ntrex + "/" + file);
      std::vector<Pair> pairs;
      for (std::size_t i = 0; i < en.size() && i < other.size(); ++i) pairs.push_back({en[i], other[i], "en", lang, 5.0});
      ClaimProfiler profiler(aliases, &concepts);
      const double mean = mean_in(similarities(pairs, profiler), pairs, 4.0, 5.1);
      std::printf("| NTREX en-%s, a sentence and its translation (%zu) | 1 (identical) | %.3f |\n", lang, pairs.size(), mean);
      factor += mean;
      ++languages;
    }
    factor /= languages;
  }
  const JudgeThresholds defaults;
  if (languages > 0) {
    std::printf("\n| threshold | same language | cross-language (x %.3f, the NTREX mean) |\n|---|---|---|\n", factor);
    std::printf("| align | %.2f | %.3f |\n", defaults.align, defaults.align * factor);
    std::printf("| agree | %.2f | %.3f |\n\n", defaults.agree, defaults.agree * factor);
  }
  return 0;
}
