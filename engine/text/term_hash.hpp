#pragma once
// The 64-bit key of a term (a stem, a concept key, a name key): xxh3. TF-IDF counts terms by it,
// and the analyzer hashes each remembered word's terms once with the same function.
#include <cstdint>
#include <string_view>

#include <xxhash.h>

namespace parallax {

inline std::uint64_t term_hash(std::string_view term) { return XXH3_64bits(term.data(), term.size()); }

}  // namespace parallax
