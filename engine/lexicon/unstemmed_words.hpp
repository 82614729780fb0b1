#pragma once
// Arabic words the light stemmer (text/stem.hpp) keeps whole: names and frequent news words that
// its prefix and suffix stripping would mangle.
#include <string_view>

namespace parallax {

// True when the normalized Arabic word is kept whole by the light stemmer.
bool is_unstemmed_arabic_word(std::string_view normalized_word);

}  // namespace parallax
