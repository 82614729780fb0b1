#pragma once
// TF-IDF over hashed terms: sublinear tf (1 + ln tf), smoothed idf (ln((1 + n) / (1 + df)) + 1, as
// scikit-learn's default), L2-normalized. Terms are keyed by their 64-bit xxh3 hash so documents
// can be analyzed in parallel without a shared vocabulary; a collision at 64 bits is negligible.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/term_hash.hpp"

namespace parallax {

// A document's bag of words: (term hash, count), sorted by hash.
struct TermCounts {
  std::vector<std::uint64_t> terms;
  std::vector<std::uint32_t> counts;
};

TermCounts count_terms(const std::vector<std::string>& terms);
// The same from the terms' hashes (term_hash, text/term_hash.hpp).
TermCounts count_term_hashes(std::vector<std::uint64_t> hashes);

// A sparse weighted vector over term hashes, sorted by hash.
struct SparseVector {
  std::vector<std::uint64_t> terms;
  std::vector<float> weights;
};

// Document frequencies, accumulated one document at a time, then frozen into idf weights.
class DocumentFrequencies {
 public:
  void add(const TermCounts& doc);
  void merge(const DocumentFrequencies& other);
  std::size_t documents() const { return documents_; }
  // Smoothed idf of a term; unseen terms get the idf of df = 0.
  float idf(std::uint64_t term) const;

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> df_;
  std::size_t documents_ = 0;
};

// Sublinear tf times idf, L2-normalized. An empty document gives an empty vector.
SparseVector tfidf_vector(const TermCounts& doc, const DocumentFrequencies& df);

// Cosine of two L2-normalized sparse vectors.
float sparse_dot(const SparseVector& a, const SparseVector& b);

}  // namespace parallax
