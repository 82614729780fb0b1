#pragma once
// The MinHash signature of a document's text, as near-duplicate search compares documents: the
// matching words (normalized, not stemmed, stop words kept: copies repeat exact wording) of the
// title and then the text, read by MatchWordReader, shingled and signed by a MinHasher. One
// function for the corpus engine and for callers that sign texts themselves (the C ABI's
// parallax_engine_text_signature, the Dask driver's workers).
#include <cstdint>
#include <string_view>

#include "features/minhash.hpp"
#include "text/match_words.hpp"

namespace parallax {

// Empty when the title and text have no word at all. When shingle_count is not null it receives
// the number of distinct shingles (saturating at 2^32 - 1), what partial copies are measured by.
MinHashSignature text_signature(const MinHasher& hasher, MatchWordReader& reader, std::string_view title,
                                std::string_view text, std::uint32_t* shingle_count = nullptr);

}  // namespace parallax
