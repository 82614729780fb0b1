#pragma once
// Text normalization for matching: ICU NFKC with case folding, then Arabic orthographic
// normalization. The result is used for matching only; reports show the original text.
#include <string>
#include <string_view>

namespace parallax {

// NFKC + case folding + Arabic normalization (see normalize_arabic); also Arabic-Indic and Persian
// digits as ASCII digits and the typographic apostrophe ’ as ', which NFKC keeps. Invalid UTF-8 is
// replaced with U+FFFD rather than failing: validation happens at ingest.
std::string normalize_for_matching(std::string_view utf8);

// Arabic orthographic normalization only: drops tashkeel (U+064B..U+0652, U+0670) and tatweel
// (U+0640); unifies alef variants (أ إ آ ٱ) to ا, ى to ي, ة to ه, ؤ to و, ئ to ي.
std::string normalize_arabic(std::string_view utf8);

}  // namespace parallax
