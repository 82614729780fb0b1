// parallax: the command-line client of the engine. Thin: picks the subcommand and hands over.
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.hpp"

namespace {

constexpr const char* kUsage = R"(parallax: find near-duplicates and same-event coverage in multilingual news,
and line up what each source claims.

Usage: parallax COMMAND [OPTIONS] INPUT...

Commands:
  cluster CORPUS...      event clusters, and near-duplicate groups inside them
  dedup CORPUS...        near-duplicate groups only (fast path)
  compare DOC...         align the claims of documents, sources or speakers
  report CORPUS...       per event: its coverage and who said what (cluster, then compare)
  index SUBCOMMAND ...   an incremental index in one SQLite file: add, query, events, delete,
                         stats (`parallax index --help`)

CORPUS is a JSONL file (id, text required), a folder of .txt files, a text file, or - for stdin.
Run `parallax COMMAND --help` for a command's options and examples.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace parallax::cli;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "parallax " << PARALLAX_VERSION_STRING << "\n";
    return kExitOk;
  }
  // Whatever a command could not handle (a full temporary folder, memory) ends as a message and a
  // failure status, never as an abort.
  try {
    if (command == "cluster" || command == "report" || command == "index") load_openmp_runtime();
    if (command == "cluster") return run_cluster_command(args);
    if (command == "dedup") return run_dedup_command(args);
    if (command == "compare") return run_compare_command(args);
    if (command == "report") return run_report_command(args);
    if (command == "index") return run_index_command(args);
  } catch (const std::bad_alloc&) {
    std::cerr << "parallax " << command << ": out of memory\n";
    return kExitFailure;
  } catch (const std::system_error& e) {  // a thread that could not start, an address space full
    std::cerr << "parallax " << command << ": " << e.what() << " (the system refused a thread, memory or a file)\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n";
    return kExitFailure;
  }
  std::cerr << "parallax: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}
