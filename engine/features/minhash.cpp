#include "features/minhash.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <random>

#include "text/word_hash.hpp"

namespace parallax {

namespace {

std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// Maps a 64-bit hash uniformly onto [0, n) without a division.
std::size_t reduce(std::uint64_t h, std::size_t n) {
  return static_cast<std::size_t>((static_cast<unsigned __int128>(h) * n) >> 64);
}

}  // namespace

MinHasher::MinHasher(MinHashParams params) : params_(params) {
  std::mt19937_64 rng(params_.seed);
  seed_ = rng() | 1u;
  // Where an empty bin borrows its value: a fixed sequence per bin, the same for every document.
  const auto n = static_cast<std::size_t>(std::max(1, params_.num_hashes));
  borrow_from_.resize(n * kBorrowAttempts);
  for (std::size_t bin = 0; bin < n; ++bin)
    for (std::size_t attempt = 0; attempt < kBorrowAttempts; ++attempt)
      borrow_from_[bin * kBorrowAttempts + attempt] =
          static_cast<std::uint16_t>(reduce(mix64(seed_ ^ (bin * 0x9e3779b97f4a7c15ull + attempt + 1)), n));
}

MinHashSignature MinHasher::signature_of_hashes(const std::vector<std::uint64_t>& element_hashes) const {
  // One-permutation hashing: one hash per element picks a bin and a value; each bin keeps its
  // minimum. One hash per element instead of num_hashes (the per-element cost was 128 64-bit
  // multiplies). Empty bins are then filled by optimal densification (Shrivastava 2017): bin i
  // copies the first non-empty bin of its own fixed pseudo-random sequence, so two documents'
  // signatures still agree at a position with probability equal to their Jaccard similarity.
  MinHashSignature sketch = start_sketch();
  for (std::uint64_t x : element_hashes) add_to_sketch(sketch, x);
  return finish_sketch(std::move(sketch));
}

MinHashSignature MinHasher::start_sketch() const {
  return MinHashSignature(static_cast<std::size_t>(params_.num_hashes), kEmptyBin);
}

void MinHasher::add_to_sketch(MinHashSignature& sketch, std::uint64_t element_hash) const {
  // The bin from the hash's high bits, the value from its low 32 (independent bits of one mix).
  const std::uint64_t h = mix64(element_hash ^ seed_);
  const std::size_t bin = reduce(h, sketch.size());
  const auto value = std::min(static_cast<std::uint32_t>(h), kEmptyBin - 1);
  sketch[bin] = std::min(sketch[bin], value);
}

MinHashSignature MinHasher::finish_sketch(MinHashSignature&& sketch) const {
  MinHashSignature sig = std::move(sketch);
  const auto n = sig.size();
  const MinHashSignature filled = sig;  // bins borrow only from bins filled by the document itself
  if (std::all_of(filled.begin(), filled.end(), [](std::uint32_t v) { return v == kEmptyBin; })) return sig;
  for (std::size_t bin = 0; bin < n; ++bin) {
    if (filled[bin] != kEmptyBin) continue;
    for (std::size_t attempt = 0;; ++attempt) {
      // After kBorrowAttempts misses (only for sets far smaller than the signature), walk on.
      const std::size_t from = attempt < kBorrowAttempts ? borrow_from_[bin * kBorrowAttempts + attempt]
                                                         : (bin + attempt) % n;
      if (filled[from] != kEmptyBin) {
        sig[bin] = filled[from];
        break;
      }
    }
  }
  return sig;
}

namespace {

// Calls fn(key) for every shingle in text order (repeats included). A shingle's key combines its
// words' hashes, each rotated by its position so that word order counts: no joined strings,
// no hash call per shingle (add_to_sketch mixes the key). Distinct shingles collide with
// probability 2^-64.
template <typename Fn>
void for_each_shingle_hash(const std::vector<std::uint64_t>& word_hashes, int shingle_size, Fn fn) {
  if (word_hashes.empty()) return;
  const std::size_t k = std::max(1, shingle_size);
  const std::size_t count = word_hashes.size() >= k ? word_hashes.size() - k + 1 : 1;
  const std::size_t width = std::min(k, word_hashes.size());
  for (std::size_t start = 0; start < count; ++start) {
    std::uint64_t key = word_hashes[start];
    for (std::size_t j = 1; j < width; ++j) key = std::rotl(key, 21) ^ word_hashes[start + j];
    fn(key);
  }
}

std::vector<std::uint64_t> word_hashes_of(const std::vector<std::string>& words) {
  std::vector<std::uint64_t> hashes(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) hashes[i] = word_hash(words[i]);
  return hashes;
}

}  // namespace

std::vector<std::uint64_t> shingle_hashes(const std::vector<std::string>& tokens, int shingle_size) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(tokens.size());
  for_each_shingle_hash(word_hashes_of(tokens), shingle_size, [&](std::uint64_t h) { hashes.push_back(h); });
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

std::size_t distinct_shingle_count(const std::vector<std::uint64_t>& word_hashes, int shingle_size) {
  thread_local std::vector<std::uint64_t> keys;
  keys.clear();
  for_each_shingle_hash(word_hashes, shingle_size, [&](std::uint64_t h) { keys.push_back(h); });
  std::sort(keys.begin(), keys.end());
  return static_cast<std::size_t>(std::unique(keys.begin(), keys.end()) - keys.begin());
}

MinHashSignature MinHasher::signature(const std::vector<std::string>& tokens) const {
  return signature_of_words(word_hashes_of(tokens));
}

MinHashSignature MinHasher::signature_of_words(const std::vector<std::uint64_t>& word_hashes) const {
  // A repeated shingle changes no bin's minimum: no need to sort and deduplicate first.
  MinHashSignature sketch = start_sketch();
  for_each_shingle_hash(word_hashes, params_.shingle_size, [&](std::uint64_t h) { add_to_sketch(sketch, h); });
  return finish_sketch(std::move(sketch));
}

double estimate_jaccard(const MinHashSignature& a, const MinHashSignature& b) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0.0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < n; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(n);
}

}  // namespace parallax
