#include "pipeline/engine_option_table.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "group/lsh_parameters.hpp"
#include "pipeline/option_text.hpp"

namespace parallax {
namespace {

std::string canonical_name(std::string_view name) {
  std::string key(name);
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

// One row per option; the lambdas convert without capturing, so they decay to plain functions.
#define PARALLAX_NUMBER_OPTION(key, type, field, text)                                           \
  EngineOptionSpec {                                                                             \
    key, type, text,                                                                             \
        [](EngineOptions& o, std::string_view v) {                                               \
          o.field = parse_option_number<decltype(o.field)>(key, v);                              \
        },                                                                                       \
        [](const EngineOptions& o) { return option_number_text(o.field); }                       \
  }
#define PARALLAX_INT_OPTION(key, field, text) PARALLAX_NUMBER_OPTION(key, "int", field, text)
#define PARALLAX_FLOAT_OPTION(key, field, text) PARALLAX_NUMBER_OPTION(key, "float", field, text)

std::vector<EngineOptionSpec> make_table() {
  std::vector<EngineOptionSpec> table = {
      PARALLAX_INT_OPTION("threads", threads, "worker threads (0: all cores)"),
      PARALLAX_INT_OPTION("shingle_size", minhash.shingle_size, "words per shingle"),
      PARALLAX_INT_OPTION("hashes", minhash.num_hashes, "MinHash signature length"),
      PARALLAX_INT_OPTION("bands", near_duplicates.bands,
                          "LSH bands (0: chosen with rows from dup_threshold and hashes; given without rows it must "
                          "divide hashes)"),
      PARALLAX_INT_OPTION("rows", near_duplicates.rows,
                          "signature rows per LSH band (0: chosen with bands; bands x rows must not exceed hashes)"),
      PARALLAX_FLOAT_OPTION("dup_threshold", near_duplicates.jaccard_threshold,
                            "estimated Jaccard of word shingles needed to call two documents near-duplicates"),
      PARALLAX_FLOAT_OPTION("containment", near_duplicates.containment,
                            "estimated share of the smaller document's shingles found in a larger one from which the "
                            "two are reported as a partial copy (0: not looked for)"),
      PARALLAX_FLOAT_OPTION("event_threshold", events.threshold,
                            "minimum average cosine between the members of an event written in one language"),
      PARALLAX_FLOAT_OPTION("cross_lingual_threshold", events.cross_language_threshold,
                            "minimum average cosine between the members of an event written in different languages"),
      PARALLAX_FLOAT_OPTION("cross_lingual_evidence", events.cross_language_evidence,
                            "0: off. Otherwise a merge across languages must also beat chance: the excess of its pairs "
                            "over their documents' median cosine across languages, summed over independent members, "
                            "must reach this many times the margin by which the best unrelated candidate exceeds that "
                            "median (deviation x sqrt(2 ln candidates)). 1 suits large corpora; it costs some recall "
                            "across languages (docs/lexicon.md)"),
      PARALLAX_FLOAT_OPTION("translation_threshold", translation.threshold,
                            "share of sentences that must pair up in order for two documents in different languages "
                            "to be reported as a translation"),
      PARALLAX_INT_OPTION("neighbors", knn.neighbors, "nearest neighbours searched per document"),
      PARALLAX_INT_OPTION("date_window", events.date_window_days,
                          "days apart beyond which dated documents never share an event (0: ignore dates)"),
      PARALLAX_INT_OPTION("dimensions", dimensions, "dense vector dimensions"),
      PARALLAX_INT_OPTION("exact_search_limit", knn.exact_search_limit,
                          "documents in one date window (or an undated corpus) above which an inverted file replaces exact search"),
      PARALLAX_INT_OPTION("search_probes", knn.ivf_probe,
                          "inverted-file lists a document searches past the exact search limit (more: closer to "
                          "exact search, slower)"),
      PARALLAX_INT_OPTION("top_terms", top_terms, "top terms listed per event cluster"),
      PARALLAX_INT_OPTION("seed", seed, "seed of the dense projection"),
  };
  table.push_back({"near_duplicates_only", "bool",
                   "analyze for near-duplicates only (about 8x less CPU per document; events cannot be built)",
                   [](EngineOptions& o, std::string_view v) { o.near_duplicates_only = parse_option_bool("near_duplicates_only", v); },
                   [](const EngineOptions& o) { return option_bool_text(o.near_duplicates_only); }});
  table.push_back({"cross_lingual", "bool",
                   "events across languages: words become English concept keys and cross-script name keys "
                   "(false: monolingual stems)",
                   [](EngineOptions& o, std::string_view v) { o.cross_lingual = parse_option_bool("cross_lingual", v); },
                   [](const EngineOptions& o) { return option_bool_text(o.cross_lingual); }});
  table.push_back({"translations", "bool",
                   "report a document and its translation into another language as a cross-language copy "
                   "(needs cross_lingual; keeps the sentences' terms in a temporary file in TMPDIR until the run ends)",
                   [](EngineOptions& o, std::string_view v) { o.translations = parse_option_bool("translations", v); },
                   [](const EngineOptions& o) { return option_bool_text(o.translations); }});
  // A list: each setting adds one file (the CLI flag and the ABI key repeat); the value reads back
  // as the files joined by ':' (as PATH).
  table.push_back({"lexicon", "string",
                   "a bilingual lexicon TSV (word, language, English gloss[, weight]) added to the built-in "
                   "concept table; repeatable",
                   [](EngineOptions& o, std::string_view v) {
                     if (v.empty()) {  // what an unset list reads back as: no lexicon
                       o.lexicons.clear();
                     } else {
                       o.lexicons.emplace_back(v);
                     }
                   },
                   [](const EngineOptions& o) { return option_paths_text(o.lexicons); }});
  table.push_back({"projection", "string", "dense projection of TF-IDF: random (sparse random map) or svd (truncated SVD)",
                   [](EngineOptions& o, std::string_view v) {
                     try {
                       o.projection = parse_projection_kind(v);
                     } catch (const std::exception& e) {
                       throw std::invalid_argument(std::string("option 'projection': ") + e.what());
                     }
                   },
                   [](const EngineOptions& o) { return std::string(projection_kind_name(o.projection)); }});
  return table;
}

#undef PARALLAX_FLOAT_OPTION
#undef PARALLAX_INT_OPTION
#undef PARALLAX_NUMBER_OPTION

}  // namespace

const std::vector<EngineOptionSpec>& engine_option_table() {
  static const std::vector<EngineOptionSpec> table = make_table();
  return table;
}

const EngineOptionSpec* find_engine_option(std::string_view name) {
  const std::string key = canonical_name(name);
  for (const auto& spec : engine_option_table())
    if (key == spec.name) return &spec;
  return nullptr;
}

void set_engine_option(EngineOptions& options, std::string_view name, std::string_view value) {
  const EngineOptionSpec* spec = find_engine_option(name);
  if (!spec) throw UnknownOptionError("unknown option '" + std::string(name) + "'");
  spec->set(options, value);
}

void validate_engine_options(const EngineOptions& o) {
  if (o.minhash.shingle_size < 1) throw std::invalid_argument("shingle_size must be at least 1");
  if (o.minhash.num_hashes < 1) throw std::invalid_argument("hashes must be positive");
  if (!(o.near_duplicates.jaccard_threshold >= 0 && o.near_duplicates.jaccard_threshold <= 1))
    throw std::invalid_argument("dup_threshold must lie in [0, 1]");
  if (!(o.near_duplicates.containment >= 0 && o.near_duplicates.containment <= 1))
    throw std::invalid_argument("containment must lie in [0, 1] (0: partial copies are not looked for)");
  resolve_banding(o.near_duplicates.jaccard_threshold, o.minhash.num_hashes, o.near_duplicates.bands,
                  o.near_duplicates.rows);  // throws naming bands or rows
  if (!(o.events.threshold >= -1 && o.events.threshold <= 1))
    throw std::invalid_argument("event_threshold must lie in [-1, 1]");
  if (!(o.events.cross_language_threshold >= -1 && o.events.cross_language_threshold <= 1))
    throw std::invalid_argument("cross_lingual_threshold must lie in [-1, 1]");
  if (!(o.events.cross_language_evidence >= 0 && o.events.cross_language_evidence <= 100))
    throw std::invalid_argument("cross_lingual_evidence must lie in [0, 100] (0: off)");
  if (!(o.translation.threshold > 0 && o.translation.threshold <= 1))
    throw std::invalid_argument("translation_threshold must lie in (0, 1]");
  if (o.dimensions < 1) throw std::invalid_argument("dimensions must be positive");
  if (o.knn.neighbors < 1) throw std::invalid_argument("neighbors must be positive");
  if (o.knn.ivf_probe < 1) throw std::invalid_argument("search_probes must be positive");
  if (o.threads < 0) throw std::invalid_argument("threads must not be negative");
  if (o.events.date_window_days < 0) throw std::invalid_argument("date_window must not be negative");
  if (o.top_terms < 0) throw std::invalid_argument("top_terms must not be negative");
}

}  // namespace parallax
