#pragma once
// UTF-8 checks shared by the JSONL and plain-text readers.
#include <cstddef>
#include <optional>
#include <string_view>

namespace parallax {

// Offset of the first byte of the first ill-formed UTF-8 sequence in `bytes` (Unicode table 3-7:
// no overlong forms, no surrogates, nothing above U+10FFFF), or nullopt when all of it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// True when valid UTF-8 `text` holds nothing a reader can see: only white space and invisible
// format characters (e.g. U+200F RIGHT-TO-LEFT MARK, U+FEFF), or nothing at all.
bool is_blank_text(std::string_view text);

}  // namespace parallax
