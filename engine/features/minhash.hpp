#pragma once
// MinHash signatures over word shingles: the near-duplicate half of the pipeline.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace parallax {

struct MinHashParams {
  int shingle_size = 2;    // words per shingle (2 tuned on generated near-duplicates, docs/benchmarks.md)
  int num_hashes = 128;    // signature length
  std::uint64_t seed = 0x5eed;
};

using MinHashSignature = std::vector<std::uint32_t>;

// Computes signatures by one-permutation hashing with optimal densification over one mixed key
// per shingle: one hash per shingle instead of one per signature position (tests bound the error
// of the Jaccard estimate on generated sets).
class MinHasher {
 public:
  explicit MinHasher(MinHashParams params);

  // tokens: normalized words in text order. Fewer tokens than a shingle: one shingle of all.
  MinHashSignature signature(const std::vector<std::string>& tokens) const;
  // The same from the words' hashes (word_hash, as MatchWordReader::append_word_hashes gives): equal to
  // signature(words) for the words those hashes come from.
  MinHashSignature signature_of_words(const std::vector<std::uint64_t>& word_hashes) const;
  // Signature of a set of already-hashed elements (used by tests and by shingling).
  MinHashSignature signature_of_hashes(const std::vector<std::uint64_t>& element_hashes) const;
  const MinHashParams& params() const { return params_; }

 private:
  // A sketch is the bin minima; kEmptyBin marks a bin no element fell into (no value takes it).
  static constexpr std::uint32_t kEmptyBin = 0xffffffffu;
  MinHashSignature start_sketch() const;
  void add_to_sketch(MinHashSignature& sketch, std::uint64_t element_hash) const;
  MinHashSignature finish_sketch(MinHashSignature&& sketch) const;  // densifies empty bins
  // The bin an empty bin copies: the first of its borrow sequence the document filled (empty:
  // a bit per bin, set for the empty ones; at least one of the n bins is filled).
  std::size_t bin_to_borrow_from(std::size_t bin, const std::uint64_t* empty, std::size_t n) const;

  static constexpr std::size_t kBorrowAttempts = 16;
  MinHashParams params_;
  std::uint64_t seed_ = 0;
  std::vector<std::uint16_t> borrow_from_;  // per bin, the bins an empty one copies from, in order
};

// The fraction of equal positions: an unbiased estimate of the Jaccard similarity of the sets.
double estimate_jaccard(const MinHashSignature& a, const MinHashSignature& b);

// The number of distinct shingles of a text given as its words' hashes (as signature_of_words
// takes them): the set size a partial copy's containment is estimated from.
std::size_t distinct_shingle_count(const std::vector<std::uint64_t>& word_hashes, int shingle_size);

// Keys of the distinct word shingles of a token sequence (their words' hashes combined), sorted.
std::vector<std::uint64_t> shingle_hashes(const std::vector<std::string>& tokens, int shingle_size);

}  // namespace parallax
