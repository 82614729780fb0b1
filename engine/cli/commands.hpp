#pragma once
// The CLI's subcommands. Each parses its own options (Boost.Program_options) from the arguments
// that follow the command name, runs the library, renders, and returns the process exit code.
#include <string>
#include <vector>

namespace parallax::cli {

int run_cluster_command(const std::vector<std::string>& args);
int run_dedup_command(const std::vector<std::string>& args);
int run_compare_command(const std::vector<std::string>& args);
int run_report_command(const std::vector<std::string>& args);
int run_index_command(const std::vector<std::string>& args);

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // a run-time failure (unreadable output file, ...)
inline constexpr int kExitUsage = 2;        // bad command line
inline constexpr int kExitInvalidInput = 3; // --strict and some input records were rejected

}  // namespace parallax::cli
