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

// add_to_sketch's work on a bare array, forced inline: GCC kept add_to_sketch out of line in the
// per-shingle loop, a call, a reload of the sketch's size and data and a return per shingle (6% of
// `parallax dedup` on 10k documents).
[[gnu::always_inline]] inline void add_to_bins(std::uint32_t* bins, std::size_t n, std::uint64_t seed,
                                               std::uint64_t element_hash, std::uint32_t empty_bin) {
  // The bin from the hash's high bits, the value from its low 32 (independent bits of one mix).
  const std::uint64_t h = mix64(element_hash ^ seed);
  const std::size_t bin = reduce(h, n);
  const auto value = std::min(static_cast<std::uint32_t>(h), empty_bin - 1);
  bins[bin] = std::min(bins[bin], value);
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
  add_to_bins(sketch.data(), sketch.size(), seed_, element_hash, kEmptyBin);
}

MinHashSignature MinHasher::finish_sketch(MinHashSignature&& sketch) const {
  MinHashSignature sig = std::move(sketch);
  const std::size_t n = sig.size();
  // Which bins the document left empty, 64 to a word, in one branch-free pass; then only those
  // bins are visited. Testing each bin in turn took a branch per bin that goes the rare way for
  // about one bin in ten, at random, so it was mispredicted often (finish_sketch was 6% of
  // `parallax dedup` on 10k documents). A bin borrows only from bins the document filled itself,
  // and those keep their values here, so they are read from `sig` directly.
  thread_local std::vector<std::uint64_t> empty;
  empty.assign((n + 63) / 64, 0);
  std::size_t empty_count = 0;
  for (std::size_t bin = 0; bin < n; ++bin) {
    const bool is_empty = sig[bin] == kEmptyBin;
    empty[bin / 64] |= std::uint64_t{is_empty} << (bin % 64);
    empty_count += is_empty;
  }
  if (empty_count == 0 || empty_count == n) return sig;  // nothing to fill, or nothing to borrow
  const auto filled_by_document = [&](std::size_t bin) { return ((empty[bin / 64] >> (bin % 64)) & 1) == 0; };
  for (std::size_t word = 0; word < empty.size(); ++word) {
    for (std::uint64_t bits = empty[word]; bits != 0; bits &= bits - 1) {
      const std::size_t bin = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
      for (std::size_t attempt = 0;; ++attempt) {
        // After kBorrowAttempts misses (only for sets far smaller than the signature), walk on.
        const std::size_t from = attempt < kBorrowAttempts ? borrow_from_[bin * kBorrowAttempts + attempt]
                                                           : (bin + attempt) % n;
        if (filled_by_document(from)) {
          sig[bin] = sig[from];
          break;
        }
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
  std::uint32_t* const bins = sketch.data();
  const std::size_t n = sketch.size();
  for_each_shingle_hash(word_hashes, params_.shingle_size,
                        [&](std::uint64_t h) { add_to_bins(bins, n, seed_, h, kEmptyBin); });
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
