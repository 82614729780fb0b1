// `parallax cluster` and `parallax dedup`: read a corpus, build, render.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "io/corpus_reader.hpp"
#include "pipeline/corpus_engine.hpp"
#include "report/cluster_report.hpp"

namespace po = boost::program_options;

namespace parallax::cli {
namespace {

struct CorpusCommandSettings {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  std::string projection = "random";
  bool strict = false;
  bool quiet = false;
  EngineOptions engine;
};

po::options_description option_table(CorpusCommandSettings& s, bool with_events) {
  EngineOptions& e = s.engine;
  po::options_description opts("Options");
  opts.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&s.format)->default_value("text"), "output format: text, md, json or html")
      ("output,o", po::value(&s.output), "write the report to FILE instead of stdout")
      ("threads,t", po::value(&e.threads)->default_value(0), "worker threads (0: all cores)")
      ("strict", po::bool_switch(&s.strict), "exit with status 3 if any input record is rejected")
      ("quiet,q", po::bool_switch(&s.quiet), "no progress or summary on stderr")
      ("dup-threshold", po::value(&e.near_duplicates.jaccard_threshold)->default_value(0.45, "0.45"),
       "estimated Jaccard of word shingles needed to call two documents near-duplicates")
      ("shingle-size", po::value(&e.minhash.shingle_size)->default_value(2), "words per shingle")
      ("hashes", po::value(&e.minhash.num_hashes)->default_value(128), "MinHash signature length")
      ("bands", po::value(&e.near_duplicates.bands)->default_value(32), "LSH bands (must divide --hashes)");
  if (with_events) {
    opts.add_options()
        ("event-threshold", po::value(&e.events.threshold)->default_value(0.2, "0.2"),
         "minimum average cosine between all members of an event cluster")
        ("neighbors", po::value(&e.knn.neighbors)->default_value(20), "nearest neighbours searched per document")
        ("date-window", po::value(&e.events.date_window_days)->default_value(7),
         "days apart beyond which dated documents never share an event (0: ignore dates)")
        ("projection", po::value(&s.projection)->default_value("random"),
         "dense projection of TF-IDF: random (sparse random map) or svd (truncated SVD, slower)")
        ("dimensions", po::value(&e.dimensions)->default_value(512), "dense vector dimensions")
        ("exact-search-limit", po::value(&e.knn.exact_search_limit)->default_value(50000),
         "documents in one date window (or an undated corpus) above which an IVF index replaces exact search");
  }
  return opts;
}

void print_help(const std::string& command, const po::options_description& opts) {
  std::cout << "Usage: parallax " << command << " [OPTIONS] CORPUS...\n\n"
            << (command == "cluster" ? "Groups documents into events (same real-world story) and, inside them, near-duplicates.\n"
                                     : "Finds near-duplicate groups only (the fast path for large corpora).\n")
            << "CORPUS: a JSONL file (id and text required; title, source, lang, date, url optional),\n"
               "a folder of .txt files, a plain text file, or - to read JSONL from stdin.\n\n"
            << opts << "\nExamples:\n"
            << "  parallax " << command << " examples/corpus.jsonl\n"
            << "  parallax " << command << " --format json -o out.json news/*.jsonl\n"
            << "  cat corpus.jsonl | parallax " << command << " --strict -\n";
}

void validate(CorpusCommandSettings& s) {
  if (s.inputs.empty()) throw po::error("no CORPUS given");
  s.engine.projection = parse_projection_kind(s.projection);
  const auto& e = s.engine;
  if (e.minhash.shingle_size < 1) throw po::error("--shingle-size must be at least 1");
  if (e.minhash.num_hashes < 1 || e.near_duplicates.bands < 1 || e.minhash.num_hashes % e.near_duplicates.bands != 0)
    throw po::error("--bands must be positive and divide --hashes");
  if (e.near_duplicates.jaccard_threshold < 0 || e.near_duplicates.jaccard_threshold > 1)
    throw po::error("--dup-threshold must lie in [0, 1]");
  if (e.dimensions < 1) throw po::error("--dimensions must be positive");
  if (e.knn.neighbors < 1) throw po::error("--neighbors must be positive");
  if (e.threads < 0) throw po::error("--threads must not be negative");
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
  const auto opts = option_table(s, scope == BuildScope::Everything);
  po::options_description all;
  all.add(opts).add_options()("input", po::value(&s.inputs));
  po::positional_options_description positional;
  positional.add("input", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      print_help(command, opts);
      return kExitOk;
    }
    po::notify(vm);
    validate(s);
    parse_report_format(s.format);
  } catch (const std::exception& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n(see parallax " << command << " --help)\n";
    return kExitUsage;
  }
  attach_progress(s);
  s.engine.near_duplicates_only = scope == BuildScope::NearDuplicatesOnly;
  s.engine.keep_build_inputs = false;  // one build, then only its results are read

  CorpusEngine engine(s.engine);
  InputDiagnostics diagnostics;
  read_corpus(s.inputs, [&](Document&& d) { engine.add(std::move(d)); }, diagnostics);
  engine.build(scope);
  if (s.engine.progress) std::cerr << "\r\033[K";

  std::ofstream file;
  if (!s.output.empty()) {
    file.open(s.output);
    if (!file) {
      std::cerr << "parallax " << command << ": cannot write " << s.output << "\n";
      return kExitFailure;
    }
  }
  ClusterReportContext ctx{command, diagnostics.rejected_records(), scope == BuildScope::Everything};
  render_cluster_report(engine, ctx, parse_report_format(s.format), s.output.empty() ? std::cout : file);

  if (!diagnostics.problems().empty()) std::cerr << diagnostics.format();
  if (!s.quiet || diagnostics.rejected_records() > 0)
    std::cerr << "parallax " << command << ": " << engine.size() << " documents read, "
              << diagnostics.rejected_records() << " records rejected\n";
  if (s.strict && !diagnostics.problems().empty()) return kExitInvalidInput;
  return kExitOk;
}

}  // namespace

int run_cluster_command(const std::vector<std::string>& args) { return run("cluster", args, BuildScope::Everything); }
int run_dedup_command(const std::vector<std::string>& args) { return run("dedup", args, BuildScope::NearDuplicatesOnly); }

}  // namespace parallax::cli
