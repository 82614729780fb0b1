#include "io/utf8_validation.hpp"

#include <simdjson.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace parallax {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the well-formed sequence starting at `bytes[at]`, or 0 when it is ill-formed.
std::size_t well_formed_length(std::string_view bytes, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[at + i]); };
  const std::size_t left = bytes.size() - at;
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;

  std::size_t length = 0;
  unsigned char second_min = 0x80,
                second_max = 0xBF;  // the second byte's range depends on the lead
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // overlong
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // overlong
    if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (left < length || byte(1) < second_min || byte(1) > second_max) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!is_continuation(byte(i))) return 0;
  }
  return length;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
  // The SIMD check runs at memory speed; the byte-by-byte walk only runs to locate an error.
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) return std::nullopt;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const std::size_t length = well_formed_length(bytes, at);
    if (length == 0) return at;
    at += length;
  }
  return std::nullopt;
}

bool is_blank_text(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t at = 0;
  while (at < text.size()) {
    // Decode from a window of at most one code point so offsets never overflow ICU's int32.
    const auto window =
        static_cast<std::int32_t>(std::min<std::size_t>(U8_MAX_LENGTH, text.size() - at));
    std::int32_t used = 0;
    UChar32 code_point = 0;
    U8_NEXT(bytes + at, used, window, code_point);
    if (!u_isUWhiteSpace(code_point) && u_charType(code_point) != U_FORMAT_CHAR) return false;
    at += static_cast<std::size_t>(used);
  }
  return true;
}

}  // namespace parallax
