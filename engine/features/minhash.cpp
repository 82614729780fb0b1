#include "features/minhash.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <random>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// The two-word shingle loop with AVX-512's 64-bit multiplies, chosen at run time (the build stays
// baseline x86-64): needs GCC or Clang on x86-64 and glibc's record of the CPU's features, read
// without a CPUID of our own (glibc 2.33+).
#if defined(__x86_64__) && defined(__GNUC__) && __has_include(<sys/platform/x86.h>)
#include <immintrin.h>
#include <sys/platform/x86.h>
#define PARALLAX_AVX512_SHINGLES 1
#endif

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

// How a mixed hash picks one of n bins: reduce(h, n), its high bits. For a power-of-two n (128,
// the default) reduce is h's top log2(n) bits, so ShiftBins takes them with a shift where
// MultiplyBins needs a 128-bit multiply: the sketch's loop had three multiplies per shingle.
struct MultiplyBins {
  std::size_t n;
  std::size_t operator()(std::uint64_t h) const { return reduce(h, n); }
};

struct ShiftBins {
  int shift;  // 64 - log2(n), for n >= 2
  std::size_t operator()(std::uint64_t h) const { return static_cast<std::size_t>(h >> shift); }
};

// add_to_sketch's work on a bare array, forced inline: GCC kept add_to_sketch out of line in the
// per-shingle loop, a call, a reload of the sketch's size and data and a return per shingle (6% of
// `parallax dedup` on 10k documents).
template <typename BinOf>
[[gnu::always_inline]] inline void add_to_bins(std::uint32_t* bins, BinOf bin_of, std::uint64_t seed,
                                               std::uint64_t element_hash, std::uint32_t empty_bin) {
  // The bin from the hash's high bits, the value from its low 32 (independent bits of one mix).
  const std::uint64_t h = mix64(element_hash ^ seed);
  const std::size_t bin = bin_of(h);
  const auto value = std::min(static_cast<std::uint32_t>(h), empty_bin - 1);
  bins[bin] = std::min(bins[bin], value);
}

// A bit per bin of bins[0, count), count <= 64, set where the bin is empty. Four bins per SSE2
// compare where there are 64: bit by bit this loop cost as much as the densification itself.
std::uint64_t empty_bins_mask(const std::uint32_t* bins, std::size_t count, std::uint32_t empty_bin) {
  std::uint64_t mask = 0;
#if defined(__SSE2__)
  if (count == 64) {
    const __m128i empty = _mm_set1_epi32(static_cast<int>(empty_bin));
    for (unsigned k = 0; k < 16; ++k) {
      const __m128i four = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bins + 4 * k));
      const auto bits = static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(four, empty))));
      mask |= std::uint64_t{bits} << (4 * k);
    }
    return mask;
  }
#endif
  for (std::size_t bin = 0; bin < count; ++bin) mask |= std::uint64_t{bins[bin] == empty_bin} << bin;
  return mask;
}

// Set bits of x, without the libgcc call that std::popcount becomes on baseline x86-64.
std::size_t bit_count(std::uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return static_cast<std::size_t>((x * 0x0101010101010101ull) >> 56);
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
  add_to_bins(sketch.data(), MultiplyBins{sketch.size()}, seed_, element_hash, kEmptyBin);
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
  empty.resize((n + 63) / 64);
  std::size_t empty_count = 0;
  for (std::size_t word = 0; word < empty.size(); ++word) {
    empty[word] = empty_bins_mask(sig.data() + 64 * word, std::min<std::size_t>(64, n - 64 * word), kEmptyBin);
    empty_count += bit_count(empty[word]);
  }
  if (empty_count == 0 || empty_count == n) return sig;  // nothing to fill, or nothing to borrow
  for (std::size_t word = 0; word < empty.size(); ++word) {
    for (std::uint64_t bits = empty[word]; bits != 0; bits &= bits - 1) {
      const std::size_t bin = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
      sig[bin] = sig[bin_to_borrow_from(bin, empty.data(), n)];
    }
  }
  return sig;
}

std::size_t MinHasher::bin_to_borrow_from(std::size_t bin, const std::uint64_t* empty, std::size_t n) const {
  const auto filled_by_document = [&](std::size_t b) { return ((empty[b / 64] >> (b % 64)) & 1) == 0; };
  // The first filled bin of the bin's sequence, four candidates at a time without a branch among
  // them: a branch per candidate went either way at random (a short text leaves a third of the
  // bins empty, 12% of reading and signing Arabic and Russian documents).
  static_assert(kBorrowAttempts % 4 == 0);
  const std::uint16_t* const sequence = &borrow_from_[bin * kBorrowAttempts];
  for (std::size_t attempt = 0; attempt < kBorrowAttempts; attempt += 4) {
    unsigned filled = 0;
    for (unsigned k = 0; k < 4; ++k) filled |= unsigned{filled_by_document(sequence[attempt + k])} << k;
    if (filled != 0) return sequence[attempt + static_cast<std::size_t>(std::countr_zero(filled))];
  }
  // After kBorrowAttempts misses (only for sets far smaller than the signature), walk on.
  for (std::size_t attempt = kBorrowAttempts;; ++attempt)
    if (filled_by_document((bin + attempt) % n)) return (bin + attempt) % n;
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

// Adds every shingle of a text (as its words' hashes) to the bins. Two-word shingles (the
// default) in a loop of their own: one rotate and one xor per key, where the general loop runs an
// inner loop over the shingle's words for each key.
#if defined(PARALLAX_AVX512_SHINGLES)
bool has_avx512_multiply() {
  static const bool has = CPU_FEATURE_ACTIVE(AVX512F) && CPU_FEATURE_ACTIVE(AVX512DQ);
  return has;
}

// GCC 12 warns that its own AVX-512 intrinsics read an undefined vector (its bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// add_shingles_to_bins for two-word shingles, eight keys mixed at a time: mix64's two 64-bit
// multiplies per shingle were most of the sketch's time, and baseline x86-64 has no vector form
// of them. The same keys, mixes, bins and values as the scalar loop, bin by bin in the same order.
__attribute__((target("avx512f,avx512dq"))) void add_two_word_shingles_avx512(const std::uint64_t* w,
                                                                              std::size_t shingles,
                                                                              std::uint32_t* bins, ShiftBins bin_of,
                                                                              std::uint64_t seed,
                                                                              std::uint32_t empty_bin) {
  const __m512i seeds = _mm512_set1_epi64(static_cast<long long>(seed));
  const __m512i multiplier1 = _mm512_set1_epi64(static_cast<long long>(0xbf58476d1ce4e5b9ull));
  const __m512i multiplier2 = _mm512_set1_epi64(static_cast<long long>(0x94d049bb133111ebull));
  alignas(64) std::uint64_t mixed[8];
  std::size_t i = 0;
  for (; i + 8 <= shingles; i += 8) {
    const __m512i first = _mm512_loadu_si512(w + i), second = _mm512_loadu_si512(w + i + 1);
    __m512i z = _mm512_xor_si512(_mm512_xor_si512(_mm512_rol_epi64(first, 21), second), seeds);  // key ^ seed
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), multiplier1);
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), multiplier2);
    _mm512_store_si512(mixed, _mm512_xor_si512(z, _mm512_srli_epi64(z, 31)));
    for (const std::uint64_t h : mixed) {
      const std::size_t bin = bin_of(h);
      bins[bin] = std::min(bins[bin], std::min(static_cast<std::uint32_t>(h), empty_bin - 1));
    }
  }
  for (; i < shingles; ++i) add_to_bins(bins, bin_of, seed, std::rotl(w[i], 21) ^ w[i + 1], empty_bin);
}
#pragma GCC diagnostic pop
#endif

template <typename BinOf>
void add_shingles_to_bins(const std::vector<std::uint64_t>& word_hashes, int shingle_size, std::uint32_t* bins,
                          BinOf bin_of, std::uint64_t seed, std::uint32_t empty_bin) {
#if defined(PARALLAX_AVX512_SHINGLES)
  if constexpr (std::is_same_v<BinOf, ShiftBins>) {
    if (shingle_size == 2 && word_hashes.size() >= 2 && has_avx512_multiply())
      return add_two_word_shingles_avx512(word_hashes.data(), word_hashes.size() - 1, bins, bin_of, seed, empty_bin);
  }
#endif
  if (shingle_size == 2 && word_hashes.size() >= 2) {
    const std::uint64_t* const w = word_hashes.data();
    for (std::size_t i = 0; i + 1 < word_hashes.size(); ++i)
      add_to_bins(bins, bin_of, seed, std::rotl(w[i], 21) ^ w[i + 1], empty_bin);  // as for_each_shingle_hash
    return;
  }
  for_each_shingle_hash(word_hashes, shingle_size,
                        [&](std::uint64_t h) { add_to_bins(bins, bin_of, seed, h, empty_bin); });
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
  if (n >= 2 && std::has_single_bit(n))
    add_shingles_to_bins(word_hashes, params_.shingle_size, bins, ShiftBins{64 - std::countr_zero(n)}, seed_, kEmptyBin);
  else
    add_shingles_to_bins(word_hashes, params_.shingle_size, bins, MultiplyBins{n}, seed_, kEmptyBin);
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
