#pragma once
// Helpers shared by the HTML renderers.
#include <string>
#include <string_view>

namespace parallax {

// Escapes &, <, > and " so any text (titles, claims, ids) is safe in element content and in
// double-quoted attribute values.
std::string escape_html(std::string_view text);

// The fragment id of a document's row in a report ("doc-" + its id, white space as '_', HTML-escaped),
// the same in the row's id and in the links to it, whatever the id holds.
std::string document_anchor(std::string_view document_id);

}  // namespace parallax
