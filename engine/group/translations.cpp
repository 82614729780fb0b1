#include "group/translations.hpp"

#include <algorithm>
#include <cmath>

namespace parallax {
namespace {

// Cosine of every sentence of a with every sentence of b, row-major (a's sentences are rows).
std::vector<float> sentence_similarities(const SentenceIndex& a, const SentenceIndex& b) {
  std::vector<float> similarity(a.sentences * b.sentences, 0.0f);
  auto x = a.postings.begin(), y = b.postings.begin();
  while (x != a.postings.end() && y != b.postings.end()) {
    if (x->term < y->term) {
      ++x;
    } else if (y->term < x->term) {
      ++y;
    } else {
      const std::uint64_t term = x->term;
      auto y_end = y;
      while (y_end != b.postings.end() && y_end->term == term) ++y_end;
      for (; x != a.postings.end() && x->term == term; ++x)
        for (auto p = y; p != y_end; ++p) similarity[x->sentence * b.sentences + p->sentence] += x->weight * p->weight;
      y = y_end;
    }
  }
  return similarity;
}

}  // namespace

SentenceIndex index_sentences(const SentenceVectors& sentences) {
  SentenceIndex index;
  index.sentences = sentences.size();
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (std::size_t t = 0; t < sentences[s].terms.size(); ++t)
      index.postings.push_back({sentences[s].terms[t], static_cast<std::uint32_t>(s), sentences[s].weights[t]});
  std::sort(index.postings.begin(), index.postings.end(),
            [](const auto& x, const auto& y) { return x.term < y.term || (x.term == y.term && x.sentence < y.sentence); });
  return index;
}

double translation_score(const SentenceIndex& a, const SentenceIndex& b, const TranslationParams& params) {
  const std::size_t m = a.sentences, n = b.sentences;
  if (m == 0 || n == 0) return 0.0;
  // Every matched sentence needs a partner: fewer than threshold x longer sentences can never pass.
  if (static_cast<double>(std::min(m, n)) < params.threshold * static_cast<double>(std::max(m, n))) return 0.0;
  const std::vector<float> similarity = sentence_similarities(a, b);
  std::vector<std::size_t> best_in_b(m, 0), best_in_a(n, 0);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      if (similarity[i * n + j] > similarity[i * n + best_in_b[i]]) best_in_b[i] = j;
      if (similarity[i * n + j] > similarity[best_in_a[j] * n + j]) best_in_a[j] = i;
    }
  std::size_t matched = 0;
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t j = best_in_b[i];
    if (best_in_a[j] != i || similarity[i * n + j] <= params.min_sentence_similarity) continue;
    const double place_a = (static_cast<double>(i) + 0.5) / static_cast<double>(m);
    const double place_b = (static_cast<double>(j) + 0.5) / static_cast<double>(n);
    matched += std::fabs(place_a - place_b) < params.max_position_gap;
  }
  return static_cast<double>(matched) / static_cast<double>(std::max(m, n));
}

}  // namespace parallax
