#include "report/cluster_report.hpp"

#include "report/html.hpp"
#include "report/safe_text.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace parallax {
namespace {

using json = nlohmann::ordered_json;

// Index of the near-duplicate group of each document, or -1.
std::vector<long> group_of_documents(const CorpusEngine& engine) {
  std::vector<long> group(engine.size(), -1);
  const auto& groups = engine.near_duplicate_groups();
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (std::size_t m : groups[g].members) group[m] = static_cast<long>(g);
  return group;
}

json optional_day(const std::optional<int>& days) { return days ? json(format_day(*days)) : json(nullptr); }

json parameters_json(const CorpusEngine& engine, bool include_events) {
  const EngineOptions& o = engine.options();
  const LshBanding banding = near_duplicate_banding(o.near_duplicates, o.minhash.num_hashes);
  json p = {{"shingle_size", o.minhash.shingle_size},
            {"hashes", o.minhash.num_hashes},
            {"bands", banding.bands},
            {"rows", banding.rows},
            {"dup_threshold", o.near_duplicates.jaccard_threshold},
            {"containment", o.near_duplicates.containment}};
  if (include_events) {
    p["event_threshold"] = o.events.threshold;
    p["neighbors"] = o.knn.neighbors;
    p["date_window_days"] = o.events.date_window_days;
    p["projection"] = projection_kind_name(o.projection);
    p["dimensions"] = o.dimensions;
    p["cross_lingual"] = o.cross_lingual;
    p["cross_lingual_threshold"] = o.events.cross_language_threshold;
    p["cross_lingual_evidence"] = o.events.cross_language_evidence;
    p["lexicons"] = o.lexicons;
    p["translations"] = o.cross_lingual && o.translations;
    p["translation_threshold"] = o.translation.threshold;
  }
  return p;
}

json member_json(const CorpusEngine& engine, std::size_t index, long group) {
  const DocumentRecord& d = engine.document(index);
  json m = {{"id", d.id}, {"title", d.title}, {"source", d.source}, {"lang", d.lang}, {"date", d.date}};
  if (!d.url.empty()) m["url"] = d.url;
  m["near_duplicate_group"] = group < 0 ? json(nullptr) : json(group);
  for (const auto& [key, raw] : d.extra_fields) m["extra"][key] = json::parse(raw, nullptr, false);
  return m;
}

json event_json(const CorpusEngine& engine, std::size_t e, const std::vector<long>& group) {
  const EventCluster& c = engine.event_clusters()[e];
  json members = json::array();
  for (std::size_t m : c.members) members.push_back(member_json(engine, m, group[m]));
  return {{"event", e},
          {"size", c.members.size()},
          {"representative", engine.document(c.representative).id},
          {"label", c.label},
          {"languages", c.languages},
          {"sources", c.sources},
          {"top_terms", c.top_terms},
          {"first_date", optional_day(c.first_date_days)},
          {"last_date", optional_day(c.last_date_days)},
          {"members", std::move(members)}};
}

json translation_json(const CorpusEngine& engine, const TranslationPair& pair) {
  const DocumentRecord &a = engine.document(pair.first), &b = engine.document(pair.second);
  return {{"documents", {a.id, b.id}}, {"languages", {a.lang, b.lang}}, {"score", pair.score}};
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

json partial_copy_json(const CorpusEngine& engine, const PartialCopy& copy) {
  return {{"contained", engine.document(copy.contained).id},
          {"container", engine.document(copy.container).id},
          {"containment", copy.containment},
          {"jaccard", copy.jaccard}};
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

json near_duplicate_group_json(const CorpusEngine& engine, std::size_t g) {
  const NearDuplicateGroup& dup = engine.near_duplicate_groups()[g];
  json members = json::array();
  for (std::size_t i = 0; i < dup.members.size(); ++i)
    members.push_back({{"id", engine.document(dup.members[i]).id}, {"jaccard", dup.jaccard_to_representative[i]}});
  return {{"group", g},
          {"size", dup.members.size()},
          {"representative", engine.document(dup.members[0]).id},
          {"members", std::move(members)}};
}

// Writes one array element by element: a million-document report is never one JSON tree in
// memory (that tree alone took about 1.1 GB at 1M documents).
template <typename ElementFn>
void write_json_array(std::ostream& out, const char* key, std::size_t count, ElementFn element) {
  out << ",\n  \"" << key << "\": [";
  for (std::size_t i = 0; i < count; ++i) out << (i ? "," : "") << "\n    " << element(i).dump();
  out << (count ? "\n  ]" : "]");
}

void write_report_json(const CorpusEngine& engine, const ClusterReportContext& ctx, std::ostream& out) {
  const json head = {{"schema_version", kClusterSchemaVersion},
                     {"command", ctx.command},
                     {"parameters", parameters_json(engine, ctx.include_events)},
                     {"input", {{"documents", engine.size()}, {"rejected", ctx.rejected_records}}}};
  std::string text = head.dump(2);
  text.erase(text.find_last_of('}'));  // reopen the object to stream the arrays into it
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  out << text;
  if (ctx.include_events) {
    const auto group = group_of_documents(engine);
    write_json_array(out, "events", engine.event_clusters().size(),
                     [&](std::size_t e) { return event_json(engine, e, group); });
  }
  write_json_array(out, "near_duplicate_groups", engine.near_duplicate_groups().size(),
                   [&](std::size_t g) { return near_duplicate_group_json(engine, g); });
  write_json_array(out, "partial_copies", engine.partial_copies().size(),
                   [&](std::size_t p) { return partial_copy_json(engine, engine.partial_copies()[p]); });
  if (ctx.include_events)
    write_json_array(out, "translations", engine.translations().size(),
                     [&](std::size_t t) { return translation_json(engine, engine.translations()[t]); });
  out << "\n}\n";
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
  json events = json::array();
  for (std::size_t e = 0; e < engine.event_clusters().size(); ++e) events.push_back(event_json(engine, e, group));
  return events.dump();
}

std::string event_json(const CorpusEngine& engine, std::size_t event) {
  return event_json(engine, event, group_of_documents(engine)).dump();
}

std::string translations_json(const CorpusEngine& engine) {
  json pairs = json::array();
  for (const TranslationPair& t : engine.translations()) pairs.push_back(translation_json(engine, t));
  return pairs.dump();
}

std::string partial_copies_json(const CorpusEngine& engine) {
  json pairs = json::array();
  for (const PartialCopy& p : engine.partial_copies()) pairs.push_back(partial_copy_json(engine, p));
  return pairs.dump();
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
  std::ostringstream s;
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
