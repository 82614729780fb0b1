#pragma once
// Abbreviations after which a period does not end a sentence (text/segment.hpp's sentence spans).
#include <string_view>

namespace parallax {

// True when the word, as written (not normalized: case matters), is one of the abbreviations
// ("Mr", "Dr", "Gen", "Feb", "проф") whose period does not end a sentence.
bool is_abbreviation(std::string_view word);

}  // namespace parallax
