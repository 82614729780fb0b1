#include "diff/claim_vectors.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace parallax {

namespace {

// A named entity from the alias table (a treaty, a person, a place) says more about what a claim
// is about than any one common word, and it is the only bridge between different names of one
// thing ("البداية الجديدة" / "ستارت"): its weight counts double before normalization.
constexpr float kEntityWeight = 2.0f;

void emphasize_entities(SparseVector& v, const ClaimProfile& p) {
  if (p.entities.empty()) return;
  double norm2 = 0;
  for (std::size_t i = 0; i < v.terms.size(); ++i) {
    for (const std::string& e : p.entities) {
      if (v.terms[i] == term_hash("@entity:" + e)) v.weights[i] *= kEntityWeight;
    }
    norm2 += static_cast<double>(v.weights[i]) * v.weights[i];
  }
  const auto norm = static_cast<float>(std::sqrt(norm2));
  if (norm > 0) {
    for (float& w : v.weights) w /= norm;
  }
}

}  // namespace

std::vector<ClaimVector> claim_vectors(const std::vector<ClaimProfile>& profiles) {
  DocumentFrequencies df;
  std::vector<TermCounts> counts;
  for (const ClaimProfile& p : profiles) {
    counts.push_back(count_terms(p.terms));
    df.add(counts.back());
  }
  std::vector<ClaimVector> vectors;
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    ClaimVector v;
    v.whole = tfidf_vector(counts[i], df);
    emphasize_entities(v.whole, profiles[i]);
    for (const auto& segment : profiles[i].segments) {
      v.segments.push_back(tfidf_vector(count_terms(segment), df));
    }
    vectors.push_back(std::move(v));
  }
  return vectors;
}

double claim_similarity(const ClaimVector& a, const ClaimVector& b) {
  double best = sparse_dot(a.whole, b.whole);
  for (const SparseVector& sa : a.segments) best = std::max<double>(best, sparse_dot(sa, b.whole));
  for (const SparseVector& sb : b.segments) {
    best = std::max<double>(best, sparse_dot(a.whole, sb));
    for (const SparseVector& sa : a.segments) best = std::max<double>(best, sparse_dot(sa, sb));
  }
  return best;
}

}  // namespace parallax
