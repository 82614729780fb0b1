#pragma once
// Renderers for `parallax compare` results. Every format shows the claims' original text (Arabic
// stays Arabic, in UTF-8), each aligned pair with its score, label and reasons, and the claims
// found on one side only. The JSON schema is documented in docs/claims.md.
#include <string>

#include "diff/compare.hpp"

namespace parallax {

class JsonWriter;

inline constexpr int kCompareSchemaVersion = 2;

// Versioned JSON (schema_version kCompareSchemaVersion), pretty-printed as `compare --format json`.
std::string render_compare_json(const CompareResult& result);
// The same object through `writer`, in its layout (the report embeds it compact).
void write_compare_json(JsonWriter& writer, const CompareResult& result);
// Terminal text: aligned side-by-side columns; total_width is the terminal width in columns.
std::string render_compare_text(const CompareResult& result, int total_width = 120);
// Markdown tables, one per pair of sides.
std::string render_compare_markdown(const CompareResult& result);
// One self-contained HTML page (inline CSS, no scripts); each claim carries dir="rtl" or
// dir="auto" so Arabic reads right to left beside English or Russian.
std::string render_compare_html(const CompareResult& result);

// The same two as parts of a larger document (`parallax report`): everything under the title,
// the title's own level being `level` (headings start at level + 1).
std::string render_compare_markdown_section(const CompareResult& result, int level);
// link_documents: each claim's id links to its document's row (report/html document_anchor).
std::string render_compare_html_section(const CompareResult& result, int level, bool link_documents);
// The CSS the compare HTML uses.
const char* compare_html_style();

}  // namespace parallax
