#include "report/event_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <tuple>

#include "report/compare_report.hpp"
#include "report/html.hpp"
#include "report/safe_text.hpp"

namespace parallax {
namespace {

using json = nlohmann::ordered_json;

struct Counts {
  std::size_t conflicts = 0, agreements = 0;
};

Counts counts_of(const EventComparison& c) {
  Counts n;
  if (!c.result) return n;
  for (const Alignment& a : c.result->alignments) {
    n.conflicts += a.judgement.label == PairLabel::Conflict;
    n.agreements += a.judgement.label == PairLabel::Agree;
  }
  return n;
}

// The event's members by date (undated last), then input order: how the coverage unfolded.
std::vector<std::size_t> timeline(const CorpusEngine& engine, const EventCluster& c) {
  std::vector<std::size_t> members = c.members;
  std::stable_sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
    const auto& dx = engine.document(x).date_days;
    const auto& dy = engine.document(y).date_days;
    return std::make_tuple(!dx.has_value(), dx.value_or(0)) < std::make_tuple(!dy.has_value(), dy.value_or(0));
  });
  return members;
}

// "copy of X" for a member the comparison counted once, else "".
std::string copy_note(const EventComparison& c, const std::string& id) {
  if (!c.result) return "";
  for (const CompareDocument& d : c.result->documents)
    if (d.id == id && d.copy_of) return "copy of " + *d.copy_of;
  return "";
}

// ---- JSON -----------------------------------------------------------------------------------

void render_json(const CorpusEngine& engine, const std::vector<EventComparison>& comparisons,
                 const EventReportContext& ctx, std::ostream& out) {
  // Written event by event: a large corpus's report is never one JSON tree in memory.
  const json head = {{"schema_version", kReportSchemaVersion},
                     {"command", "report"},
                     {"by", ctx.by},
                     {"input", {{"documents", engine.size()}, {"rejected", ctx.rejected_records}}}};
  std::string text = head.dump(2);
  text.erase(text.find_last_of('}'));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  out << text << ",\n  \"events\": [";
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    const EventComparison& c = comparisons[i];
    json event = json::parse(event_json(engine, c.event));
    const Counts n = counts_of(c);
    event["conflicts"] = n.conflicts;
    event["agreements"] = n.agreements;
    event["comparison"] = c.result ? json::parse(render_compare_json(*c.result)) : json(nullptr);
    event["comparison_note"] = c.result ? json(nullptr) : json(c.note);
    out << (i ? "," : "") << "\n    " << event.dump();
  }
  out << (comparisons.empty() ? "]" : "\n  ]") << ",\n  \"translations\": " << translations_json(engine) << "\n}\n";
}

// ---- Markdown -------------------------------------------------------------------------------

std::string md_cell(const std::string& s) {
  std::string out;
  for (char ch : markdown_safe(s)) {
    if (ch == '|') out += "\\|";
    else out += ch;
  }
  return out;
}

void render_markdown(const CorpusEngine& engine, const std::vector<EventComparison>& comparisons,
                     const EventReportContext& ctx, std::ostream& out) {
  const auto& events = engine.event_clusters();
  out << "# parallax report\n\n" << engine.size() << " documents (" << ctx.rejected_records << " rejected), "
      << events.size() << " events; claims compared by " << ctx.by << ", events with conflicts first.\n\n"
      << "| event | dates | languages | documents | conflicts | agreements |\n|---|---|---|---|---|---|\n";
  for (const EventComparison& c : comparisons) {
    const EventCluster& e = events[c.event];
    const Counts n = counts_of(c);
    out << "| [" << md_cell(e.label) << "](#event-" << c.event << ") | " << date_range(e) << " | "
        << join(e.languages, ", ") << " | " << e.members.size() << " | " << n.conflicts << " | " << n.agreements << " |\n";
  }
  for (const EventComparison& c : comparisons) {
    const EventCluster& e = events[c.event];
    out << "\n<a id=\"event-" << c.event << "\"></a>\n\n## Event " << c.event << ": " << md_cell(e.label) << "\n\n"
        << date_range(e) << (e.first_date_days ? "; " : "") << "languages: " << join(e.languages, ", ")
        << "; sources: " << md_cell(join(e.sources, ", ")) << "\n\n| date | source | lang | title | note |\n|---|---|---|---|---|\n";
    for (std::size_t m : timeline(engine, e)) {
      const DocumentRecord& d = engine.document(m);
      const std::string title = d.title.empty() ? d.id : d.title;
      out << "| " << d.date << " | " << md_cell(d.source) << " | " << d.lang << " | "
          << (d.url.empty() ? md_cell(title) : "[" + md_cell(title) + "](" + d.url + ")") << " | "
          << copy_note(c, d.id) << " |\n";
    }
    out << "\n### Who said what\n\n";
    if (c.result) {
      out << render_compare_markdown_section(*c.result, 3);
    } else {
      out << "Not compared: " << c.note << ".\n";
    }
  }
}

// ---- HTML -----------------------------------------------------------------------------------

constexpr const char* kReportStyle = R"(
nav table td, nav table th { font-size: 0.95em; }
section.event { border-top: 3px solid #888; margin-top: 2.5em; padding-top: 0.5em; }
.coverage td { font-size: 0.9em; }
.conflicts { color: #a00; font-weight: bold; }
@media print { section.event { page-break-before: always; } }
)";

void render_html(const CorpusEngine& engine, const std::vector<EventComparison>& comparisons,
                 const EventReportContext& ctx, std::ostream& out) {
  const auto& events = engine.event_clusters();
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>parallax report</title>\n"
      << "<style>" << compare_html_style() << kReportStyle << "</style>\n</head>\n<body>\n<h1>parallax report</h1>\n<p>"
      << engine.size() << " documents (" << ctx.rejected_records << " rejected), " << events.size()
      << " events; claims compared by " << escape_html(ctx.by) << "; events with conflicts first.</p>\n"
      << "<nav><table>\n<tr><th>event</th><th>dates</th><th>languages</th><th>documents</th><th>conflicts</th><th>agreements</th></tr>\n";
  for (const EventComparison& c : comparisons) {
    const EventCluster& e = events[c.event];
    const Counts n = counts_of(c);
    out << "<tr><td><a href=\"#event-" << c.event << "\"><bdi>" << escape_html(e.label) << "</bdi></a></td><td>"
        << date_range(e) << "</td><td>" << escape_html(join(e.languages, ", ")) << "</td><td>" << e.members.size()
        << "</td><td" << (n.conflicts ? " class=\"conflicts\"" : "") << ">" << n.conflicts << "</td><td>" << n.agreements
        << "</td></tr>\n";
  }
  out << "</table></nav>\n";
  for (const EventComparison& c : comparisons) {
    const EventCluster& e = events[c.event];
    out << "<section class=\"event\" id=\"event-" << c.event << "\">\n<h2>Event " << c.event << ": <bdi>"
        << escape_html(e.label) << "</bdi></h2>\n<p>" << date_range(e) << (e.first_date_days ? "; " : "")
        << "languages: " << escape_html(join(e.languages, ", ")) << "; sources: <bdi>" << escape_html(join(e.sources, ", "))
        << "</bdi></p>\n<table class=\"coverage\">\n<tr><th>date</th><th>source</th><th>lang</th><th>title</th><th>note</th></tr>\n";
    for (std::size_t m : timeline(engine, e)) {
      const DocumentRecord& d = engine.document(m);
      const std::string title = escape_html(d.title.empty() ? d.id : d.title);
      out << "<tr><td>" << escape_html(d.date) << "</td><td><bdi>" << escape_html(d.source) << "</bdi></td><td>"
          << escape_html(d.lang) << "</td><td dir=\"" << (d.lang == "ar" ? "rtl" : "auto") << "\" lang=\""
          << escape_html(d.lang) << "\">"
          << (d.url.empty() ? title : "<a href=\"" + escape_html(d.url) + "\">" + title + "</a>") << "</td><td>"
          << escape_html(copy_note(c, d.id)) << "</td></tr>\n";
    }
    out << "</table>\n<h3>Who said what</h3>\n";
    out << (c.result ? render_compare_html_section(*c.result, 3) : "<p>Not compared: " + escape_html(c.note) + ".</p>\n");
    out << "</section>\n";
  }
  out << "</body>\n</html>\n";
}

// ---- text -----------------------------------------------------------------------------------

void render_text(const CorpusEngine& engine, const std::vector<EventComparison>& comparisons,
                 const EventReportContext& ctx, std::ostream& out) {
  const auto& events = engine.event_clusters();
  out << "parallax report: " << engine.size() << " documents (" << ctx.rejected_records << " rejected), "
      << events.size() << " events, claims compared by " << ctx.by << "\n";
  for (const EventComparison& c : comparisons) {
    const EventCluster& e = events[c.event];
    const Counts n = counts_of(c);
    out << "\n######## Event " << c.event << ": \u2068" << terminal_safe(e.label) << "\u2069  (" << date_range(e) << "; "
        << join(e.languages, ", ") << "; " << e.members.size() << " documents; " << n.conflicts << " conflicts, "
        << n.agreements << " agreements)\n";
    for (std::size_t m : timeline(engine, e)) {
      const DocumentRecord& d = engine.document(m);
      const std::string note = copy_note(c, d.id);
      out << "  " << terminal_safe(d.date.empty() ? "(undated)" : d.date) << "  [" << terminal_safe(d.lang) << "] \u2068"
          << terminal_safe(d.source) << "\u2069: \u2068" << terminal_safe(d.title.empty() ? d.id : d.title) << "\u2069"
          << (note.empty() ? "" : "  {" + terminal_safe(note) + "}") << "\n";
    }
    if (c.result) {
      out << render_compare_text(*c.result, 120);
    } else {
      out << "  not compared: " << c.note << "\n";
    }
  }
}

}  // namespace

void order_for_attention(const CorpusEngine& engine, std::vector<EventComparison>& comparisons) {
  std::stable_sort(comparisons.begin(), comparisons.end(), [&](const EventComparison& x, const EventComparison& y) {
    const Counts a = counts_of(x), b = counts_of(y);
    const std::size_t size_x = engine.event_clusters()[x.event].members.size();
    const std::size_t size_y = engine.event_clusters()[y.event].members.size();
    return std::make_tuple(a.conflicts, a.agreements, size_x) > std::make_tuple(b.conflicts, b.agreements, size_y);
  });
}

void render_event_report(const CorpusEngine& engine, const std::vector<EventComparison>& comparisons,
                         const EventReportContext& context, ReportFormat format, std::ostream& out) {
  switch (format) {
    case ReportFormat::Json: render_json(engine, comparisons, context, out); break;
    case ReportFormat::Markdown: render_markdown(engine, comparisons, context, out); break;
    case ReportFormat::Html: render_html(engine, comparisons, context, out); break;
    case ReportFormat::Text: render_text(engine, comparisons, context, out); break;
  }
}

}  // namespace parallax
