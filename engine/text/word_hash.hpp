#pragma once
// The 64-bit hash of a matching word (MinHash shingles are built from these). Words are short:
// xxh3 picks its code path by length, and with word lengths varying at random that branch
// mispredicted on most words (40% of reading English). Up to 16 bytes this is one 128-bit
// multiply over the word's bytes as two masked 64-bit loads (wyhash's mixing), with no branch on
// the length; longer words go to xxh3.
#include <cstdint>
#include <cstring>
#include <string_view>

#include <xxhash.h>

namespace parallax {

// At least this many bytes must be readable from the start of a word passed to
// word_hash_padded (the bytes past the word are ignored).
inline constexpr std::size_t kWordHashPadding = 16;

namespace word_hash_detail {

// The bytes of a word of `length` bytes (up to 16) in its first and second 64-bit load. Masks
// from a table, not from expressions on the length: GCC compiled those into three branches on the
// length (> 7, == 8, == 16), which go either way at random from word to word.
struct LoadMasks {
  std::uint64_t low[17];
  std::uint64_t high[17];
};

constexpr LoadMasks make_load_masks() {
  LoadMasks m{};
  for (std::size_t length = 0; length <= 16; ++length) {
    m.low[length] = length >= 8 ? ~std::uint64_t{0} : ~(~std::uint64_t{0} << (8 * length));
    m.high[length] = length <= 8 ? 0 : (length == 16 ? ~std::uint64_t{0} : ~(~std::uint64_t{0} << (8 * (length - 8))));
  }
  return m;
}

inline constexpr LoadMasks kLoadMasks = make_load_masks();

}  // namespace word_hash_detail

inline std::uint64_t word_hash_padded(const char* word, std::size_t length) {
  if (length > 16) return XXH3_64bits(word, length);
  std::uint64_t low, high;
  std::memcpy(&low, word, 8);
  std::memcpy(&high, word + 8, 8);
  const std::uint64_t low_mask = word_hash_detail::kLoadMasks.low[length];
  const std::uint64_t high_mask = word_hash_detail::kLoadMasks.high[length];
  const unsigned __int128 product =
      static_cast<unsigned __int128>((low & low_mask) ^ 0xa0761d6478bd642full ^ length) *
      ((high & high_mask) ^ 0xe7037ed1a0b428dbull);
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

inline std::uint64_t word_hash(std::string_view word) {
  if (word.size() > 16) return XXH3_64bits(word.data(), word.size());
  char padded[kWordHashPadding] = {};
  std::memcpy(padded, word.data(), word.size());
  return word_hash_padded(padded, word.size());
}

}  // namespace parallax
