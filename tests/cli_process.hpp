#pragma once
// Runs a shell command line (the real CLI, as a user types it) and collects its standard output
// and exit status; the CLI tests build their command lines on top.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parallax::test {

struct ShellRun {
  int exit_code = -1;  // -1 when the process did not exit normally (a signal)
  std::string out;
};

inline ShellRun run_shell(const std::string& command) {
  ShellRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// The CLI (PARALLAX_CLI) with `args`, its standard output and error apart. environment: "NAME=value "
// assignments for the CLI's process only.
inline CliRun run_cli(const std::string& args, const std::string& environment = "") {
  const auto err_file = std::filesystem::temp_directory_path() / ("parallax_cli_err_" + std::to_string(::getpid()));
  const ShellRun shell = run_shell(environment + std::string(PARALLAX_CLI) + " " + args + " 2>" + err_file.string());
  CliRun run{shell.exit_code, shell.out, read_file(err_file)};
  std::filesystem::remove(err_file);
  return run;
}

}  // namespace parallax::test
