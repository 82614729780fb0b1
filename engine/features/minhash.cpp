#include "features/minhash.hpp"

#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <random>

namespace parallax {

MinHasher::MinHasher(MinHashParams params) : params_(params) {
  std::mt19937_64 rng(params_.seed);
  multipliers_.resize(params_.num_hashes);
  increments_.resize(params_.num_hashes);
  for (int i = 0; i < params_.num_hashes; ++i) {
    multipliers_[i] = rng() | 1u;
    increments_[i] = rng();
  }
}

MinHashSignature MinHasher::signature_of_hashes(const std::vector<std::uint64_t>& element_hashes) const {
  const int n = params_.num_hashes;
  MinHashSignature sig(n, std::numeric_limits<std::uint32_t>::max());
  const std::uint64_t* mul = multipliers_.data();
  const std::uint64_t* inc = increments_.data();
  std::uint32_t* out = sig.data();
  for (std::uint64_t x : element_hashes) {
    // Multiply-shift: the high 32 bits of a*x+b are a 2-universal hash of x (vectorizes well).
    for (int i = 0; i < n; ++i) {
      const auto h = static_cast<std::uint32_t>((mul[i] * x + inc[i]) >> 32);
      out[i] = std::min(out[i], h);
    }
  }
  return sig;
}

std::vector<std::uint64_t> shingle_hashes(const std::vector<std::string>& tokens, int shingle_size) {
  std::vector<std::uint64_t> hashes;
  if (tokens.empty()) return hashes;
  const std::size_t k = std::max(1, shingle_size);
  const std::size_t count = tokens.size() >= k ? tokens.size() - k + 1 : 1;
  const std::size_t width = std::min(k, tokens.size());
  hashes.reserve(count);
  std::string joined;
  for (std::size_t start = 0; start < count; ++start) {
    joined.clear();
    for (std::size_t j = start; j < start + width; ++j) {
      joined += tokens[j];
      joined += '\x1f';  // unit separator: "ab c" and "a bc" must differ
    }
    hashes.push_back(XXH3_64bits(joined.data(), joined.size()));
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

MinHashSignature MinHasher::signature(const std::vector<std::string>& tokens) const {
  return signature_of_hashes(shingle_hashes(tokens, params_.shingle_size));
}

double estimate_jaccard(const MinHashSignature& a, const MinHashSignature& b) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0.0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < n; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(n);
}

}  // namespace parallax
