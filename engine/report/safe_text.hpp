#pragma once
// Text from a corpus made safe for where a report puts it. A title may hold anything a web page
// held: terminal escape sequences (ESC [ ... that recolour or clear a terminal), HTML tags, line
// breaks that would end a Markdown table row.
#include <string>
#include <string_view>

namespace parallax {

// For one line on a terminal: tabs and line breaks become spaces, other control characters (C0,
// DEL, C1) U+FFFD, so an escape sequence is shown, not obeyed.
std::string terminal_safe(std::string_view text);

// For one line of Markdown: line breaks become spaces, and &, < and > become entities so that no
// tag in a title reaches a renderer as markup.
std::string markdown_safe(std::string_view text);

}  // namespace parallax
