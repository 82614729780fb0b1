#pragma once
// Runs a shell command line (the real CLI, as a user types it) and collects its standard output
// and exit status; the CLI tests build their command lines on top.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
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

}  // namespace parallax::test
