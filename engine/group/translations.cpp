#include "group/translations.hpp"

#include <algorithm>
#include <cmath>

namespace parallax {

double translation_score(const SentenceVectors& a, const SentenceVectors& b, const TranslationParams& params) {
  const std::size_t m = a.size(), n = b.size();
  if (m == 0 || n == 0) return 0.0;
  // Every matched sentence needs a partner: fewer than threshold x longer sentences can never pass.
  if (static_cast<double>(std::min(m, n)) < params.threshold * static_cast<double>(std::max(m, n))) return 0.0;
  std::vector<float> similarity(m * n);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) similarity[i * n + j] = sparse_dot(a[i], b[j]);
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
