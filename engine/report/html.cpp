#include "report/html.hpp"

namespace parallax {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string document_anchor(std::string_view document_id) {
  std::string id = "doc-";
  for (char ch : document_id) id += (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') ? '_' : ch;
  return escape_html(id);
}

}  // namespace parallax
