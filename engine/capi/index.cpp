// The document index through the C ABI: parallax_index_* over store/document_index.
#include <filesystem>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "capi/abi_error.hpp"
#include "capi/document_fields.hpp"
#include "core/rethrowing_streams.hpp"
#include "io/corpus_reader.hpp"
#include "io/date.hpp"
#include "io/utf8_validation.hpp"
#include "report/cluster_report.hpp"
#include "report/index_report.hpp"
#include "store/document_index.hpp"

using namespace parallax::capi;
using parallax::Document;
using parallax::DocumentIndex;

struct parallax_index {
  parallax_index(const std::string& path, DocumentIndex::Access access, parallax::IndexOptions options)
      : index(path, access, std::move(options)) {}
  DocumentIndex index;
};

namespace {

const char* item(const char* const* array, size_t i) { return array == nullptr ? nullptr : array[i]; }

// Document i of the caller's arrays, checked as parallax_engine_add_batch checks it.
Document checked_document(size_t i, const char* const* ids, const char* const* texts, const char* const* titles,
                          const char* const* sources, const char* const* langs, const char* const* dates,
                          const char* const* urls) {
  return parallax::capi::checked_document(ids[i], texts[i], item(titles, i), item(sources, i), item(langs, i),
                                          item(dates, i), item(urls, i), "document " + std::to_string(i) + ": ",
                                          "parallax_index");
}

std::vector<Document> checked_documents(size_t count, const char* const* ids, const char* const* texts,
                                        const char* const* titles, const char* const* sources, const char* const* langs,
                                        const char* const* dates, const char* const* urls, bool unique_ids) {
  require(ids, "ids");
  require(texts, "texts");
  std::vector<Document> documents;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < count; ++i) {
    documents.push_back(checked_document(i, ids, texts, titles, sources, langs, dates, urls));
    if (unique_ids && !seen.insert(documents.back().id).second)
      throw AbiError(PARALLAX_ERROR_DUPLICATE_ID,
                     "document " + std::to_string(i) + ": id '" + documents.back().id + "' is given twice");
  }
  return documents;
}

}  // namespace

namespace {

double recompute_share(const std::string& value) {
  std::size_t end = 0;
  double share = -1;
  try {
    share = std::stod(value, &end);
  } catch (const std::exception&) {
  }
  if (end != value.size() || !(share >= 0))
    throw AbiError(PARALLAX_ERROR_INVALID_OPTION, "recompute_share must be a number >= 0, not '" + value + "'");
  return share;
}

}  // namespace

PARALLAX_API int32_t parallax_index_open(const char* path, int32_t mode, const char* const* keys,
                                         const char* const* values, size_t count, parallax_index** out_index) {
  return guarded(__func__, [&] {
    require(out_index, "out_index");
    const std::string file = checked_text(path, "path");
    if (mode != PARALLAX_INDEX_READ_WRITE && mode != PARALLAX_INDEX_READ_ONLY)
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT,
                     "mode " + std::to_string(mode) + " is neither PARALLAX_INDEX_READ_WRITE nor PARALLAX_INDEX_READ_ONLY");
    parallax::IndexOptions options;
    if (count > 0) {
      require(keys, "keys");
      require(values, "values");
    }
    for (size_t i = 0; i < count; ++i) {
      const std::string key = checked_text(keys[i], "keys[" + std::to_string(i) + "]");
      const std::string value = checked_text(values[i], "values[" + std::to_string(i) + "]");
      if (key == "recompute_share") {  // the handle's incremental policy, not an engine option
        options.incremental.recompute_share = recompute_share(value);
        continue;
      }
      try {
        parallax::set_engine_option(options.engine, key, value);
      } catch (const parallax::UnknownOptionError&) {
        throw;
      } catch (const std::invalid_argument& e) {
        throw AbiError(PARALLAX_ERROR_INVALID_OPTION, e.what());
      }
      if (key != "threads") options.given.push_back(key);
    }
    try {
      parallax::validate_engine_options(options.engine);
    } catch (const std::invalid_argument& e) {
      throw AbiError(PARALLAX_ERROR_INVALID_OPTION, e.what());
    }
    const auto access = mode == PARALLAX_INDEX_READ_ONLY ? DocumentIndex::Access::ReadOnly : DocumentIndex::Access::ReadWrite;
    *out_index = new parallax_index(file, access, std::move(options));
  });
}

PARALLAX_API void parallax_index_close(parallax_index* index) { delete index; }

PARALLAX_API int32_t parallax_index_add(parallax_index* index, size_t count, const char* const* ids,
                                        const char* const* texts, const char* const* titles, const char* const* sources,
                                        const char* const* langs, const char* const* dates, const char* const* urls,
                                        size_t* out_added) {
  return guarded(__func__, [&] {
    require(index, "index");
    auto documents = checked_documents(count, ids, texts, titles, sources, langs, dates, urls, true);
    for (auto& d : documents) index->index.add(std::move(d));
    const size_t added = index->index.commit();
    if (out_added) *out_added = added;
  });
}

PARALLAX_API int32_t parallax_index_add_corpus(parallax_index* index, const char* path, size_t* out_added,
                                               size_t* out_skipped, size_t* out_rejected) {
  return guarded(__func__, [&] {
    require(index, "index");
    const std::string input = checked_text(path, "path");
    std::error_code error;
    if (input == "-" || !std::filesystem::exists(input, error))
      throw AbiError(PARALLAX_ERROR_IO, "cannot read '" + input + "': no such file or directory");
    parallax::InputDiagnostics diagnostics;
    size_t skipped = 0;
    parallax::read_corpus({input}, [&](Document&& d) {
      if (!index->index.add(std::move(d))) ++skipped;
    }, diagnostics);
    const size_t added = index->index.commit();
    if (out_added) *out_added = added;
    if (out_skipped) *out_skipped = skipped;
    if (out_rejected) *out_rejected = diagnostics.rejected_records();
  });
}

PARALLAX_API int32_t parallax_index_query_method_json(parallax_index* index, int32_t method, size_t count,
                                                      const char* const* ids, const char* const* texts,
                                                      const char* const* titles, const char* const* sources,
                                                      const char* const* langs, const char* const* dates,
                                                      const char* const* urls, char** out_json) {
  return guarded(__func__, [&] {
    require(index, "index");
    require(out_json, "out_json");
    if (method != PARALLAX_QUERY_LOOKUP && method != PARALLAX_QUERY_REBUILD)
      throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "method must be PARALLAX_QUERY_LOOKUP or PARALLAX_QUERY_REBUILD");
    if (count == 0) throw AbiError(PARALLAX_ERROR_INVALID_ARGUMENT, "no document to query");
    auto documents = checked_documents(count, ids, texts, titles, sources, langs, dates, urls, false);
    const auto how = method == PARALLAX_QUERY_REBUILD ? parallax::QueryMethod::Rebuild : parallax::QueryMethod::Lookup;
    *out_json = copy_out(parallax::index_query_json(index->index.path(), index->index.query(std::move(documents), how)));
  });
}

PARALLAX_API int32_t parallax_index_query_json(parallax_index* index, size_t count, const char* const* ids,
                                               const char* const* texts, const char* const* titles,
                                               const char* const* sources, const char* const* langs,
                                               const char* const* dates, const char* const* urls, char** out_json) {
  return parallax_index_query_method_json(index, PARALLAX_QUERY_LOOKUP, count, ids, texts, titles, sources, langs, dates,
                                          urls, out_json);
}

PARALLAX_API int32_t parallax_index_delete(parallax_index* index, size_t count, const char* const* ids,
                                           size_t* out_deleted) {
  return guarded(__func__, [&] {
    require(index, "index");
    if (count > 0) require(ids, "ids");
    std::vector<std::string> keys;
    for (size_t i = 0; i < count; ++i) keys.push_back(checked_text(ids[i], "ids[" + std::to_string(i) + "]"));
    const size_t deleted = index->index.remove(keys);
    if (out_deleted) *out_deleted = deleted;
  });
}

PARALLAX_API int32_t parallax_index_events_json(parallax_index* index, char** out_json) {
  return guarded(__func__, [&] {
    require(index, "index");
    require(out_json, "out_json");
    const auto engine = index->index.built_engine();
    parallax::OutputText out;
    const parallax::ClusterReportContext context{"index events", 0, !index->index.engine_options().near_duplicates_only};
    parallax::render_cluster_report(*engine, context, parallax::ReportFormat::Json, out);
    *out_json = copy_out(out.str());
  });
}

PARALLAX_API int32_t parallax_index_stats_json(parallax_index* index, char** out_json) {
  return guarded(__func__, [&] {
    require(index, "index");
    require(out_json, "out_json");
    *out_json = copy_out(parallax::index_stats_json(index->index.path(), index->index.stats()));
  });
}
