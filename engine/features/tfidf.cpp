#include "features/tfidf.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cmath>

namespace parallax {

TermCounts count_terms(const std::vector<std::string>& terms) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(terms.size());
  for (const auto& t : terms) hashes.push_back(term_hash(t));
  return count_term_hashes(std::move(hashes));
}

TermCounts count_term_hashes(std::vector<std::uint64_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
  TermCounts out;
  for (std::size_t i = 0; i < hashes.size();) {
    std::size_t j = i;
    while (j < hashes.size() && hashes[j] == hashes[i]) ++j;
    out.terms.push_back(hashes[i]);
    out.counts.push_back(static_cast<std::uint32_t>(j - i));
    i = j;
  }
  return out;
}

void DocumentFrequencies::add(const TermCounts& doc) {
  for (auto t : doc.terms) ++df_[t];
  ++documents_;
}

void DocumentFrequencies::merge(const DocumentFrequencies& other) {
  for (const auto& [t, n] : other.df_) df_[t] += n;
  documents_ += other.documents_;
}

float DocumentFrequencies::idf(std::uint64_t term) const {
  const auto it = df_.find(term);
  const double df = it == df_.end() ? 0.0 : it->second;
  return static_cast<float>(std::log((1.0 + documents_) / (1.0 + df)) + 1.0);
}

SparseVector tfidf_vector(const TermCounts& doc, const DocumentFrequencies& df) {
  SparseVector v;
  v.terms = doc.terms;
  v.weights.resize(doc.terms.size());
  double norm2 = 0.0;
  for (std::size_t i = 0; i < doc.terms.size(); ++i) {
    const float w = (1.0f + std::log(static_cast<float>(doc.counts[i]))) * df.idf(doc.terms[i]);
    v.weights[i] = w;
    norm2 += static_cast<double>(w) * w;
  }
  if (norm2 > 0) {
    const auto inv = static_cast<float>(1.0 / std::sqrt(norm2));
    for (auto& w : v.weights) w *= inv;
  }
  return v;
}

float sparse_dot(const SparseVector& a, const SparseVector& b) {
  float dot = 0.0f;
  std::size_t i = 0, j = 0;
  while (i < a.terms.size() && j < b.terms.size()) {
    if (a.terms[i] < b.terms[j]) {
      ++i;
    } else if (b.terms[j] < a.terms[i]) {
      ++j;
    } else {
      dot += a.weights[i++] * b.weights[j++];
    }
  }
  return dot;
}

}  // namespace parallax
