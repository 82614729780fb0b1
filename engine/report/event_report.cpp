#include "report/event_report.hpp"

#include <algorithm>
#include <sstream>
#include <tuple>
#include <utility>

#include "core/rethrowing_streams.hpp"
#include "report/compare_report.hpp"
#include "report/html.hpp"
#include "report/json_writer.hpp"
#include "report/safe_text.hpp"

namespace parallax {
namespace {

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

// ---- one event's section, per format -----------------------------------------------------

// One event compact, as an element of the report's "events" array.
std::string json_section(const CorpusEngine& engine, const EventComparison& c, const Counts& n) {
  std::string text;
  JsonWriter w(text);
  w.begin_object();
  write_event_fields(w, engine, c.event);
  w.key("conflicts").value(n.conflicts);
  w.key("agreements").value(n.agreements);
  w.key("comparison");
  if (c.result) {
    write_compare_json(w, *c.result);
  } else {
    w.null();
  }
  w.key("comparison_note");
  if (c.result) {
    w.null();
  } else {
    w.value(c.note);
  }
  w.end_object();
  return text;
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char ch : markdown_safe(s)) {
    if (ch == '|') out += "\\|";
    else out += ch;
  }
  return out;
}

std::string markdown_section(const CorpusEngine& engine, const EventComparison& c) {
  const EventCluster& e = engine.event_clusters()[c.event];
  OutputText out;
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
  return out.str();
}

constexpr const char* kReportStyle = R"(
nav table td, nav table th { font-size: 0.95em; }
nav table td:nth-child(2) { white-space: nowrap; }
section.event { border-top: 3px solid #888; margin-top: 2.5em; padding-top: 0.5em; }
.coverage td { font-size: 0.9em; }
.conflicts { color: #a00; font-weight: bold; }
@media print { section.event { page-break-before: always; } }
)";

std::string html_section(const CorpusEngine& engine, const EventComparison& c) {
  const EventCluster& e = engine.event_clusters()[c.event];
  OutputText out;
  out << "<section class=\"event\" id=\"event-" << c.event << "\">\n<h2>Event " << c.event << ": <bdi>"
      << escape_html(e.label) << "</bdi></h2>\n<p>" << date_range(e) << (e.first_date_days ? "; " : "")
      << "languages: " << escape_html(join(e.languages, ", ")) << "; sources: <bdi>" << escape_html(join(e.sources, ", "))
      << "</bdi></p>\n<table class=\"coverage\">\n<tr><th>date</th><th>source</th><th>lang</th><th>title</th><th>note</th></tr>\n";
  for (std::size_t m : timeline(engine, e)) {
    const DocumentRecord& d = engine.document(m);
    const std::string title = escape_html(d.title.empty() ? d.id : d.title);
    out << "<tr id=\"" << document_anchor(d.id) << "\"><td>" << escape_html(d.date) << "</td><td><bdi>"
        << escape_html(d.source) << "</bdi></td><td>"
        << escape_html(d.lang) << "</td><td dir=\"" << (d.lang == "ar" ? "rtl" : "auto") << "\" lang=\""
        << escape_html(d.lang) << "\">"
        << (d.url.empty() ? title : "<a href=\"" + escape_html(d.url) + "\">" + title + "</a>") << "</td><td>"
        << escape_html(copy_note(c, d.id)) << "</td></tr>\n";
  }
  out << "</table>\n<h3>Who said what</h3>\n";
  out << (c.result ? render_compare_html_section(*c.result, 3, true) : "<p>Not compared: " + escape_html(c.note) + ".</p>\n");
  out << "</section>\n";
  return out.str();
}

std::string text_section(const CorpusEngine& engine, const EventComparison& c, const Counts& n) {
  const EventCluster& e = engine.event_clusters()[c.event];
  OutputText out;
  out << "\n######## Event " << c.event << ": \u2068" << terminal_safe(e.label) << "\u2069  (" << date_range(e) << "; "
      << join(e.languages, ", ") << "; " << e.sources.size() << " sources; " << e.members.size() << " documents; "
      << n.conflicts << " conflicts, "
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
  return out.str();
}

}  // namespace

EventReportWriter::EventReportWriter(const CorpusEngine& engine, EventReportContext context, ReportFormat format)
    : engine_(engine), context_(std::move(context)), format_(format), spill_("parallax-report") {}

void EventReportWriter::add(const EventComparison& c) {
  const Counts n = counts_of(c);
  std::string text;
  switch (format_) {
    case ReportFormat::Json: text = json_section(engine_, c, n); break;
    case ReportFormat::Markdown: text = markdown_section(engine_, c); break;
    case ReportFormat::Html: text = html_section(engine_, c); break;
    case ReportFormat::Text: text = text_section(engine_, c, n); break;
  }
  spill_.write_at(spilled_, text.data(), text.size());
  sections_.push_back({c.event, n.conflicts, n.agreements, spilled_, text.size()});
  spilled_ += text.size();
  compared_ += c.result.has_value();
}

void EventReportWriter::order_sections() {
  const auto& events = engine_.event_clusters();
  std::sort(sections_.begin(), sections_.end(), [&](const Section& x, const Section& y) {
    const std::size_t size_x = events[x.event].members.size(), size_y = events[y.event].members.size();
    return std::make_tuple(y.conflicts, y.agreements, size_y, x.event) <
           std::make_tuple(x.conflicts, x.agreements, size_x, y.event);
  });
}

void EventReportWriter::write_head(std::ostream& out) const {
  const auto& events = engine_.event_clusters();
  switch (format_) {
    case ReportFormat::Json: break;  // write_json() writes it all
    case ReportFormat::Markdown:
      out << "# parallax report\n\n" << engine_.size() << " documents (" << context_.rejected_records << " rejected), "
          << events.size() << " events; claims compared by " << context_.by << ", events with conflicts first.\n\n"
          << "| event | dates | languages | sources | documents | conflicts | agreements |\n|---|---|---|---|---|---|---|\n";
      for (const Section& s : sections_) {
        const EventCluster& e = events[s.event];
        out << "| [" << md_cell(e.label) << "](#event-" << s.event << ") | " << date_range(e) << " | "
            << join(e.languages, ", ") << " | " << e.sources.size() << " | " << e.members.size() << " | " << s.conflicts
            << " | " << s.agreements
            << " |\n";
      }
      break;
    case ReportFormat::Html:
      out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>parallax report</title>\n"
          << "<style>" << compare_html_style() << kReportStyle << "</style>\n</head>\n<body>\n<h1>parallax report</h1>\n<p>"
          << engine_.size() << " documents (" << context_.rejected_records << " rejected), " << events.size()
          << " events; claims compared by " << escape_html(context_.by) << "; events with conflicts first.</p>\n"
          << "<nav><table>\n<tr><th>event</th><th>dates</th><th>languages</th><th>sources</th><th>documents</th><th>conflicts</th>"
             "<th>agreements</th></tr>\n";
      for (const Section& s : sections_) {
        const EventCluster& e = events[s.event];
        out << "<tr><td><a href=\"#event-" << s.event << "\"><bdi>" << escape_html(e.label) << "</bdi></a></td><td>"
            << date_range(e) << "</td><td>" << escape_html(join(e.languages, ", ")) << "</td><td>" << e.sources.size()
            << "</td><td>" << e.members.size()
            << "</td><td" << (s.conflicts ? " class=\"conflicts\"" : "") << ">" << s.conflicts << "</td><td>"
            << s.agreements << "</td></tr>\n";
      }
      out << "</table></nav>\n";
      break;
    case ReportFormat::Text:
      out << "parallax report: " << engine_.size() << " documents (" << context_.rejected_records << " rejected), "
          << events.size() << " events, claims compared by " << context_.by << "\n";
      break;
  }
}

void EventReportWriter::write_tail(std::ostream& out) const {
  switch (format_) {
    case ReportFormat::Html: out << "</body>\n</html>\n"; break;
    case ReportFormat::Json:  // write_json() writes it all
    case ReportFormat::Markdown:
    case ReportFormat::Text: break;
  }
}

void EventReportWriter::write(std::ostream& out) {
  order_sections();
  if (format_ == ReportFormat::Json) return write_json(out);
  write_head(out);
  std::string text;
  for (const Section& s : sections_) {
    text.resize(s.bytes);
    spill_.read_at(s.offset, text.data(), text.size());
    out << text;
  }
  write_tail(out);
}

// The head pretty-printed, each event's section compact on its own line, as they were spilled.
void EventReportWriter::write_json(std::ostream& out) const {
  std::string text;
  JsonWriter w(text, 2);
  w.begin_object();
  w.key("schema_version").value(kReportSchemaVersion);
  w.key("command").value("report");
  w.key("by").value(context_.by);
  w.key("input").begin_object();
  w.key("documents").value(engine_.size()).key("rejected").value(context_.rejected_records);
  w.end_object();
  w.key("events").begin_array();
  std::string section;
  for (const Section& s : sections_) {
    section.resize(s.bytes);
    spill_.read_at(s.offset, section.data(), section.size());
    w.raw(section);
    out << text;
    text.clear();
  }
  w.end_array();
  w.key("translations").raw(translations_json(engine_));
  w.end_object();
  out << text << "\n";
}

}  // namespace parallax
