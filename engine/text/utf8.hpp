#pragma once
// Internal to the text module: small UTF-8 helpers over ICU's macros, so that every pass walks
// code points the same way (ill-formed bytes read as U+FFFD).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parallax::utf8 {

// The code point starting at byte offset i; advances i past it.
inline UChar32 next(std::string_view s, std::size_t& i) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  UChar32 c;
  U8_NEXT_OR_FFFD(bytes, i, s.size(), c);
  return c;
}

// Byte offset of the code point that ends at byte offset i (i > 0).
inline std::size_t previous_boundary(std::string_view s, std::size_t i) {
  do {
    --i;
  } while (i > 0 && U8_IS_TRAIL(s[i]));
  return i;
}

inline void append(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  std::size_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, length);
}

inline std::size_t count_code_points(std::string_view s) {
  std::size_t count = 0;
  for (char byte : s) count += !U8_IS_TRAIL(byte);
  return count;
}

// Whitespace and the invisible format marks (bidi marks, zero-width joiners, BOM) that news text
// carries around sentence edges.
inline bool is_space_or_mark(UChar32 c) {
  return u_isUWhiteSpace(c) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF;
}

}  // namespace parallax::utf8
