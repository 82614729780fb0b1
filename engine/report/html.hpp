#pragma once
// Helpers shared by the HTML renderers.
#include <string>
#include <string_view>

namespace parallax {

// Escapes &, <, > and " so any text (titles, claims, ids) is safe in element content and in
// double-quoted attribute values.
std::string escape_html(std::string_view text);

}  // namespace parallax
