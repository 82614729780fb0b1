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

// Loads the OpenMP runtime, which the CLI otherwise loads at its first parallel region
// (cli/lazy_openmp.cpp): a command that may open one (the kNN search of events) calls it first,
// so that a runtime that cannot be loaded is an exception it reports. Throws std::runtime_error.
void load_openmp_runtime();

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // a run-time failure (unreadable output file, ...)
inline constexpr int kExitUsage = 2;        // bad command line
inline constexpr int kExitInvalidInput = 3; // --strict and some input records were rejected

}  // namespace parallax::cli
