#include <cctype>
#include <cstdio>
#include <set>
#include <sstream>

#include "core/rethrowing_streams.hpp"
#include "report/compare_layout.hpp"
#include "report/compare_report.hpp"
#include "report/html.hpp"

namespace parallax {

namespace {

constexpr const char* kStyle = R"(
body { font-family: system-ui, "Noto Sans", "Noto Naskh Arabic", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
th, td { border: 1px solid #ccc; padding: 0.5em; vertical-align: top; }
th { background: #f4f4f4; }
td.claim { width: 42%; }
.meta { color: #666; font-size: 0.85em; display: block; }
.agree { background: #e8f6e8; }
.conflict { background: #fbe4e4; }
.related { background: #f6f6f6; }
.label { font-weight: bold; white-space: nowrap; }
mark { background: #ffd27a; }
.counts { font-weight: normal; color: #666; font-size: 0.85em; }
section.topic table { margin-bottom: 1.2em; }
)";

// Arabic claims get dir="rtl" outright; others dir="auto" (the browser picks by the first
// strong letter), so a mixed page reads correctly in every cell.
std::string direction(const Claim& c) { return c.lang == "ar" || c.lang == "fa" || c.lang == "he" ? "rtl" : "auto"; }

// A word as compared: lower case (ASCII), without surrounding punctuation.
std::string bare(const std::string& word) {
  std::size_t b = 0, e = word.size();
  while (b < e && std::ispunct(static_cast<unsigned char>(word[b]))) ++b;
  while (e > b && std::ispunct(static_cast<unsigned char>(word[e - 1]))) --e;
  std::string out = word.substr(b, e - b);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::set<std::string> bare_words(const std::string& text) {
  std::set<std::string> words;
  InputText in(text);
  for (std::string w; in >> w;)
    if (!bare(w).empty()) words.insert(bare(w));
  return words;
}

// The text with the words its partner lacks marked: in a conflict between two claims of one
// language, where the accounts differ ("rose" / "fell", "five" / "three").
std::string marked_text(const std::string& text, const std::set<std::string>& partner_words) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::string word = text.substr(at, space == std::string::npos ? std::string::npos : space - at);
    const std::string key = bare(word);
    out += !key.empty() && !partner_words.count(key) ? "<mark>" + escape_html(word) + "</mark>" : escape_html(word);
    if (space == std::string::npos) break;
    out += ' ';
    at = space + 1;
  }
  return out;
}

// "outlet, date" of the claim's document, linked to its url: where a reader can check it.
std::string provenance(const CompareResult& r, const Claim& c) {
  const CompareDocument& d = r.documents.at(c.document_index);
  std::string text = d.source;
  if (!d.date.empty()) text += (text.empty() ? "" : ", ") + d.date;
  if (text.empty()) return "";
  const std::string shown = "<bdi>" + escape_html(text) + "</bdi>";
  return " · " + (d.url.empty() ? shown : "<a href=\"" + escape_html(d.url) + "\">" + shown + "</a>");
}

// link_document: the claim's id links to its document's row in the report's coverage table.
std::string claim_html(const CompareResult& r, const Claim& c, const char* tag, const char* css_class,
                       bool link_document, const Claim* conflicting = nullptr) {
  OutputText out;
  out << "<" << tag << " class=\"" << css_class << "\" lang=\"" << escape_html(c.lang) << "\" dir=\""
      << direction(c) << "\"><span class=\"meta\" dir=\"ltr\">"
      << (link_document ? "<a href=\"#" + document_anchor(r.documents.at(c.document_index).id) + "\">" + escape_html(c.id) + "</a>"
                        : escape_html(c.id))
      << " · "
      << escape_html(speaker_label(c));
  if (c.has_cue) out << " · cue: <bdi>" << escape_html(c.cue.text) << "</bdi>";
  out << provenance(r, c);
  out << "</span>"
      << (conflicting && conflicting->lang == c.lang ? marked_text(c.text, bare_words(conflicting->text)) : escape_html(c.text))
      << "</" << tag << ">";
  return out.str();
}

}  // namespace

const char* compare_html_style() { return kStyle; }

std::string render_compare_html_section(const CompareResult& r, int level, bool link_documents) {
  const CompareLayout layout = layout_compare(r);
  const std::string h = "h" + std::to_string(level), h2 = "h" + std::to_string(level + 1);
  OutputText out;
  out << "<p>" << r.documents.size() << " documents, compared by "
      << to_string(r.options.by) << ": " << r.claims.size() << " claims, " << r.alignments.size()
      << " aligned pairs (" << label_counts(r) << "), " << r.unaligned.size()
      << " on one side only.</p>\n";
  if (const std::string copies = copies_note(r); !copies.empty())
    out << "<p class=\"copies\">Near-duplicate copies, counted once: <bdi>" << escape_html(copies) << "</bdi></p>\n";
  // Topics are the unit: the claims the sides' accounts share, conflicts first. Each row's claims
  // name their speaker, since one topic may hold more than two sides.
  const std::vector<TopicSection> topics = topic_sections(r);
  if (!topics.empty()) out << "<" << h2 << ">Topics the sides share</" << h2 << ">\n";
  const std::string h3 = "h" + std::to_string(level + 2);
  for (std::size_t k = 0; k < topics.size(); ++k) {
    const TopicSection& topic = topics[k];
    out << "<section class=\"topic\">\n<" << h3 << ">Topic " << k + 1 << ": <bdi>"
        << escape_html(topic_sides(r, *topic.topic)) << "</bdi> <span class=\"counts\">(" << topic_counts(*topic.topic)
        << ")</span></" << h3 << ">\n<table>\n<tr><th>label</th><th>claim</th><th>claim</th></tr>\n";
    for (const Alignment* a : topic.alignments) {
      const char* label = to_string(a->judgement.label);
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", a->similarity);
      out << "<tr class=\"" << label << "\"><td><span class=\"label\">" << label << "</span> "
          << score;
      for (const auto& reason : a->judgement.reasons) out << "<br>" << escape_html(reason);
      if (a->covers_several) out << "<br>covers several";
      const bool conflict = a->judgement.label == PairLabel::Conflict;
      const Claim& left = r.claims[a->left];
      const Claim& right = r.claims[a->right];
      out << "</td>" << claim_html(r, left, "td", "claim", link_documents, conflict ? &right : nullptr)
          << claim_html(r, right, "td", "claim", link_documents, conflict ? &left : nullptr) << "</tr>\n";
    }
    out << "</table>\n</section>\n";
  }
  for (std::size_t side = 0; side < layout.only_in.size(); ++side) {
    if (layout.only_in[side].empty()) continue;
    out << "<" << h2 << ">Only in <bdi>" << escape_html(r.sides[side]) << "</bdi></" << h2 << ">\n<ul>\n";
    for (std::size_t c : layout.only_in[side]) {
      out << claim_html(r, r.claims[c], "li", "only", link_documents) << "\n";
    }
    out << "</ul>\n";
  }
  return out.str();
}

std::string render_compare_html(const CompareResult& r) {
  OutputText out;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>parallax compare</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<h1>Claim comparison</h1>\n"
      << render_compare_html_section(r, 1, false) << "</body>\n</html>\n";
  return out.str();
}

}  // namespace parallax
