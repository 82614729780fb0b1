#include "report/cluster_report.hpp"

#include "core/rethrowing_streams.hpp"
#include "report/html.hpp"
#include "report/json_text.hpp"
#include "report/json_writer.hpp"
#include "report/safe_text.hpp"

#include <chrono>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace parallax {
namespace {

// Index of the near-duplicate group of each document, or -1.
std::vector<long> group_of_documents(const CorpusEngine& engine) {
  std::vector<long> group(engine.size(), -1);
  const auto& groups = engine.near_duplicate_groups();
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (std::size_t m : groups[g].members) group[m] = static_cast<long>(g);
  return group;
}

void write_optional_day(JsonWriter& w, const std::optional<int>& days) {
  if (days) {
    w.value(format_day(*days));
  } else {
    w.null();
  }
}

void write_parameters(JsonWriter& w, const CorpusEngine& engine, bool include_events) {
  const EngineOptions& o = engine.options();
  const LshBanding banding = near_duplicate_banding(o.near_duplicates, o.minhash.num_hashes);
  w.begin_object();
  w.key("shingle_size").value(o.minhash.shingle_size);
  w.key("hashes").value(o.minhash.num_hashes);
  w.key("bands").value(banding.bands);
  w.key("rows").value(banding.rows);
  w.key("dup_threshold").value(o.near_duplicates.jaccard_threshold);
  w.key("containment").value(o.near_duplicates.containment);
  if (include_events) {
    w.key("event_threshold").value(o.events.threshold);
    w.key("neighbors").value(o.knn.neighbors);
    w.key("date_window_days").value(o.events.date_window_days);
    w.key("projection").value(projection_kind_name(o.projection));
    w.key("dimensions").value(o.dimensions);
    w.key("cross_lingual").value(o.cross_lingual);
    w.key("cross_lingual_threshold").value(o.events.cross_language_threshold);
    w.key("cross_lingual_evidence").value(o.events.cross_language_evidence);
    w.key("lexicons").array(o.lexicons);
    w.key("translations").value(o.cross_lingual && o.translations);
    w.key("translation_threshold").value(o.translation.threshold);
  }
  w.end_object();
}

void write_member(JsonWriter& w, const CorpusEngine& engine, std::size_t index, long group) {
  const DocumentRecord& d = engine.document(index);
  w.begin_object();
  w.key("id").value(d.id).key("title").value(d.title).key("source").value(d.source);
  w.key("lang").value(d.lang).key("date").value(d.date);
  if (!d.url.empty()) w.key("url").value(d.url);
  w.key("near_duplicate_group");
  if (group < 0) {
    w.null();
  } else {
    w.value(group);
  }
  if (!d.extra_fields.empty()) write_json_fields(w.key("extra"), d.extra_fields, JsonKeyOrder::AsWritten);
  w.end_object();
}

void write_event_fields(JsonWriter& w, const CorpusEngine& engine, std::size_t e, const std::vector<long>& group) {
  const EventCluster& c = engine.event_clusters()[e];
  w.key("event").value(e);
  w.key("size").value(c.members.size());
  w.key("representative").value(engine.document(c.representative).id);
  w.key("label").value(c.label);
  w.key("languages").array(c.languages);
  w.key("sources").array(c.sources);
  w.key("top_terms").array(c.top_terms);
  write_optional_day(w.key("first_date"), c.first_date_days);
  write_optional_day(w.key("last_date"), c.last_date_days);
  w.key("members").begin_array();
  for (std::size_t m : c.members) write_member(w, engine, m, group[m]);
  w.end_array();
}

void write_event(JsonWriter& w, const CorpusEngine& engine, std::size_t e, const std::vector<long>& group) {
  w.begin_object();
  write_event_fields(w, engine, e, group);
  w.end_object();
}

void write_translation(JsonWriter& w, const CorpusEngine& engine, const TranslationPair& pair) {
  const DocumentRecord &a = engine.document(pair.first), &b = engine.document(pair.second);
  w.begin_object();
  w.key("documents").begin_array().value(a.id).value(b.id).end_array();
  w.key("languages").begin_array().value(a.lang).value(b.lang).end_array();
  w.key("score").value(pair.score);
  w.end_object();
}

// The ids of the documents each document is a translation of (in either direction).
std::vector<std::vector<std::size_t>> translations_of_documents(const CorpusEngine& engine) {
  std::vector<std::vector<std::size_t>> of(engine.size());
  for (const TranslationPair& t : engine.translations()) {
    of[t.first].push_back(t.second);
    of[t.second].push_back(t.first);
  }
  return of;
}

void write_partial_copy(JsonWriter& w, const CorpusEngine& engine, const PartialCopy& copy) {
  w.begin_object();
  w.key("contained").value(engine.document(copy.contained).id);
  w.key("container").value(engine.document(copy.container).id);
  w.key("containment").value(copy.containment);
  w.key("jaccard").value(copy.jaccard);
  w.end_object();
}

// The ids of the documents each document is a partial copy of (it is the contained one).
std::vector<std::vector<std::size_t>> containers_of_documents(const CorpusEngine& engine) {
  std::vector<std::vector<std::size_t>> of(engine.size());
  for (const PartialCopy& p : engine.partial_copies()) of[p.contained].push_back(p.container);
  return of;
}

// "partial copy of ID, ID" for a member contained in others, else "".
std::string partial_copy_note(const CorpusEngine& engine, const std::vector<std::size_t>& containers) {
  if (containers.empty()) return "";
  std::string note = "partial copy of ";
  for (std::size_t i = 0; i < containers.size(); ++i) note += (i ? ", " : "") + engine.document(containers[i]).id;
  return note;
}

void write_near_duplicate_group(JsonWriter& w, const CorpusEngine& engine, std::size_t g) {
  const NearDuplicateGroup& dup = engine.near_duplicate_groups()[g];
  w.begin_object();
  w.key("group").value(g);
  w.key("size").value(dup.members.size());
  w.key("representative").value(engine.document(dup.members[0]).id);
  w.key("members").begin_array();
  for (std::size_t i = 0; i < dup.members.size(); ++i) {
    w.begin_object();
    w.key("id").value(engine.document(dup.members[i]).id);
    w.key("jaccard").value(dup.jaccard_to_representative[i]);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// Writes one array element by element, each compact on its own line, and hands the text to `out`
// after each: a million-document report is never whole in memory (its JSON tree alone took about
// 1.1 GB at 1M documents).
template <typename ElementFn>
void write_json_array(JsonWriter& w, std::string& text, std::ostream& out, const char* key, std::size_t count,
                      ElementFn element) {
  w.key(key).begin_array();
  std::string compact;
  for (std::size_t i = 0; i < count; ++i) {
    compact.clear();
    JsonWriter element_writer(compact);
    element(element_writer, i);
    w.raw(compact);
    out << text;
    text.clear();
  }
  w.end_array();
}

void write_report_json(const CorpusEngine& engine, const ClusterReportContext& ctx, std::ostream& out) {
  std::string text;
  JsonWriter w(text, 2);
  w.begin_object();
  w.key("schema_version").value(kClusterSchemaVersion);
  w.key("command").value(ctx.command);
  write_parameters(w.key("parameters"), engine, ctx.include_events);
  w.key("input").begin_object();
  w.key("documents").value(engine.size()).key("rejected").value(ctx.rejected_records);
  w.end_object();
  if (ctx.include_events) {
    const auto group = group_of_documents(engine);
    write_json_array(w, text, out, "events", engine.event_clusters().size(),
                     [&](JsonWriter& ew, std::size_t e) { write_event(ew, engine, e, group); });
  }
  write_json_array(w, text, out, "near_duplicate_groups", engine.near_duplicate_groups().size(),
                   [&](JsonWriter& ew, std::size_t g) { write_near_duplicate_group(ew, engine, g); });
  const auto& copies = engine.partial_copies();
  write_json_array(w, text, out, "partial_copies", copies.size(),
                   [&](JsonWriter& ew, std::size_t p) { write_partial_copy(ew, engine, copies[p]); });
  if (ctx.include_events) {
    const auto& translations = engine.translations();
    write_json_array(w, text, out, "translations", translations.size(),
                     [&](JsonWriter& ew, std::size_t t) { write_translation(ew, engine, translations[t]); });
  }
  w.end_object();
  out << text << "\n";
}

std::string label_of(const DocumentRecord& d) {
  std::string label = d.id;
  if (!d.lang.empty()) label += " [" + d.lang + "]";
  if (!d.date.empty()) label += " " + d.date;
  if (!d.source.empty()) label += " (" + d.source + ")";
  if (!d.title.empty()) label += ": " + d.title;
  return label;
}

// " {translation of ID, ID}" for a member with cross-language copies, else "".
std::string translation_note(const CorpusEngine& engine, const std::vector<std::size_t>& partners) {
  if (partners.empty()) return "";
  std::string note = "translation of ";
  for (std::size_t i = 0; i < partners.size(); ++i) note += (i ? ", " : "") + engine.document(partners[i]).id;
  return note;
}

void render_text(const CorpusEngine& engine, const ClusterReportContext& ctx, std::ostream& out, bool markdown) {
  // Corpus text is shown as text: escapes never reach the terminal, tags never reach a Markdown renderer.
  const auto safe = [markdown](const std::string& text) { return markdown ? markdown_safe(text) : terminal_safe(text); };
  const auto group = group_of_documents(engine);
  const auto translated = translations_of_documents(engine);
  const auto contained = containers_of_documents(engine);
  const auto& dups = engine.near_duplicate_groups();
  const char* bullet = markdown ? "- " : "  ";
  out << (markdown ? "# parallax " : "parallax ") << ctx.command << ": " << engine.size() << " documents ("
      << ctx.rejected_records << " rejected)";
  if (ctx.include_events) out << ", " << engine.event_clusters().size() << " events";
  out << ", " << dups.size() << " near-duplicate groups";
  if (engine.options().near_duplicates.containment > 0) out << ", " << engine.partial_copies().size() << " partial copies";
  out << "\n\n";
  if (ctx.include_events) {
    const auto& clusters = engine.event_clusters();
    for (std::size_t e = 0; e < clusters.size(); ++e) {
      const EventCluster& c = clusters[e];
      out << (markdown ? "## " : "") << "Event " << e << ": " << c.members.size() << " document"
          << (c.members.size() == 1 ? "" : "s");
      if (const auto range = date_range(c); !range.empty()) out << ", " << range;
      out << ": " << safe(c.label) << "\n" << (markdown ? "\n" : "");
      out << bullet << "languages: " << safe(join(c.languages, ", ")) << "; sources: " << safe(join(c.sources, ", ")) << "\n";
      out << bullet << "top terms: " << safe(join(c.top_terms, ", ")) << "\n";
      for (std::size_t m : c.members) {
        out << bullet << (m == c.representative ? "* " : "  ") << safe(label_of(engine.document(m)));
        if (group[m] >= 0) out << "  {near-duplicate group " << group[m] << "}";
        if (!translated[m].empty()) out << "  {" << safe(translation_note(engine, translated[m])) << "}";
        if (!contained[m].empty()) out << "  {" << safe(partial_copy_note(engine, contained[m])) << "}";
        out << "\n";
      }
      out << "\n";
    }
  }
  out << (markdown ? "## " : "") << "Near-duplicate groups\n" << (markdown ? "\n" : "");
  if (dups.empty()) out << bullet << "(none)\n";
  for (std::size_t g = 0; g < dups.size(); ++g) {
    out << bullet << "group " << g << ":";
    for (std::size_t i = 0; i < dups[g].members.size(); ++i) {
      out << " " << safe(engine.document(dups[g].members[i]).id);
      if (i > 0) out << " (J~" << std::fixed << std::setprecision(2) << dups[g].jaccard_to_representative[i] << ")";
    }
    out << "\n";
  }
  if (engine.options().near_duplicates.containment > 0) {
    out << "\n" << (markdown ? "## " : "") << "Partial copies\n" << (markdown ? "\n" : "");
    if (engine.partial_copies().empty()) out << bullet << "(none)\n";
    for (const PartialCopy& p : engine.partial_copies())
      out << bullet << safe(engine.document(p.contained).id) << " in " << safe(engine.document(p.container).id) << " (C~"
          << std::fixed << std::setprecision(2) << p.containment << ", J~" << p.jaccard << ")\n";
  }
}

// A self-contained page; dir="auto" lets the browser lay out Arabic titles right to left.
void render_html(const CorpusEngine& engine, const ClusterReportContext& ctx, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>parallax " << ctx.command
      << "</title>\n<style>body{font-family:system-ui,'Noto Naskh Arabic',sans-serif;margin:2em}"
         "li{margin:.2em 0}.rep{font-weight:bold}.terms{color:#555}</style></head><body>\n";
  out << "<h1>parallax " << ctx.command << "</h1><p>" << engine.size() << " documents, " << ctx.rejected_records
      << " rejected</p>\n";
  const auto group = group_of_documents(engine);
  const auto translated = translations_of_documents(engine);
  const auto contained = containers_of_documents(engine);
  if (ctx.include_events) {
    const auto& clusters = engine.event_clusters();
    for (std::size_t e = 0; e < clusters.size(); ++e) {
      const EventCluster& c = clusters[e];
      out << "<section><h2>Event " << e << " (" << c.members.size() << ") " << date_range(c)
          << ": <bdi>" << escape_html(c.label) << "</bdi></h2><p class=\"coverage\">languages: "
          << escape_html(join(c.languages, ", ")) << "; sources: <bdi>" << escape_html(join(c.sources, ", "))
          << "</bdi></p><p class=\"terms\" dir=\"auto\">" << escape_html(join(c.top_terms, ", ")) << "</p><ul>\n";
      for (std::size_t m : c.members) {
        out << "<li dir=\"auto\"" << (m == c.representative ? " class=\"rep\"" : "") << ">"
            << escape_html(label_of(engine.document(m)));
        if (group[m] >= 0) out << " <small>[near-duplicate group " << group[m] << "]</small>";
        if (!translated[m].empty())
          out << " <small>[<bdi>" << escape_html(translation_note(engine, translated[m])) << "</bdi>]</small>";
        if (!contained[m].empty())
          out << " <small>[<bdi>" << escape_html(partial_copy_note(engine, contained[m])) << "</bdi>]</small>";
        out << "</li>\n";
      }
      out << "</ul></section>\n";
    }
  }
  out << "<h2>Near-duplicate groups</h2><ul>\n";
  const auto& dups = engine.near_duplicate_groups();
  for (std::size_t g = 0; g < dups.size(); ++g) {
    out << "<li>group " << g << ":";
    for (std::size_t m : dups[g].members) out << " <span dir=\"auto\">" << escape_html(engine.document(m).id) << "</span>";
    out << "</li>\n";
  }
  out << "</ul>\n";
  if (engine.options().near_duplicates.containment > 0) {
    out << "<h2>Partial copies</h2><ul>\n";
    for (const PartialCopy& p : engine.partial_copies())
      out << "<li><span dir=\"auto\">" << escape_html(engine.document(p.contained).id) << "</span> in <span dir=\"auto\">"
          << escape_html(engine.document(p.container).id) << "</span> (containment " << std::fixed << std::setprecision(2)
          << p.containment << ", Jaccard " << p.jaccard << ")</li>\n";
    out << "</ul>\n";
  }
  out << "</body></html>\n";
}

}  // namespace

std::string events_json(const CorpusEngine& engine) {
  const auto group = group_of_documents(engine);
  std::string text;
  JsonWriter w(text);
  w.begin_array();
  for (std::size_t e = 0; e < engine.event_clusters().size(); ++e) write_event(w, engine, e, group);
  w.end_array();
  return text;
}

void write_event_fields(JsonWriter& writer, const CorpusEngine& engine, std::size_t event) {
  write_event_fields(writer, engine, event, group_of_documents(engine));
}

namespace {

// A JSON array of `items`, each written by write(writer, engine, item).
template <typename Items, typename WriteItem>
std::string json_array(const CorpusEngine& engine, const Items& items, WriteItem write) {
  std::string text;
  JsonWriter w(text);
  w.begin_array();
  for (const auto& item : items) write(w, engine, item);
  w.end_array();
  return text;
}

}  // namespace

std::string translations_json(const CorpusEngine& engine) {
  return json_array(engine, engine.translations(), write_translation);
}

std::string partial_copies_json(const CorpusEngine& engine) {
  return json_array(engine, engine.partial_copies(), write_partial_copy);
}

ReportFormat parse_report_format(std::string_view name) {
  if (name == "text") return ReportFormat::Text;
  if (name == "md" || name == "markdown") return ReportFormat::Markdown;
  if (name == "json") return ReportFormat::Json;
  if (name == "html") return ReportFormat::Html;
  throw std::invalid_argument("unknown format '" + std::string(name) + "' (expected text, md, json or html)");
}

std::string format_day(int days_since_epoch) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days_since_epoch}}};
  OutputText s;
  s << static_cast<int>(ymd.year()) << '-' << std::setw(2) << std::setfill('0') << static_cast<unsigned>(ymd.month())
    << '-' << std::setw(2) << std::setfill('0') << static_cast<unsigned>(ymd.day());
  return s.str();
}

void render_cluster_report(const CorpusEngine& engine, const ClusterReportContext& context, ReportFormat format,
                           std::ostream& out) {
  switch (format) {
    case ReportFormat::Json: write_report_json(engine, context, out); break;
    case ReportFormat::Markdown: render_text(engine, context, out, true); break;
    case ReportFormat::Html: render_html(engine, context, out); break;
    case ReportFormat::Text: render_text(engine, context, out, false); break;
  }
}

std::string date_range(const EventCluster& c) {
  if (!c.first_date_days) return "";
  const std::string first = format_day(*c.first_date_days), last = format_day(*c.last_date_days);
  return first == last ? first : first + " .. " + last;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

}  // namespace parallax
