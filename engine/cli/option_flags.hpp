#pragma once
// Command-line flags generated from the option tables the C ABI and Python share: the engine's
// (pipeline/engine_option_table: cluster, dedup, report) and the comparison's
// (pipeline/compare_option_table: compare, report). Flags are the keys with dashes
// (dup_threshold -> --dup-threshold); names, types, defaults, descriptions and parsing come from
// the tables.
#include <boost/program_options.hpp>
#include <optional>
#include <string>

#include "pipeline/compare_session.hpp"
#include "pipeline/corpus_engine.hpp"

namespace parallax::cli {

// Which engine options a command offers: near-duplicate ones only (dedup), or also the event ones.
enum class EngineFlags { NearDuplicates, Events };

// --threads is left out when the command defines its own.
void add_engine_flags(boost::program_options::options_description& options, EngineFlags which,
                      bool with_threads = true);
// Sets the engine options from the parsed flags (every flag has a default), then checks them
// together; throws std::invalid_argument naming the option.
void set_engine_flags(const boost::program_options::variables_map& parsed, EngineFlags which, EngineOptions& engine,
                      bool with_threads = true);

// The comparison table's rows as flags, written into `settings` when parsed (a bool row is a
// switch: --keep-copies; aliases is -a, repeatable). A bad value is a usage error naming the option.
void add_compare_flags(boost::program_options::options_description& options, CompareSettings& settings);

// The session those settings describe. A bad alias file, lexicon or stance model is reported as
// "parallax COMMAND: message" on stderr and gives nothing: the command exits with kExitUsage.
std::optional<CompareSession> open_compare_session(const std::string& command, const CompareSettings& settings);

}  // namespace parallax::cli
