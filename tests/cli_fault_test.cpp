// Fault injection, as SQLite tests its out-of-memory paths: the real CLI run under a range of
// address-space limits (RLIMIT_AS through `ulimit -v`). Wherever memory runs out, a command ends
// with a message and exit status 1 and leaves no report behind; where it does not, the report is
// the one an unlimited run writes. Never an abort, a crash or a hang.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_process.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The bundled corpus written 300 times over with fresh ids: about 4,000 documents, enough that
// the engine's own allocations, not the libraries', decide where memory runs out.
void write_large_corpus(const fs::path& path) {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/examples/corpus.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::ofstream out(path);
  for (int copy = 0; copy < 300; ++copy)
    for (const std::string& line : lines) {
      const auto id_end = line.find("\",", line.find("\"id\": \""));
      out << line.substr(0, id_end) << "-" << copy << line.substr(id_end) << "\n";
    }
}

}  // namespace

TEST_CASE("fault injection: out of address space is a message and exit 1, never a crash or a lost report") {
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("skipped: AddressSanitizer reserves more address space than any limit leaves");
  return;
#endif
  const fs::path dir = fs::temp_directory_path() / ("parallax_fault_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path corpus = dir / "corpus.jsonl";
  write_large_corpus(corpus);
  // One OpenBLAS thread: its worker threads spin forever when their start-up buffer cannot be
  // allocated (an OpenBLAS behaviour, before any of parallax runs), which is not what is tested here.
  const std::string cli = "OPENBLAS_NUM_THREADS=1 timeout 120 " + std::string(PARALLAX_CLI);
  int failures_seen = 0, successes_seen = 0;
  for (const std::string command : {"dedup", "cluster", "report"}) {
    const fs::path expected_path = dir / (command + "-unlimited.json");
    const auto unlimited = parallax::test::run_shell(cli + " " + command + " --quiet -f json -o " + expected_path.string() +
                                                     " " + corpus.string() + " 2>&1");
    REQUIRE(unlimited.exit_code == 0);
    const std::string expected = read_file(expected_path);
    for (int megabytes = 100; megabytes <= 600; megabytes += 50) {
      CAPTURE(command);
      CAPTURE(megabytes);
      const fs::path out = dir / (command + "-limited.json");
      fs::remove(out);
      const auto run = parallax::test::run_shell("ulimit -v " + std::to_string(megabytes * 1024) + "; " + cli + " " +
                                                 command + " --quiet -f json -o " + out.string() + " " +
                                                 corpus.string() + " 2>&1");
      if (run.exit_code == 127 && run.out.find("error while loading shared libraries") != std::string::npos)
        continue;  // too little for the dynamic loader itself
      CHECK((run.exit_code == 0 || run.exit_code == 1));
      if (run.exit_code == 0) {
        ++successes_seen;
        CHECK(read_file(out) == expected);
      } else if (run.exit_code == 1) {
        ++failures_seen;
        CHECK(run.out.find("parallax " + command + ": ") != std::string::npos);
        CHECK(!fs::exists(out));  // no partial report
      } else {
        MESSAGE(run.out);
      }
    }
  }
  fs::remove_all(dir);
  // The range must cover both sides of the limit, or the test tested nothing.
  CHECK(failures_seen > 0);
  CHECK(successes_seen > 0);
}
