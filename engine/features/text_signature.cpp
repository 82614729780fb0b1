#include "features/text_signature.hpp"

#include <algorithm>
#include <vector>

namespace parallax {

MinHashSignature text_signature(const MinHasher& hasher, MatchWordReader& reader, std::string_view title,
                                std::string_view text, std::uint32_t* shingle_count) {
  thread_local std::vector<std::uint64_t> word_hashes;
  word_hashes.clear();
  reader.append_word_hashes(title, word_hashes);
  reader.append_word_hashes(text, word_hashes);
  if (word_hashes.empty()) return {};
  if (shingle_count)
    *shingle_count = static_cast<std::uint32_t>(
        std::min<std::size_t>(distinct_shingle_count(word_hashes, hasher.params().shingle_size), 0xffffffffu));
  return hasher.signature_of_words(word_hashes);
}

}  // namespace parallax
