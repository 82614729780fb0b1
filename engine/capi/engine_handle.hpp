#pragma once
// What a parallax_engine handle holds: the corpus engine (which knows the documents' ids and
// whether its results are current), and what the C ABI adds around it: the documents' text for
// compare.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "pipeline/compare_session.hpp"
#include "pipeline/corpus_engine.hpp"

namespace parallax::capi {

// Options of the ABI layer itself, beside the engine's own table.
struct AbiSettings {
  EngineOptions engine;
  CompareSettings compare;  // aliases, thresholds, stance model of parallax_engine_compare / _report
  bool keep_text = true;    // keep each document for parallax_engine_compare
};

// Row count and lookup over the engine's option table followed by the ABI's own rows.
std::size_t abi_option_count();
// Fills the row's fields (any pointer may be null); false when index is out of range.
bool abi_option_info(std::size_t index, const char** name, const char** type, const char** default_value,
                     const char** description);
// Throws UnknownOptionError or std::invalid_argument.
void set_abi_option(AbiSettings& settings, const std::string& key, const std::string& value);
std::string get_abi_option(const AbiSettings& settings, const std::string& key);

}  // namespace parallax::capi

struct parallax_engine;

namespace parallax::capi {

// Throw NOT_BUILT unless results are current (and, for PARALLAX_BUILD_EVERYTHING, of that scope),
// NOT_FOUND for an index past the documents.
void require_built(const parallax_engine& engine);
void require_built_index(const parallax_engine& engine, std::size_t index);
void require_built_scope(const parallax_engine& engine, std::int32_t scope);

}  // namespace parallax::capi

struct parallax_engine {
  explicit parallax_engine(const parallax::capi::AbiSettings& s) : settings(s), engine(s.engine) {}

  parallax::capi::AbiSettings settings;
  parallax::CorpusEngine engine;
  std::vector<parallax::Document> kept;  // parallel to the engine's indices when settings.keep_text
};

struct parallax_groups {
  std::vector<std::uint64_t> offsets{0};
  std::vector<std::uint64_t> members;
  std::vector<double> scores;
  std::vector<std::uint64_t> representatives;
};
