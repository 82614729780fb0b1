// `parallax cluster` and `parallax dedup`: read a corpus, build, render.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string_view>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/option_flags.hpp"
#include "cli/report_output.hpp"
#include "io/corpus_reader.hpp"
#include "lexicon/concept_table.hpp"
#include "pipeline/corpus_engine.hpp"
#include "pipeline/engine_option_table.hpp"
#include "report/cluster_report.hpp"

namespace po = boost::program_options;

namespace parallax::cli {
namespace {

// The engine of a finished command, never freed (see the end of run()). Volatile: a variable that
// is never read is otherwise optimized away, and LeakSanitizer then reported the engine as leaked.
parallax::CorpusEngine* volatile kept_until_exit = nullptr;

struct CorpusCommandSettings {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  bool strict = false;
  bool quiet = false;
  TableColumns columns;
  EngineOptions engine;
};

po::options_description option_table(CorpusCommandSettings& s, bool with_events) {
  po::options_description opts("Options");
  opts.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&s.format)->default_value("text"), "output format: text, md, json or html")
      ("output,o", po::value(&s.output), "write the report to FILE instead of stdout")
      ("strict", po::bool_switch(&s.strict), "exit with status 3 if any input record is rejected")
      ("quiet,q", po::bool_switch(&s.quiet), "no progress or summary on stderr");
  add_table_column_options(opts, s.columns);
  add_engine_flags(opts, with_events ? EngineFlags::Events : EngineFlags::NearDuplicates);
  return opts;
}

void print_help(const std::string& command, const po::options_description& opts) {
  std::cout << "Usage: parallax " << command << " [OPTIONS] CORPUS...\n\n"
            << (command == "cluster" ? "Groups documents into events (same real-world story) and, inside them, near-duplicates.\n"
                                     : "Finds near-duplicate groups only (the fast path for large corpora).\n")
            << "CORPUS: a JSONL file (id and text required; title, source, lang, date, url optional),\n"
               "a CSV or TSV file with a header (the same columns; see --id-column, --text-column),\n"
               "a folder of .txt files, a plain text file, any of them gzip-compressed (.jsonl.gz),\n"
               "or - to read JSONL from stdin.\n\n"
            << opts << "\nExamples:\n"
            << "  parallax " << command << " examples/corpus.jsonl\n"
            << "  parallax " << command << " --format json -o out.json news/*.jsonl\n"
            << (command == "cluster" ? "  parallax cluster --lexicon my-de-en.tsv news.jsonl   (word, language, English gloss)\n" : "")
            << "  parallax " << command << " --id-column guid --text-column body articles.csv.gz\n"
            << "  cat corpus.jsonl | parallax " << command << " --strict -\n";
}

void validate_inputs(const CorpusCommandSettings& s) {
  if (s.inputs.empty()) throw po::error("no CORPUS given");
}

// A one-line progress display, only when stderr is a terminal.
void attach_progress(CorpusCommandSettings& s) {
  if (s.quiet || !isatty(STDERR_FILENO)) return;
  s.engine.progress = [](const char* stage, std::size_t done, std::size_t total) {
    std::cerr << "\r\033[K" << stage << ": " << done << "/" << total << std::flush;
  };
}

int run(const std::string& command, const std::vector<std::string>& args, BuildScope scope) {
  CorpusCommandSettings s;
  const bool with_events = scope == BuildScope::Everything;
  const auto opts = option_table(s, with_events);
  if (const auto early = parse_command_line(command, args, opts, s.inputs, [&] { print_help(command, opts); },
                                            [&](const po::variables_map& vm) {
                                              validate_inputs(s);
                                              set_engine_flags(vm, with_events ? EngineFlags::Events : EngineFlags::NearDuplicates, s.engine);
                                              parse_report_format(s.format);
                                            }))
    return *early;
  if (const auto clash = output_overwrites_input(s.output, s.inputs)) {
    std::cerr << "parallax " << command << ": " << *clash << "\n";
    return kExitUsage;
  }
  attach_progress(s);
  s.engine.near_duplicates_only = scope == BuildScope::NearDuplicatesOnly;
  s.engine.keep_build_inputs = false;  // one build, then only its results are read

  std::unique_ptr<CorpusEngine> engine_holder;
  try {
    engine_holder = std::make_unique<CorpusEngine>(s.engine);
  } catch (const LexiconError& e) {  // a bad --lexicon file: FILE:LINE: message
    std::cerr << "parallax " << command << ": " << e.what() << "\n";
    return kExitUsage;
  }
  CorpusEngine& engine = *engine_holder;
  InputDiagnostics diagnostics;
  // The engine keeps no document's origin: no "file:line" string is built for each.
  read_corpus(s.inputs, [&](Document&& d) { engine.add(std::move(d)); }, diagnostics, s.columns,
              DocumentOrigins::Dropped);
  engine.build(scope);
  if (s.engine.progress) std::cerr << "\r\033[K";

  if (engine.size() == 0) {
    // Nothing to report: no empty report in place of the last good one.
    std::cerr << diagnostics.format() << "parallax " << command << ": "
              << (diagnostics.problems().empty() ? "the input holds no document" : "no document could be read")
              << "; no report written\n";
    return kExitInvalidInput;
  }
  ReportOutput output(s.output);
  std::ostream* out = output.stream();
  if (out) {
    ClusterReportContext ctx{command, diagnostics.rejected_records(), scope == BuildScope::Everything};
    render_cluster_report(engine, ctx, parse_report_format(s.format), *out);
  }
  if (!out || !output.commit()) {
    std::cerr << "parallax " << command << ": " << output.error() << "\n";
    return kExitFailure;
  }

  if (!diagnostics.problems().empty()) std::cerr << diagnostics.format();
  if (!s.quiet || diagnostics.rejected_records() > 0)
    std::cerr << "parallax " << command << ": " << engine.size() << " documents read, "
              << diagnostics.rejected_records() << " records rejected\n";
  // The process ends once this returns: the engine's memory goes back with it, at once, where its
  // destructor would free every record, id and signature one by one (2-3% of `dedup`'s CPU on 10k
  // documents). The engine holds no other resource (its spill file is unlinked when created).
  // A global keeps it reachable, so a leak checker does not report it (kept_until_exit).
  kept_until_exit = engine_holder.release();
  if (s.strict && !diagnostics.problems().empty()) return kExitInvalidInput;
  return kExitOk;
}

}  // namespace

int run_cluster_command(const std::vector<std::string>& args) { return run("cluster", args, BuildScope::Everything); }
int run_dedup_command(const std::vector<std::string>& args) { return run("dedup", args, BuildScope::NearDuplicatesOnly); }

}  // namespace parallax::cli
