#pragma once
// The command-line parsing every subcommand shares: its options, then the inputs as positional
// arguments; --help prints and ends; any parsing or checking error is reported as a usage error.
#include <boost/program_options.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/corpus_reader.hpp"

namespace parallax::cli {

// --id-column and --text-column: which CSV/TSV columns hold each document's id and text, for
// every command that reads a corpus.
void add_table_column_options(boost::program_options::options_description& options, TableColumns& columns);

// Parses args into `options` and `inputs`. print_help runs for --help; check runs on the parsed
// values and throws on a bad combination. Returns the exit code when the command ends here
// (kExitOk after help, kExitUsage after an error, reported on stderr), nullopt to go on.
std::optional<int> parse_command_line(const std::string& command, const std::vector<std::string>& args,
                                      const boost::program_options::options_description& options,
                                      std::vector<std::string>& inputs, const std::function<void()>& print_help,
                                      const std::function<void(const boost::program_options::variables_map&)>& check);

}  // namespace parallax::cli
