#pragma once
// MinHash signatures over word shingles: the near-duplicate half of the pipeline.
#include <cstdint>
#include <string>
#include <vector>

namespace parallax {

struct MinHashParams {
  int shingle_size = 3;    // words per shingle
  int num_hashes = 128;    // signature length
  std::uint64_t seed = 0x5eed;
};

using MinHashSignature = std::vector<std::uint32_t>;

// Computes signatures with multiply-shift hashing of one xxh3 hash per shingle: cheap, and the
// family is universal enough for Jaccard estimation (tests bound the error on generated sets).
class MinHasher {
 public:
  explicit MinHasher(MinHashParams params);

  // tokens: normalized word stems in text order. Fewer tokens than a shingle: one shingle of all.
  MinHashSignature signature(const std::vector<std::string>& tokens) const;
  // Signature of a set of already-hashed elements (used by tests and by shingling).
  MinHashSignature signature_of_hashes(const std::vector<std::uint64_t>& element_hashes) const;
  const MinHashParams& params() const { return params_; }

 private:
  MinHashParams params_;
  std::vector<std::uint64_t> multipliers_;  // odd 64-bit constants, one per hash function
  std::vector<std::uint64_t> increments_;
};

// The fraction of equal positions: an unbiased estimate of the Jaccard similarity of the sets.
double estimate_jaccard(const MinHashSignature& a, const MinHashSignature& b);

// Hashes of the word shingles of a token sequence (xxh3 over the joined tokens).
std::vector<std::uint64_t> shingle_hashes(const std::vector<std::string>& tokens, int shingle_size);

}  // namespace parallax
