// The option table as the C ABI shows it, and parallax_engine_create / parallax_engine_option.
#include <memory>
#include <string>

#include "capi/abi_error.hpp"
#include "capi/engine_handle.hpp"
#include "lexicon/concept_table.hpp"
#include "pipeline/compare_option_table.hpp"
#include "pipeline/compare_session.hpp"

namespace parallax::capi {
namespace {

constexpr const char* kKeepText = "keep_text";

std::string canonical_key(std::string key) {
  for (char& c : key)
    if (c == '-') c = '_';
  return key;
}

bool parse_bool(const std::string& key, const std::string& value) {
  if (value == "true" || value == "1" || value == "yes" || value == "on") return true;
  if (value == "false" || value == "0" || value == "no" || value == "off") return false;
  throw std::invalid_argument("option '" + key + "': '" + value + "' is not true or false");
}

// Defaults as text, computed once: static storage for parallax_option_info.
const std::vector<std::string>& default_values() {
  static const std::vector<std::string> values = [] {
    std::vector<std::string> out;
    const EngineOptions defaults;
    for (const auto& spec : engine_option_table()) out.push_back(spec.get(defaults));
    const AbiSettings abi_defaults;
    for (const auto& spec : compare_option_table()) out.push_back(spec.get(abi_defaults.compare));
    out.push_back(abi_defaults.keep_text ? "true" : "false");
    return out;
  }();
  return values;
}

}  // namespace

// The rows in order: the engine's, then the comparison's, then keep_text.
std::size_t abi_option_count() { return engine_option_table().size() + compare_option_table().size() + 1; }

bool abi_option_info(std::size_t index, const char** name, const char** type, const char** default_value,
                     const char** description) {
  const auto& engine_rows = engine_option_table();
  const auto& compare_rows = compare_option_table();
  if (index >= abi_option_count()) return false;
  if (default_value) *default_value = default_values()[index].c_str();
  if (index < engine_rows.size()) {
    if (name) *name = engine_rows[index].name;
    if (type) *type = engine_rows[index].type;
    if (description) *description = engine_rows[index].description;
  } else if (index < engine_rows.size() + compare_rows.size()) {
    const auto& row = compare_rows[index - engine_rows.size()];
    if (name) *name = row.name;
    if (type) *type = row.type;
    if (description) *description = row.description;
  } else {
    if (name) *name = kKeepText;
    if (type) *type = "bool";
    if (description) *description = "keep each document's text in the engine so parallax_engine_compare can read it";
  }
  return true;
}

void set_abi_option(AbiSettings& settings, const std::string& key, const std::string& value) {
  if (canonical_key(key) == kKeepText) {
    settings.keep_text = parse_bool(key, value);
    return;
  }
  if (const CompareOptionSpec* row = find_compare_option(key)) {
    row->set(settings.compare, value);
    return;
  }
  set_engine_option(settings.engine, key, value);
}

std::string get_abi_option(const AbiSettings& settings, const std::string& key) {
  if (canonical_key(key) == kKeepText) return settings.keep_text ? "true" : "false";
  if (const CompareOptionSpec* row = find_compare_option(key)) return row->get(settings.compare);
  const EngineOptionSpec* spec = find_engine_option(key);
  if (!spec) throw UnknownOptionError("unknown option '" + key + "'");
  return spec->get(settings.engine);
}

}  // namespace parallax::capi

using namespace parallax::capi;

extern "C" {

PARALLAX_API size_t parallax_option_count(void) { return abi_option_count(); }

PARALLAX_API int32_t parallax_option_info(size_t index, const char** out_name, const char** out_type,
                                          const char** out_default_value, const char** out_description) {
  return guarded(__func__, [&] {
    if (!abi_option_info(index, out_name, out_type, out_default_value, out_description))
      throw AbiError(PARALLAX_ERROR_NOT_FOUND, "option index " + std::to_string(index) + " is out of range (" +
                                                   std::to_string(abi_option_count()) + " options)");
  });
}

PARALLAX_API int32_t parallax_engine_create(const char* const* keys, const char* const* values, size_t option_count,
                                            parallax_engine** out_engine) {
  return guarded(__func__, [&] {
    require(out_engine, "out_engine");
    if (option_count > 0) {
      require(keys, "keys");
      require(values, "values");
    }
    AbiSettings settings;
    for (size_t i = 0; i < option_count; ++i) {
      const std::string key = checked_text(keys[i], "keys[" + std::to_string(i) + "]");
      const std::string value = checked_text(values[i], "values[" + std::to_string(i) + "]");
      try {
        set_abi_option(settings, key, value);
      } catch (const parallax::UnknownOptionError&) {
        throw;
      } catch (const std::invalid_argument& e) {
        throw AbiError(PARALLAX_ERROR_INVALID_OPTION, e.what());
      }
    }
    try {
      parallax::validate_engine_options(settings.engine);
      parallax::validate_compare_settings(settings.compare);
    } catch (const std::invalid_argument& e) {
      throw AbiError(PARALLAX_ERROR_INVALID_OPTION, e.what());
    }
    // Alias files and a stance model are read now, so that a bad one is named at creation.
    if (!settings.compare.alias_files.empty() || !settings.compare.stance_model.empty()) {
      try {
        parallax::CompareSettings check = settings.compare;
        check.cross_lingual = false;
        parallax::CompareSession{std::move(check)};
      } catch (const parallax::AliasFileError& e) {
        throw AbiError(PARALLAX_ERROR_INVALID_OPTION, e.what());
      } catch (const parallax::StanceModelError& e) {
        throw AbiError(PARALLAX_ERROR_INVALID_OPTION, e.what());
      }
    }
    try {
      *out_engine = std::make_unique<parallax_engine>(settings).release();
    } catch (const parallax::LexiconError& e) {  // a bad lexicon file, or no built-in concept table
      throw AbiError(PARALLAX_ERROR_INVALID_OPTION, e.what());
    }
  });
}

PARALLAX_API void parallax_engine_free(parallax_engine* engine) { delete engine; }

PARALLAX_API int32_t parallax_engine_option(const parallax_engine* engine, const char* key, char** out_value) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(out_value, "out_value");
    *out_value = copy_out(get_abi_option(engine->settings, checked_text(key, "key")));
  });
}

}  // extern "C"
