#pragma once
// The engine's tunable options as one table of key/value settings. The C ABI takes options as
// (key, value) text pairs from this table, the Python package turns keyword arguments into them,
// and the CLI's flags are the same keys spelled with dashes (--dup-threshold = dup_threshold).
// Adding an option is one row here; no struct crosses a boundary.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/corpus_engine.hpp"

namespace parallax {

struct EngineOptionSpec {
  const char* name;         // lower_snake_case key
  const char* type;         // "int", "float", "bool" or "string"
  const char* description;  // one line, for --help, docs and Python's parallax.options()
  // Parses `value` into `options`; throws std::invalid_argument with a message naming the key.
  void (*set)(EngineOptions& options, std::string_view value);
  // The current value as text, in the form `set` accepts.
  std::string (*get)(const EngineOptions& options);
};

// A key that no row of the table has.
class UnknownOptionError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

const std::vector<EngineOptionSpec>& engine_option_table();

// The row for `name` (dashes are read as underscores), or nullptr.
const EngineOptionSpec* find_engine_option(std::string_view name);

// Sets one option from text. Throws UnknownOptionError or std::invalid_argument.
void set_engine_option(EngineOptions& options, std::string_view name, std::string_view value);

// Checks the options together (e.g. bands divide hashes); throws std::invalid_argument.
void validate_engine_options(const EngineOptions& options);

}  // namespace parallax
