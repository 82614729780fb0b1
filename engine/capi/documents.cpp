// Adding documents, building, and reading documents back: the engine half of the C ABI.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "capi/abi_error.hpp"
#include "capi/document_fields.hpp"
#include "capi/engine_handle.hpp"
#include "io/corpus_reader.hpp"
#include "io/date.hpp"
#include "io/utf8_validation.hpp"
#include "report/json_text.hpp"
#include "report/json_writer.hpp"

using namespace parallax::capi;
using parallax::Document;

namespace {

void require_new_id(const parallax_engine& engine, const std::string& id, const std::string& where) {
  if (engine.engine.contains(id))
    throw AbiError(PARALLAX_ERROR_DUPLICATE_ID, where + "id '" + id + "' is already in the engine");
}

void add_checked(parallax_engine& engine, Document&& document) {
  if (engine.settings.keep_text) engine.kept.push_back(document);
  engine.engine.add(std::move(document));
}

const char* item(const char* const* array, size_t i) { return array == nullptr ? nullptr : array[i]; }

// Members sorted by key, extra fields' nested objects too: the order of the nlohmann::json this
// was once dumped from, which users already compare against.
void write_document(parallax::JsonWriter& w, const parallax::CorpusEngine& engine, std::size_t index) {
  const parallax::DocumentRecord& d = engine.document(index);
  w.begin_object();
  w.key("date").value(d.date);
  if (!d.extra_fields.empty()) write_json_fields(w.key("extra"), d.extra_fields, parallax::JsonKeyOrder::Sorted);
  w.key("id").value(d.id);
  w.key("index").value(index);
  w.key("lang").value(d.lang);
  w.key("source").value(d.source);
  w.key("text_bytes").value(d.text_bytes);
  w.key("title").value(d.title);
  w.key("url").value(d.url);
  w.end_object();
}

void require_index(const parallax_engine& engine, size_t index) {
  if (index >= engine.engine.size())
    throw AbiError(PARALLAX_ERROR_NOT_FOUND, "document index " + std::to_string(index) + " is out of range (" +
                                                 std::to_string(engine.engine.size()) + " documents)");
}

// parallax_engine_read_corpus(_columns): every record the reader accepts that the engine does not
// hold yet is added. Throws AbiError.
void read_corpus_into(parallax_engine* engine, const char* path, const char* id_column, const char* text_column,
                      size_t* out_added, size_t* out_rejected, char** out_problems) {
  require(engine, "engine");
  const std::string input = checked_text(path, "path");
  parallax::TableColumns columns;
  if (id_column) columns.id = checked_text(id_column, "id_column");
  if (text_column) columns.text = checked_text(text_column, "text_column");
  std::error_code error;
  if (input == "-" || !std::filesystem::exists(input, error))
    throw AbiError(PARALLAX_ERROR_IO, "cannot read '" + input + "': no such file or directory");
  parallax::InputDiagnostics diagnostics;
  size_t added = 0;
  parallax::read_corpus(
      {input},
      [&](Document&& d) {
        if (engine->engine.contains(d.id)) {
          diagnostics.report({.file = d.origin,
                              .message = "duplicate id '" + d.id + "' (already in the engine); record skipped"});
          diagnostics.count_rejected_record();
          return;
        }
        add_checked(*engine, std::move(d));
        ++added;
      },
      diagnostics, columns);
  std::unique_ptr<char, decltype(&parallax_string_free)> problems(
      out_problems ? copy_out(diagnostics.problems().empty() ? std::string() : diagnostics.format()) : nullptr,
      &parallax_string_free);
  if (out_added) *out_added = added;
  if (out_rejected) *out_rejected = diagnostics.rejected_records();
  if (out_problems) *out_problems = problems.release();
}

}  // namespace

namespace parallax::capi {

void require_built(const parallax_engine& engine) {
  if (!engine.engine.current_scope())
    throw AbiError(PARALLAX_ERROR_NOT_BUILT,
                   engine.engine.size() == 0
                       ? "the engine has not been built (add documents, then build)"
                       : "documents were added since the last build, or removed (call parallax_engine_build)");
}

void require_built_index(const parallax_engine& engine, size_t index) {
  require_built(engine);
  require_index(engine, index);
}

void require_built_scope(const parallax_engine& engine, int32_t scope) {
  require_built(engine);
  const parallax::BuildScope built = *engine.engine.current_scope();
  if (scope != PARALLAX_BUILD_FEATURES && built == parallax::BuildScope::FeaturesOnly)
    throw AbiError(PARALLAX_ERROR_NOT_BUILT, "the last build computed features only; build with "
                                             "PARALLAX_BUILD_NEAR_DUPLICATES or PARALLAX_BUILD_EVERYTHING for groups");
  if (scope == PARALLAX_BUILD_EVERYTHING && built != parallax::BuildScope::Everything)
    throw AbiError(PARALLAX_ERROR_NOT_BUILT,
                   "the last build was near-duplicates only; build with PARALLAX_BUILD_EVERYTHING for vectors and events");
}

}  // namespace parallax::capi

extern "C" {

PARALLAX_API int32_t parallax_engine_add(parallax_engine* engine, const char* id, const char* text, const char* title,
                                         const char* source, const char* lang, const char* date, const char* url) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    Document d = checked_document(id, text, title, source, lang, date, url, "", "parallax_engine_add");
    require_new_id(*engine, d.id, "");
    add_checked(*engine, std::move(d));
  });
}

PARALLAX_API int32_t parallax_engine_add_batch(parallax_engine* engine, size_t count, const char* const* ids,
                                               const char* const* texts, const char* const* titles,
                                               const char* const* sources, const char* const* langs,
                                               const char* const* dates, const char* const* urls) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    if (count == 0) return;
    require(ids, "ids");
    require(texts, "texts");
    std::vector<Document> batch;
    batch.reserve(count);
    std::unordered_set<std::string> batch_ids;
    for (size_t i = 0; i < count; ++i) {
      const std::string where = "document " + std::to_string(i) + ": ";
      batch.push_back(checked_document(ids[i], texts[i], item(titles, i), item(sources, i), item(langs, i),
                                       item(dates, i), item(urls, i), where, "parallax_engine_add"));
      require_new_id(*engine, batch.back().id, where);
      if (!batch_ids.insert(batch.back().id).second)
        throw AbiError(PARALLAX_ERROR_DUPLICATE_ID, where + "id '" + batch.back().id + "' appears twice in the batch");
    }
    for (Document& d : batch) add_checked(*engine, std::move(d));
  });
}

PARALLAX_API int32_t parallax_engine_read_corpus(parallax_engine* engine, const char* path, size_t* out_added,
                                                 size_t* out_rejected, char** out_problems) {
  return guarded(__func__, [&] { read_corpus_into(engine, path, nullptr, nullptr, out_added, out_rejected, out_problems); });
}

PARALLAX_API int32_t parallax_engine_read_corpus_columns(parallax_engine* engine, const char* path,
                                                         const char* id_column, const char* text_column,
                                                         size_t* out_added, size_t* out_rejected, char** out_problems) {
  return guarded(__func__, [&] {
    read_corpus_into(engine, path, id_column, text_column, out_added, out_rejected, out_problems);
  });
}

PARALLAX_API int32_t parallax_engine_document_count(const parallax_engine* engine, size_t* out_count) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_count, "out_count");
    *out_count = engine->engine.size();
  });
}

PARALLAX_API int32_t parallax_engine_build(parallax_engine* engine, int32_t scope) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    if (scope != PARALLAX_BUILD_NEAR_DUPLICATES && scope != PARALLAX_BUILD_EVERYTHING && scope != PARALLAX_BUILD_FEATURES)
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT,
                     "scope " + std::to_string(scope) +
                         " is not PARALLAX_BUILD_NEAR_DUPLICATES, PARALLAX_BUILD_EVERYTHING or PARALLAX_BUILD_FEATURES");
    if (engine->engine.size() == 0)
      throw AbiError(PARALLAX_ERROR_EMPTY_CORPUS, "no document was added; add documents before building");
    if (scope == PARALLAX_BUILD_EVERYTHING && engine->engine.options().near_duplicates_only)
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT,
                     "the engine was created with near_duplicates_only: build with PARALLAX_BUILD_NEAR_DUPLICATES");
    engine->engine.build(scope == PARALLAX_BUILD_EVERYTHING ? parallax::BuildScope::Everything
                         : scope == PARALLAX_BUILD_FEATURES ? parallax::BuildScope::FeaturesOnly
                                                            : parallax::BuildScope::NearDuplicatesOnly);
  });
}

PARALLAX_API int32_t parallax_engine_remove(parallax_engine* engine, const char* id) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    const std::string key = checked_text(id, "id");
    const std::optional<size_t> index = engine->engine.find(key);
    if (!index) throw AbiError(PARALLAX_ERROR_NOT_FOUND, "no document has id '" + key + "'");
    engine->engine.remove(key);
    if (engine->settings.keep_text) engine->kept.erase(engine->kept.begin() + static_cast<std::ptrdiff_t>(*index));
  });
}

PARALLAX_API int32_t parallax_engine_find(const parallax_engine* engine, const char* id, size_t* out_index) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_index, "out_index");
    const std::string key = checked_text(id, "id");
    const std::optional<size_t> index = engine->engine.find(key);
    if (!index) throw AbiError(PARALLAX_ERROR_NOT_FOUND, "no document has id '" + key + "'");
    *out_index = *index;
  });
}

PARALLAX_API int32_t parallax_engine_document_json(const parallax_engine* engine, size_t index, char** out_json) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_json, "out_json");
    require_built_index(*engine, index);
    std::string text;
    parallax::JsonWriter writer(text);
    write_document(writer, engine->engine, index);
    *out_json = copy_out(text);
  });
}

PARALLAX_API int32_t parallax_engine_documents_json(const parallax_engine* engine, char** out_json) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_json, "out_json");
    require_built(*engine);
    std::string text;
    parallax::JsonWriter writer(text);
    writer.begin_array();
    for (size_t i = 0; i < engine->engine.size(); ++i) write_document(writer, engine->engine, i);
    writer.end_array();
    *out_json = copy_out(text);
  });
}

}  // extern "C"
