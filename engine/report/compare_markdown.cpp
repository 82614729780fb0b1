#include <cstdio>
#include <sstream>

#include "core/rethrowing_streams.hpp"
#include "report/compare_layout.hpp"
#include "report/compare_report.hpp"
#include "report/safe_text.hpp"

namespace parallax {

namespace {

// Table cells: pipes escaped, line breaks flattened.
// One table cell: markdown_safe (no markup, no line break), and | escaped.
std::string cell(const std::string& text) {
  std::string out;
  for (char ch : markdown_safe(text)) {
    if (ch == '|') {
      out += "\\|";
    } else {
      out += ch;
    }
  }
  return out;
}

std::string claim_cell(const Claim& c) {
  return "**" + cell(c.id) + "** (" + cell(speaker_label(c)) + ")<br>" + cell(c.text);
}

}  // namespace

std::string render_compare_markdown_section(const CompareResult& r, int level) {
  const CompareLayout layout = layout_compare(r);
  const std::string h2(static_cast<std::size_t>(level + 1), '#');
  OutputText out;
  out << r.documents.size() << " documents, compared by " << to_string(r.options.by) << ": "
      << r.claims.size() << " claims, " << r.alignments.size() << " aligned pairs ("
      << label_counts(r) << "), " << r.unaligned.size() << " on one side only.\n";
  if (const std::string copies = copies_note(r); !copies.empty())
    out << "\nNear-duplicate copies, counted once: " << cell(copies) << ".\n";
  // Topics are the unit: the claims the sides' accounts share, conflicts first.
  const std::vector<TopicSection> topics = topic_sections(r);
  if (!topics.empty()) out << "\n" << h2 << " Topics the sides share\n";
  const std::string h3(static_cast<std::size_t>(level + 2), '#');
  for (std::size_t k = 0; k < topics.size(); ++k) {
    const TopicSection& topic = topics[k];
    out << "\n" << h3 << " Topic " << k + 1 << ": " << cell(topic_sides(r, *topic.topic)) << " ("
        << topic_counts(*topic.topic) << ")\n\n| label | score | claim | claim | why |\n|---|---|---|---|---|\n";
    for (const Alignment* a : topic.alignments) {
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", a->similarity);
      std::string why;
      for (const auto& reason : a->judgement.reasons) why += (why.empty() ? "" : "; ") + reason;
      if (a->covers_several) why += std::string(why.empty() ? "" : "; ") + "covers several";
      out << "| " << to_string(a->judgement.label) << " | " << score << " | "
          << claim_cell(r.claims[a->left]) << " | " << claim_cell(r.claims[a->right]) << " | "
          << cell(why) << " |\n";
    }
  }
  for (std::size_t side = 0; side < layout.only_in.size(); ++side) {
    if (layout.only_in[side].empty()) continue;
    out << "\n" << h2 << " Only in " << cell(r.sides[side]) << "\n\n";
    for (std::size_t c : layout.only_in[side]) {
      const Claim& claim = r.claims[c];
      out << "- **" << claim.id << "** (" << speaker_label(claim) << ") " << cell(claim.text)
          << "\n";
    }
  }
  return out.str();
}

std::string render_compare_markdown(const CompareResult& r) {
  return "# Claim comparison\n\n" + render_compare_markdown_section(r, 1);
}

}  // namespace parallax
