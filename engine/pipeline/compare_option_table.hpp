#pragma once
// The comparison's settings as rows of key/value text, as the engine's option table has them
// (pipeline/engine_option_table): the C ABI takes them among parallax_engine_create's options and
// the Python package as keyword arguments (Engine(agree_threshold=0.5, aliases=[...])), so the
// ABI's compare and report can be tuned as the CLI's flags tune `parallax compare`.
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/compare_session.hpp"

namespace parallax {

struct CompareOptionSpec {
  const char* name;         // lower_snake_case key
  const char* type;         // "float", "bool" or "string"
  const char* description;
  void (*set)(CompareSettings& settings, std::string_view value);  // throws std::invalid_argument naming the key
  std::string (*get)(const CompareSettings& settings);
};

const std::vector<CompareOptionSpec>& compare_option_table();
// The row for `name` (dashes read as underscores), or nullptr.
const CompareOptionSpec* find_compare_option(std::string_view name);
// Checks the settings together (thresholds in range, agree at or above align); throws std::invalid_argument.
void validate_compare_settings(const CompareSettings& settings);

}  // namespace parallax
