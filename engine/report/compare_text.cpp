// Terminal rendering: two columns per aligned pair, wrapped to the terminal width. Column widths
// count what a terminal shows: combining marks (Arabic tashkeel) take no column, East Asian wide
// characters take two.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <sstream>

#include "core/rethrowing_streams.hpp"
#include "report/compare_layout.hpp"
#include "report/compare_report.hpp"
#include "report/safe_text.hpp"

namespace parallax {

namespace {

int display_width(std::string_view s) {
  int width = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, length, c);
    if (c < 0) {
      ++width;
      continue;
    }
    const auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
      continue;
    const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

// Greedy word wrap to `width` columns; a word longer than a line gets a line of its own.
std::vector<std::string> wrap(const std::string& text, int width) {
  std::vector<std::string> lines;
  InputText words(text);
  std::string word, line;
  int line_width = 0;
  while (words >> word) {
    const int w = display_width(word);
    if (!line.empty() && line_width + 1 + w > width) {
      lines.push_back(line);
      line.clear();
      line_width = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += w;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// First-strong isolate ... pop directional isolate (U+2068 ... U+2069): a bidi terminal lays out
// an Arabic run inside its own box, so it cannot reorder the columns and separators around it.
// The marks are format characters: display_width counts them as nothing.
std::string isolate(const std::string& s) { return s.empty() ? s : "\u2068" + s + "\u2069"; }

std::string pad(const std::string& s, int width) {
  const int missing = width - display_width(s);
  return missing > 0 ? s + std::string(missing, ' ') : s;
}

std::string format_score(double v) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

void two_columns(std::ostringstream& out, const std::vector<std::string>& left,
                 const std::vector<std::string>& right, int column) {
  for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
    const std::string l = i < left.size() ? left[i] : "";
    const std::string r = i < right.size() ? right[i] : "";
    out << "  " << pad(isolate(l), column) << " | " << isolate(r) << "\n";
  }
}

std::vector<std::string> claim_cell(const Claim& c, int column) {
  std::vector<std::string> cell = wrap(terminal_safe(c.id + " [" + speaker_label(c) + "]"), column);
  for (auto& line : wrap(terminal_safe(c.text), column)) cell.push_back(std::move(line));
  return cell;
}

}  // namespace

std::string render_compare_text(const CompareResult& r, int total_width) {
  const int column = std::max(20, (total_width - 5) / 2);
  const CompareLayout layout = layout_compare(r);
  OutputText out;
  out << "parallax compare: " << r.documents.size() << " documents, by " << to_string(r.options.by)
      << ", " << r.sides.size() << " sides, " << r.claims.size() << " claims, "
      << r.alignments.size() << " aligned pairs (" << label_counts(r) << "), "
      << r.unaligned.size() << " on one side only\n";
  if (const std::string copies = copies_note(r); !copies.empty())
    out << "near-duplicate copies, counted once: " << copies << "\n";
  for (const SidePairSection& section : layout.sections) {
    out << "\n=== " << isolate(r.sides[section.left_side]) << "  <->  " << isolate(r.sides[section.right_side])
        << " ===\n";
    for (const Alignment* a : section.alignments) {
      out << "\n[" << to_string(a->judgement.label) << " " << format_score(a->similarity)
          << (a->covers_several ? ", covers several" : "") << "]";
      for (const std::string& reason : a->judgement.reasons) out << " " << reason << ";";
      out << "\n";
      two_columns(out, claim_cell(r.claims[a->left], column), claim_cell(r.claims[a->right], column),
                  column);
    }
  }
  for (std::size_t side = 0; side < layout.only_in.size(); ++side) {
    if (layout.only_in[side].empty()) continue;
    out << "\n=== only in " << isolate(r.sides[side]) << " (" << layout.only_in[side].size() << ") ===\n";
    for (std::size_t c : layout.only_in[side]) {
      const Claim& claim = r.claims[c];
      out << "  " << isolate(terminal_safe(claim.id)) << " [" << isolate(terminal_safe(speaker_label(claim))) << "] "
          << isolate(terminal_safe(claim.text)) << "\n";
    }
  }
  return out.str();
}

}  // namespace parallax
