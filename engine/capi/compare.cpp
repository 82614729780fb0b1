// parallax_engine_compare: the claims of a set of the engine's documents, aligned and judged, as the
// JSON `parallax compare --format json` prints.
#include <optional>
#include <sstream>
#include <unordered_set>

#include "capi/abi_error.hpp"
#include "capi/engine_handle.hpp"
#include "claims/aliases.hpp"
#include "claims/match_tokens.hpp"
#include "core/rethrowing_streams.hpp"
#include "diff/compare.hpp"
#include "pipeline/compare_session.hpp"
#include "pipeline/event_comparisons.hpp"
#include "report/compare_report.hpp"
#include "report/event_report.hpp"

using namespace parallax::capi;

namespace {

// A comparison session for one call: the engine's compare settings (aliases, thresholds, stance
// model: rows of the option table) and its concept table's lexicons, compared by `by`.
parallax::CompareSession session_for(const parallax_engine& engine, parallax::CompareBy by) {
  parallax::CompareSettings settings = engine.settings.compare;
  settings.options.by = by;
  settings.cross_lingual = engine.engine.concept_table() != nullptr;
  settings.lexicons = engine.settings.engine.lexicons;
  try {
    return parallax::CompareSession(std::move(settings));
  } catch (const parallax::LexiconError& e) {  // the built-in antonyms or concept table are missing
    throw AbiError(PARALLAX_ERROR_UNAVAILABLE, e.what());
  }
}

parallax::CompareBy compare_mode(int32_t mode) {
  switch (mode) {
    case PARALLAX_COMPARE_BY_DOCUMENT: return parallax::CompareBy::Document;
    case PARALLAX_COMPARE_BY_SOURCE: return parallax::CompareBy::Source;
    case PARALLAX_COMPARE_BY_SPEAKER: return parallax::CompareBy::Speaker;
    default:
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT,
                     "mode " + std::to_string(mode) + " is not a PARALLAX_COMPARE_BY_* constant");
  }
}

// The kept documents with these ids, in the order given.
std::vector<parallax::Document> selected_documents(const parallax_engine& engine, const char* const* ids,
                                                   size_t count) {
  std::vector<parallax::Document> out;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < count; ++i) {
    const std::string id = checked_text(ids[i], "ids[" + std::to_string(i) + "]");
    const std::optional<std::size_t> index = engine.engine.find(id);
    if (!index) throw AbiError(PARALLAX_ERROR_NOT_FOUND, "no document has id '" + id + "'");
    if (!seen.insert(id).second) throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "id '" + id + "' is given twice");
    out.push_back(engine.kept.at(*index));
  }
  return out;
}

}  // namespace

extern "C" {

PARALLAX_API int32_t parallax_engine_compare(const parallax_engine* engine, const char* const* ids, size_t id_count,
                                             int32_t mode, char** out_json) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(ids, "ids");
    require(out_json, "out_json");
    const parallax::CompareBy by = compare_mode(mode);
    if (id_count < (by == parallax::CompareBy::Document ? 2u : 1u))
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT,
                     "compare by document needs at least two documents (by speaker or source, one), got " +
                         std::to_string(id_count));
    if (!engine->settings.keep_text)
      throw AbiError(PARALLAX_ERROR_UNAVAILABLE, "this engine was created with keep_text=false, so it has no text to compare");
    const auto documents = selected_documents(*engine, ids, id_count);
    const parallax::CompareSession session = session_for(*engine, by);
    try {
      *out_json = copy_out(parallax::render_compare_json(session.compare(documents)));
    } catch (const parallax::CompareError& e) {
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, e.what());
    }
  });
}

PARALLAX_API int32_t parallax_engine_report(const parallax_engine* engine, int32_t format, int32_t mode,
                                            char** out_text) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_text, "out_text");
    const parallax::CompareBy by = compare_mode(mode);
    if (by == parallax::CompareBy::Document)
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "a report compares by speaker or by source, not by document");
    parallax::ReportFormat report_format{};
    switch (format) {
      case PARALLAX_REPORT_JSON: report_format = parallax::ReportFormat::Json; break;
      case PARALLAX_REPORT_MARKDOWN: report_format = parallax::ReportFormat::Markdown; break;
      case PARALLAX_REPORT_HTML: report_format = parallax::ReportFormat::Html; break;
      case PARALLAX_REPORT_TEXT: report_format = parallax::ReportFormat::Text; break;
      default:
        throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT,
                       "format " + std::to_string(format) + " is not a PARALLAX_REPORT_* constant");
    }
    require_built_scope(*engine, PARALLAX_BUILD_EVERYTHING);
    if (!engine->settings.keep_text)
      throw AbiError(PARALLAX_ERROR_UNAVAILABLE, "this engine was created with keep_text=false, so it has no text to compare");
    const parallax::CompareSession session = session_for(*engine, by);
    parallax::EventReportWriter report(engine->engine, {by == parallax::CompareBy::Source ? "source" : "speaker", 0},
                                       report_format);
    parallax::compare_events(engine->engine, session, [&](std::size_t m) { return engine->kept.at(m); },
                             [&](parallax::EventComparison&& c) { report.add(c); }, {},
                             parallax::resolve_thread_count(engine->settings.engine.threads));
    parallax::OutputText out;
    report.write(out);
    *out_text = copy_out(out.str());
  });
}

}  // extern "C"
