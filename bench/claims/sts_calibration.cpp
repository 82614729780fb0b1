// Calibrates compare's thresholds for claims in different languages on SemEval-2017 STS and NTREX: how the
// claim similarity (claim_vectors + claim_similarity, exactly as `parallax compare` aligns) tracks
// human similarity scores on track 1 (ar-ar), 2 (ar-en) and 5 (en-en), with each language's stems
// (what same-language pairs use) and with concept terms (what cross-language pairs use). Prints
// Pearson / Spearman per track and, per track, the cosine threshold with the best F1 for two
// readings of the gold scale: "same statement" (gold >= 4: mostly equivalent -> agree) and "same
// topic" (gold >= 2: shares details -> aligned); then the factor that carries the same-language
// align threshold to pairs in two languages (NTREX translations), and the agree threshold across
// languages: what best tells a sentence's translation from the closest other sentence of its
// article (NTREX). Never fails on scores.
//
// Usage: parallax_sts_calibration STS_DIR [NTREX_DIR]   (shared/data/xling/sts2017, .../ntrex)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <set>
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

// Within each NTREX article (DOCUMENT_IDS.tsv), with the term weights of the article's English and
// translated sentences (one compared set, as an event's claims in two languages): each English
// sentence against its translation (the same statement) and against the closest other translated
// sentence of the article (the same topic, another statement: what the aligner pairs a claim with
// when the other side does not make it). The threshold that best tells the two apart (balanced
// accuracy, one of each per sentence) is where an aligned pair across languages is more likely the
// same statement than the nearest different one: compare's agree threshold across languages.
struct SameOrNearest {
  std::vector<double> same, nearest;
};

// The [begin, end) sentence ranges of the articles, which DOCUMENT_IDS.tsv lists sentence by
// sentence.
std::vector<std::pair<std::size_t, std::size_t>> article_ranges(const std::vector<std::string>& document_of, std::size_t size) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t begin = 0; begin < size;) {
    std::size_t end = begin;
    while (end < size && document_of[end] == document_of[begin]) ++end;
    out.emplace_back(begin, end);
    begin = end;
  }
  return out;
}

SameOrNearest translation_or_nearest(const std::vector<std::string>& en, const std::vector<std::string>& other,
                                     const std::string& lang, const std::vector<std::string>& document_of,
                                     ClaimProfiler& profiler) {
  SameOrNearest out;
  for (const auto& [begin, end] : article_ranges(document_of, std::min({en.size(), other.size(), document_of.size()}))) {
    const std::size_t n = end - begin;
    std::vector<ClaimProfile> profiles;
    for (std::size_t i = begin; i < end; ++i) profiles.push_back(profiler.profile(en[i], "en"));
    for (std::size_t i = begin; i < end; ++i) profiles.push_back(profiler.profile(other[i], lang));
    const auto vectors = claim_vectors(profiles);
    for (std::size_t i = 0; i < n && n > 1; ++i) {
      double closest = 0;
      for (std::size_t j = 0; j < n; ++j)
        if (j != i) closest = std::max(closest, claim_similarity(vectors[i], vectors[n + j]));
      out.same.push_back(claim_similarity(vectors[i], vectors[n + i]));
      out.nearest.push_back(closest);
    }
  }
  return out;
}

double share_at_or_above(const std::vector<double>& v, double t) {
  return static_cast<double>(std::count_if(v.begin(), v.end(), [&](double x) { return x >= t; })) /
         static_cast<double>(v.size());
}

// The threshold on a grid of `steps` - 1 multiples of `step` that best tells `above` (pairs that
// should reach it) from `below`, by balanced accuracy, and that accuracy.
std::pair<double, double> best_balanced_threshold(const std::vector<double>& above, const std::vector<double>& below,
                                                  double step, int steps) {
  std::pair<double, double> best{0, -1};
  for (int k = 1; k < steps; ++k) {
    const double t = k * step;
    const double accuracy = (share_at_or_above(above, t) + 1 - share_at_or_above(below, t)) / 2;
    if (accuracy > best.second) best = {t, accuracy};
  }
  return best;
}

void print_same_or_nearest(const std::string& name, const SameOrNearest& s, const JudgeThresholds& defaults) {
  const auto best = best_balanced_threshold(s.same, s.nearest, 0.01, 100);
  const auto mean = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); };
  std::printf("| %s (%zu sentences) | %.3f | %.3f | %.2f (%.1f%%) | %.1f%% / %.1f%% |\n", name.c_str(), s.same.size(),
              mean(s.same), mean(s.nearest), best.first, 100 * best.second,
              100 * share_at_or_above(s.same, defaults.cross_language_agree),
              100 * share_at_or_above(s.nearest, defaults.cross_language_agree));
}

void same_statement_across_languages(const std::string& ntrex, const EntityAliases& aliases, const ConceptTable& concepts,
                                     const JudgeThresholds& defaults) {
  const auto en = read_lines(ntrex + "/newstest2019-src.eng.txt");
  const auto document_of = read_lines(ntrex + "/DOCUMENT_IDS.tsv");
  std::printf("\nSame statement or the closest other sentence of the same article (NTREX, %zu articles; "
              "term weights within each article):\n\n",
              std::set<std::string>(document_of.begin(), document_of.end()).size());
  std::printf("| pairs | mean: translation | mean: closest other | best threshold (balanced accuracy) | "
              "at or above the cross-language agree threshold %.3f: translations / closest others |\n|---|---|---|---|---|\n",
              defaults.cross_language_agree);
  ClaimProfiler profiler(aliases, &concepts);
  SameOrNearest both;
  for (const auto& [lang, file] : {std::pair{"ar", "newstest2019-ref.arb.txt"}, std::pair{"ru", "newstest2019-ref.rus.txt"}}) {
    const SameOrNearest s = translation_or_nearest(en, read_lines(ntrex + "/" + file), lang, document_of, profiler);
    print_same_or_nearest(std::string("en-") + lang, s, defaults);
    both.same.insert(both.same.end(), s.same.begin(), s.same.end());
    both.nearest.insert(both.nearest.end(), s.nearest.begin(), s.nearest.end());
  }
  print_same_or_nearest("en-ar and en-ru", both, defaults);
}

// The align threshold's counterpart of FNC-1's calibration (a headline against its most similar
// body sentence, related or unrelated), across languages: each English sentence of an NTREX article
// against the closest translated sentence of the same article other than its own translation (the
// same story: related) and against the closest translated sentence of the next article (another
// story: unrelated), term weights over the two sides compared. Also the same with English on both
// sides and stems, which should land near FNC-1's own threshold if the method carries over.
struct RelatedOrNot {
  std::vector<double> related, unrelated;
};

// Closest similarity of each sentence of `mine` to a sentence of `theirs` (skipping the one of the
// same index when `skip_own`), weights over both.
std::vector<double> closest(const std::vector<std::string>& mine, const std::string& my_lang,
                            const std::vector<std::string>& theirs, const std::string& their_lang, bool skip_own,
                            ClaimProfiler& profiler) {
  std::vector<ClaimProfile> profiles;
  for (const auto& t : mine) profiles.push_back(profiler.profile(t, my_lang));
  for (const auto& t : theirs) profiles.push_back(profiler.profile(t, their_lang));
  const auto vectors = claim_vectors(profiles);
  std::vector<double> out;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    double best = 0;
    for (std::size_t j = 0; j < theirs.size(); ++j)
      if (!(skip_own && j == i)) best = std::max(best, claim_similarity(vectors[i], vectors[mine.size() + j]));
    out.push_back(best);
  }
  return out;
}

RelatedOrNot related_or_unrelated(const std::vector<std::string>& en, const std::vector<std::string>& other,
                                  const std::string& lang, const std::vector<std::string>& document_of,
                                  ClaimProfiler& profiler) {
  RelatedOrNot out;
  const auto articles = article_ranges(document_of, std::min({en.size(), other.size(), document_of.size()}));
  const auto slice = [](const std::vector<std::string>& v, std::pair<std::size_t, std::size_t> r) {
    return std::vector<std::string>(v.begin() + static_cast<std::ptrdiff_t>(r.first), v.begin() + static_cast<std::ptrdiff_t>(r.second));
  };
  for (std::size_t k = 0; k < articles.size(); ++k) {
    if (articles[k].second - articles[k].first < 2) continue;
    const auto mine = slice(en, articles[k]);
    const auto same_story = closest(mine, "en", slice(other, articles[k]), lang, true, profiler);
    const auto other_story = closest(mine, "en", slice(other, articles[(k + 1) % articles.size()]), lang, false, profiler);
    out.related.insert(out.related.end(), same_story.begin(), same_story.end());
    out.unrelated.insert(out.unrelated.end(), other_story.begin(), other_story.end());
  }
  return out;
}

void print_related_or_not(const std::string& name, const RelatedOrNot& r, double default_threshold) {
  // A 0.002 grid: cross-language similarities are small.
  const auto best = best_balanced_threshold(r.related, r.unrelated, 0.002, 200);
  std::printf("| %s (%zu sentences) | %.3f (%.1f%%) | %.1f%% / %.1f%% |\n", name.c_str(), r.related.size(), best.first,
              100 * best.second, 100 * share_at_or_above(r.related, default_threshold),
              100 * share_at_or_above(r.unrelated, default_threshold));
}

void related_across_languages(const std::string& ntrex, const EntityAliases& aliases, const ConceptTable& concepts,
                              const JudgeThresholds& defaults) {
  const auto en = read_lines(ntrex + "/newstest2019-src.eng.txt");
  const auto document_of = read_lines(ntrex + "/DOCUMENT_IDS.tsv");
  std::printf("\nRelated (the closest other sentence of the same article) or unrelated (the closest sentence of the "
              "next article), NTREX, term weights over the two articles' sentences compared:\n\n");
  std::printf("| pairs | best threshold (balanced accuracy) | at or above the default align threshold: related / "
              "unrelated |\n|---|---|---|\n");
  ClaimProfiler stems(aliases);
  print_related_or_not("en-en, stems (default align threshold " + std::to_string(defaults.align).substr(0, 5) + ")",
                       related_or_unrelated(en, en, "en", document_of, stems), defaults.align);
  ClaimProfiler profiler(aliases, &concepts);
  RelatedOrNot both;
  for (const auto& [lang, file] : {std::pair{"ar", "newstest2019-ref.arb.txt"}, std::pair{"ru", "newstest2019-ref.rus.txt"}}) {
    const RelatedOrNot r = related_or_unrelated(en, read_lines(ntrex + "/" + file), lang, document_of, profiler);
    print_related_or_not(std::string("en-") + lang + ", concepts", r, defaults.cross_language_align);
    both.related.insert(both.related.end(), r.related.begin(), r.related.end());
    both.unrelated.insert(both.unrelated.end(), r.unrelated.begin(), r.unrelated.end());
  }
  print_related_or_not("en-ar and en-ru, concepts (default cross-language align threshold " +
                           std::to_string(defaults.cross_language_align).substr(0, 5) + ")",
                       both, defaults.cross_language_align);
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
  if (argc > 2) same_statement_across_languages(argv[2], aliases, concepts, defaults);
  if (argc > 2) related_across_languages(argv[2], aliases, concepts, defaults);
  if (languages > 0) {
    std::printf("\n| threshold | same language | cross-language (x %.3f, the NTREX mean) | cross-language default |\n|---|---|---|---|\n", factor);
    std::printf("| align | %.2f | %.3f | %.3f |\n", defaults.align, defaults.align * factor, defaults.cross_language_align);
    std::printf("| agree | %.2f | %.3f | %.3f (translation or closest other, above) |\n\n", defaults.agree, defaults.agree * factor,
                defaults.cross_language_agree);
  }
  return 0;
}
