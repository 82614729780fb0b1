#include "report/safe_text.hpp"

namespace parallax {

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n' || c == '\r') {  // one line: a line break in a title ends nothing
      out += ' ';
      continue;
    }
    const bool c0 = c < 0x20 || c == 0x7F;
    // C1 controls are U+0080..U+009F, two bytes in UTF-8: C2 80..C2 9F.
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c0 || c1) {
      out += "\uFFFD";
      if (c1) ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string markdown_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : terminal_safe(text)) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\n':
      case '\r': out += ' '; break;
      default: out += ch;
    }
  }
  return out;
}

}  // namespace parallax
