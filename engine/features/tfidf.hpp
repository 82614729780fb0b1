#pragma once
// TF-IDF over hashed terms: sublinear tf (1 + ln tf), smoothed idf (ln((1 + n) / (1 + df)) + 1, as
// scikit-learn's default), L2-normalized. Terms are keyed by their 64-bit xxh3 hash so documents
// can be analyzed in parallel without a shared vocabulary; a collision at 64 bits is negligible.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
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

// Smoothed idf of a term found in `df` of `documents` documents: ln((1 + n) / (1 + df)) + 1.
float smoothed_idf(std::size_t documents, std::size_t df);

// Document frequencies, accumulated one document at a time, then frozen into idf weights. Shards
// of a corpus (threads, processes, Dask partitions) each count their documents and merge: the
// merged frequencies equal those of one pass over the whole corpus, so every shard weighs its
// vectors with the corpus's idf (a shard's local idf would give vectors that do not compare).
class DocumentFrequencies {
 public:
  void add(const TermCounts& doc);
  // Counts `documents_with_term` more documents holding `term`, without counting documents.
  void add_term(std::uint64_t term, std::uint32_t documents_with_term);
  // Counts `count` more documents (whose terms add_term counted).
  void add_documents(std::size_t count) { documents_ += count; }
  void merge(const DocumentFrequencies& other);
  std::size_t documents() const { return documents_; }
  std::size_t terms() const { return df_.size(); }
  // Smoothed idf of a term; unseen terms get the idf of df = 0.
  float idf(std::uint64_t term) const;

  // A portable byte form (little-endian; terms sorted, so equal frequencies give equal bytes):
  // "PXDF", format 1 (u32), documents (u64), terms (u64), then (term u64, df u32) per term.
  std::string serialize() const;
  // Throws std::invalid_argument naming what is wrong with bytes that serialize() did not write.
  static DocumentFrequencies deserialize(std::string_view bytes);

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> df_;
  std::size_t documents_ = 0;
};

// The weights of a TF-IDF vector: sublinear tf (1 + ln tf) times idf, L2-normalized. tf_of(i) and
// idf_of(i) give term i's count and idf; `weights` receives `count` values. The one formula every
// TF-IDF vector of the engine is weighed by, whatever holds its counts.
template <typename TfOf, typename IdfOf>
void sublinear_tfidf_weights(std::size_t count, TfOf tf_of, IdfOf idf_of, float* weights) {
  double norm2 = 0.0;
  for (std::size_t i = 0; i < count; ++i) {
    const float w = (1.0f + std::log(static_cast<float>(tf_of(i)))) * idf_of(i);
    weights[i] = w;
    norm2 += static_cast<double>(w) * w;
  }
  if (norm2 > 0) {
    const auto inv = static_cast<float>(1.0 / std::sqrt(norm2));
    for (std::size_t i = 0; i < count; ++i) weights[i] *= inv;
  }
}

// Sublinear tf times idf, L2-normalized. An empty document gives an empty vector.
SparseVector tfidf_vector(const TermCounts& doc, const DocumentFrequencies& df);

// Cosine of two L2-normalized sparse vectors.
float sparse_dot(const SparseVector& a, const SparseVector& b);

}  // namespace parallax
